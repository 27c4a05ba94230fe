/**
 * Checkpoints: the relay's signed statement of its log's size and root, as a signed note in the C2SP formats
 * (tlog-checkpoint inside signed-note). The body is three lines — origin, tree size in decimal, root hash in standard
 * base64 — then a blank line and one signature line: an em dash, the signer's name, and base64 of the 4-byte key id
 * followed by the Ed25519 signature over the body. Key id = SHA-256(name || "\n" || 0x01 || public key)[0:4].
 */
import { bytesEqual, concatBytes, fromBase64, sha256, signDetached, toBase64, utf8Encode, verifyDetached } from '../crypto/sodium';
import { HASH_BYTES } from './merkle';

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
}

const ED25519_SIGNATURE_TYPE = 0x01;
const SIGNATURE_LINE_PREFIX = '\u2014 ';
const ORIGIN_PATTERN = /^[\x21-\x7e]{1,255}$/;

export const checkpointOrigin = (channelId: string): string => `liaison-hotline.relay/${channelId}`;

export function noteKeyId(name: string, publicKey: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8Encode(`${name}\n`), Uint8Array.of(ED25519_SIGNATURE_TYPE), publicKey)).slice(0, 4);
}

const body = (checkpoint: Checkpoint) => `${checkpoint.origin}\n${checkpoint.size}\n${toBase64(checkpoint.rootHash)}\n`;

/** The signed note for this checkpoint, signed by the relay (its name is the origin). */
export function signCheckpoint(checkpoint: Checkpoint, secretKey: Uint8Array, publicKey: Uint8Array): string {
  return checkpointSigner(checkpoint.origin, publicKey, (message) => signDetached(message, secretKey))(checkpoint.size, checkpoint.rootHash);
}

/**
 * Signs the notes of one origin with one key, as signCheckpoint does, for a signer that signs many: the key id is
 * computed once, and the Ed25519 signature is made by `sign` (a signer holding the key for `publicKey`, such as a
 * platform implementation — Ed25519 is deterministic, so the notes are byte for byte the ones signCheckpoint makes).
 */
export function checkpointSigner(origin: string, publicKey: Uint8Array, sign: (message: Uint8Array) => Uint8Array): (size: number, rootHash: Uint8Array) => string {
  if (!ORIGIN_PATTERN.test(origin)) throw new Error('checkpoint origin must be printable ASCII without spaces');
  const signatureLine = `${SIGNATURE_LINE_PREFIX}${origin} `;
  const keyId = noteKeyId(origin, publicKey);
  return (size, rootHash) => {
    const text = body({ origin, size, rootHash });
    return `${text}\n${signatureLine}${toBase64(concatBytes(keyId, sign(utf8Encode(text))))}\n`;
  };
}

/**
 * Reads a signed checkpoint note and checks it: exact format, the expected origin, and a valid signature by
 * `publicKey` under the origin's name. Returns null for anything else. Signature lines by other keys are ignored,
 * as the signed-note format allows (witness co-signatures, say).
 */
export function openCheckpoint(note: string, expectedOrigin: string, publicKey: Uint8Array): Checkpoint | null {
  const split = note.indexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return null;
  const text = note.slice(0, split + 1);
  const lines = text.split('\n').slice(0, -1);
  if (lines.length < 3) return null;
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (origin !== expectedOrigin || !/^(0|[1-9][0-9]{0,15})$/.test(sizeText)) return null;
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) return null;
  let rootHash: Uint8Array;
  try {
    rootHash = fromBase64(rootText);
  } catch {
    return null;
  }
  if (rootHash.length !== HASH_BYTES || toBase64(rootHash) !== rootText) return null;

  const keyId = noteKeyId(origin, publicKey);
  const signatureLines = note.slice(split + 2).split('\n').slice(0, -1);
  const signed = signatureLines.some((line) => {
    if (!line.startsWith(`${SIGNATURE_LINE_PREFIX}${origin} `)) return false;
    let blob: Uint8Array;
    try {
      blob = fromBase64(line.slice(SIGNATURE_LINE_PREFIX.length + origin.length + 1));
    } catch {
      return false;
    }
    return blob.length === 68 && bytesEqual(blob.slice(0, 4), keyId) && verifyDetached(blob.slice(4), utf8Encode(text), publicKey);
  });
  return signed ? { origin, size, rootHash } : null;
}
