/**
 * The one place libsodium is imported (the sumo build: the standard build lacks crypto_pwhash, Argon2id). Every part of
 * the project — relay, core worker, tests — uses these wrappers, so each primitive is called one way everywhere.
 *
 * libsodium loads asynchronously (WebAssembly): call `await initCrypto()` once at start; the functions below are then
 * synchronous. Only the default import works at run time.
 */
import sodium from 'libsodium-wrappers-sumo';
import { decodeBase64Url, encodeBase64Url } from './base64url';

let ready = false;

export async function initCrypto(): Promise<void> {
  await sodium.ready;
  ready = true;
}

function lib(): typeof sodium {
  if (!ready) throw new Error('crypto used before initCrypto() finished');
  return sodium;
}

export const libraryVersion = (): string => lib().sodium_version_string();

// --- encodings (no Buffer: this code runs in the relay, the worker and the page alike) ---

/** RFC 4648 §5 base64url without padding: every binary field of the protocol is written this way (base64url.ts). */
export const toBase64Url = (bytes: Uint8Array): string => encodeBase64Url(bytes);

/** Strict: refuses padding, standard-alphabet characters and non-canonical trailing bits. */
export const fromBase64Url = (text: string): Uint8Array => decodeBase64Url(text);

/** RFC 4648 §4 standard base64 with padding, as signed notes (checkpoints) use. */
export const toBase64 = (bytes: Uint8Array): string => lib().to_base64(bytes, lib().base64_variants.ORIGINAL);
export const fromBase64 = (text: string): Uint8Array => lib().from_base64(text, lib().base64_variants.ORIGINAL);

// UTF-8 as libsodium does it (TextEncoder; TextDecoder refusing malformed input), but with one encoder and decoder
// for the process: libsodium builds a new one per call, which cost more than the encoding in a catch-up.
// Every runtime here has the WHATWG Encoding API; this folder's type settings name no environment, hence the shape.
const { TextEncoder: Encoder, TextDecoder: Decoder } = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: 'utf-8', options: { fatal: true }) => { decode(bytes: Uint8Array): string };
};
const encoder = new Encoder();
const decoder = new Decoder('utf-8', { fatal: true });
export const utf8Encode = (text: string): Uint8Array => encoder.encode(text);
/** Throws on bytes that are not UTF-8. */
export const utf8Decode = (bytes: Uint8Array): string => decoder.decode(bytes);
export const toHex = (bytes: Uint8Array): string => lib().to_hex(bytes);
export const fromHex = (hex: string): Uint8Array => lib().from_hex(hex);

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && lib().memcmp(a, b);

// --- primitives ---

/**
 * The platform's CSPRNG (WebCrypto getRandomValues, in browsers, workers and Node alike). libsodium's own randombytes
 * in this build fetches 4 bytes per call through JavaScript, which made every key and nonce cost a fraction of a
 * millisecond; so all randomness the project needs is drawn here, and libsodium gets seeds rather than drawing its own.
 */
type WebCrypto = { getRandomValues<T extends Uint8Array>(array: T): T };
const webCrypto = (globalThis as unknown as { crypto?: WebCrypto }).crypto;
const MAX_RANDOM_CHUNK = 65_536; // getRandomValues' limit per call

export function randomBytes(length: number): Uint8Array {
  if (!webCrypto) return lib().randombytes_buf(length);
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += MAX_RANDOM_CHUNK) webCrypto.getRandomValues(out.subarray(offset, Math.min(length, offset + MAX_RANDOM_CHUNK)));
  return out;
}
export const sha256 = (data: Uint8Array): Uint8Array => lib().crypto_hash_sha256(data);

/** Overwrites secret bytes in place: keys are wiped when no longer needed (lock, rotation). */
export const wipe = (secret: Uint8Array): void => lib().memzero(secret);

export interface SigningKeyPair {
  readonly publicKey: Uint8Array;
  /** libsodium's 64-byte form: seed followed by the public key. */
  readonly secretKey: Uint8Array;
}

export function generateSigningKeyPair(): SigningKeyPair {
  return withRandomSeed(signingKeyPairFromSeed);
}

function withRandomSeed<T>(derive: (seed: Uint8Array) => T): T {
  const seed = randomBytes(32);
  try {
    return derive(seed);
  } finally {
    wipe(seed);
  }
}

/** A signing key pair from a 32-byte seed: for keys that must be the same every time (test vectors). */
export function signingKeyPairFromSeed(seed: Uint8Array): SigningKeyPair {
  const { publicKey, privateKey } = lib().crypto_sign_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}

