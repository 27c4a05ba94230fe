/**
 * Ed25519 verification with Node's native OpenSSL for the relay's hot path: every submitted envelope is verified, and
 * the WebAssembly build of libsodium was the relay's largest single cost per envelope. Its verdicts are checked against
 * the same Wycheproof cases as libsodium's (test/unit/electron/relay/native-ed25519.test.ts): all 151 agree.
 * Public keys are parsed once and cached (a channel has few devices).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

export type Ed25519Verify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

// DER SubjectPublicKeyInfo header for a raw 32-byte Ed25519 key (RFC 8410).
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const MAX_CACHED_KEYS = 4096;

export function nativeEd25519Verifier(): Ed25519Verify {
  const keys = new Map<string, KeyObject | null>();
  const keyObject = (publicKey: Uint8Array): KeyObject | null => {
    const id = Buffer.from(publicKey).toString('base64');
    if (!keys.has(id)) {
      if (keys.size >= MAX_CACHED_KEYS) keys.clear();
      try {
        keys.set(id, createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' }));
      } catch {
        keys.set(id, null);
      }
    }
    return keys.get(id)!;
  };
  return (signature, message, publicKey) => {
    if (signature.length !== 64 || publicKey.length !== 32) return false;
    const key = keyObject(publicKey);
    if (!key) return false;
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  };
}
