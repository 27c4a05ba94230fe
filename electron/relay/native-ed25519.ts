/**
 * Ed25519 with Node's native OpenSSL for the relay's hot path: every submitted envelope is verified and every commit
 * signs a checkpoint, and the WebAssembly build of libsodium was the relay's largest single cost per envelope. Verdicts
 * are checked against the same Wycheproof cases as libsodium's, and signatures byte for byte against libsodium's
 * (Ed25519 is deterministic): test/unit/electron/relay/native-ed25519.test.ts.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export type Ed25519Verify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;
export type Ed25519VerifyPooled = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => Promise<boolean>;
export type Ed25519Sign = (message: Uint8Array) => Uint8Array;

// DER headers for raw 32-byte Ed25519 keys (RFC 8410): SubjectPublicKeyInfo, and PKCS #8 around the private seed.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const MAX_CACHED_KEYS = 4096;

/** Verification on the calling thread. */
export function nativeEd25519Verifier(): Ed25519Verify {
  const keyOf = publicKeyCache();
  return (signature, message, publicKey) => {
    const key = signature.length === 64 ? keyOf(publicKey) : null;
    if (!key) return false;
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  };
}

/** The same verdicts, computed on libuv's thread pool: many at once use every core while this thread goes on. */
export function nativeEd25519PooledVerifier(): Ed25519VerifyPooled {
  const keyOf = publicKeyCache();
  return (signature, message, publicKey) => {
    const key = signature.length === 64 ? keyOf(publicKey) : null;
    if (!key) return Promise.resolve(false);
    return new Promise((resolve) => {
      try {
        verify(null, message, key, signature, (error, valid) => resolve(!error && valid));
      } catch {
        resolve(false);
      }
    });
  };
}

/** Public keys parsed once (a channel has few devices); null for bytes that are not an Ed25519 public key. */
function publicKeyCache(): (publicKey: Uint8Array) => KeyObject | null {
  const keys = new Map<string, KeyObject | null>();
  return (publicKey) => {
    if (publicKey.length !== 32) return null;
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
}

/** Signs with a libsodium-format secret key (32-byte seed, then the 32-byte public key). */
export function nativeEd25519Signer(secretKey: Uint8Array): Ed25519Sign {
  if (secretKey.length !== 64) throw new Error('an Ed25519 secret key is 64 bytes (seed and public key)');
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, secretKey.subarray(0, 32)]), format: 'der', type: 'pkcs8' });
  // The key's own half must be the public key derived from its seed, or every signature would name the wrong key.
  const derived = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
  if (!derived.equals(secretKey.subarray(32))) throw new Error('the secret key\'s public half does not match its seed');
  return (message) => new Uint8Array(sign(null, message, key));
}