export const signDetached = (message: Uint8Array, secretKey: Uint8Array): Uint8Array => lib().crypto_sign_detached(message, secretKey);

/** Ed25519 verification; false (never a throw) for any malformed key or signature. */
export function verifyDetached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    return lib().crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
}

export interface BoxKeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export function generateBoxKeyPair(): BoxKeyPair {
  return withRandomSeed(boxKeyPairFromSeed);
}

export function boxKeyPairFromSeed(seed: Uint8Array): BoxKeyPair {
  const { publicKey, privateKey } = lib().crypto_box_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}

/** X25519 shared secret; throws when the result is all zeros (a low-order public key). */
export const x25519 = (secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array => lib().crypto_scalarmult(secretKey, publicKey);

/**
 * Anonymous sealed box (X25519 + XSalsa20-Poly1305): how a content key reaches each recipient device. Built exactly as
 * libsodium's crypto_box_seal builds it — ephemeral key pair, nonce = BLAKE2b-192(ephemeral pk || recipient pk),
 * output = ephemeral pk || crypto_box — so crypto_box_seal_open opens it, but with the ephemeral key drawn from
 * `randomBytes` (see above) and wiped after use.
 */
export function sealTo(message: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  const ephemeral = generateBoxKeyPair();
  try {
    const nonce = lib().crypto_generichash(24, concatBytes(ephemeral.publicKey, recipientPublicKey), null);
    return concatBytes(ephemeral.publicKey, lib().crypto_box_easy(message, nonce, recipientPublicKey, ephemeral.secretKey));
  } finally {
    wipe(ephemeral.secretKey);
  }
}

export function openSealed(sealed: Uint8Array, keyPair: BoxKeyPair): Uint8Array | null {
  try {
    return lib().crypto_box_seal_open(sealed, keyPair.publicKey, keyPair.secretKey);
  } catch {
    return null;
  }
}

export const AEAD_KEY_BYTES = 32;
export const AEAD_NONCE_BYTES = 24;

/** XChaCha20-Poly1305 (IETF): ciphertext followed by the 16-byte tag. */
export const aeadEncrypt = (plaintext: Uint8Array, associatedData: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array =>
  lib().crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, associatedData, null, nonce, key);

/** Null when the tag does not verify (wrong key, altered ciphertext or associated data). */
export function aeadDecrypt(ciphertext: Uint8Array, associatedData: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array | null {
  try {
    return lib().crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, associatedData, nonce, key);
  } catch {
    return null;
  }
}

// --- passphrases, keyed hashing and key derivation (the vault, its backups and its search index) ---

export const PWHASH_SALT_BYTES = 16;

/**
 * libsodium's INTERACTIVE Argon2id limits (2 passes, 64 MiB), written out as numbers so callers can name them before
 * initCrypto() has finished. Above OWASP's Argon2id minimum (19 MiB, 2 passes).
 */
export const ARGON2ID_INTERACTIVE: Readonly<{ opsLimit: number; memLimit: number }> = { opsLimit: 2, memLimit: 64 * 1024 * 1024 };

/** Argon2id v1.3 (crypto_pwhash, ALG_ARGON2ID13). Deliberately slow: run it off the UI thread. */
export function argon2id(outputLength: number, password: Uint8Array, salt: Uint8Array, opsLimit: number, memLimit: number): Uint8Array {
  const s = lib();
  return s.crypto_pwhash(outputLength, password, salt, opsLimit, memLimit, s.crypto_pwhash_ALG_ARGON2ID13);
}

/** BLAKE2b (crypto_generichash) keyed with a secret: a PRF, for values that must be comparable but not guessable. */
export const keyedHash = (outputLength: number, message: Uint8Array, key: Uint8Array): Uint8Array =>
  lib().crypto_generichash(outputLength, message, key);

/** Unkeyed BLAKE2b: a checksum against accidental damage, never a proof against a deliberate one. */
export const blake2b = (outputLength: number, message: Uint8Array): Uint8Array => lib().crypto_generichash(outputLength, message, null);

/**
 * A subkey of a 32-byte master key (crypto_kdf_derive_from_key, BLAKE2b), so one secret can serve several purposes
 * without any of them ever holding the master. `context` is exactly 8 characters and names the purpose.
 */
export function deriveSubkey(outputLength: number, id: number, context: string, key: Uint8Array): Uint8Array {
  if (context.length !== 8) throw new Error('deriveSubkey: the context is exactly 8 characters');
  return lib().crypto_kdf_derive_from_key(outputLength, id, context, key);
}
