/**
 * RFC 4648 §5 base64url without padding, strict, in plain table-driven code. Every binary field of the protocol is
 * written this way, so a catch-up decodes tens of thousands of them (ciphertexts, signatures, sealed keys, proof
 * hashes): libsodium's codec works a character at a time through generic helpers, and checking canonical form by
 * encoding again doubled that. Here the canonical check is the one it takes: the bits a last partial group does not
 * use must be zero, so every byte string has exactly one accepted text.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ENCODE = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
/** Character code (below 128) → 6-bit value, or -1. */
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Characters turned into a string per call of String.fromCharCode (it takes them as arguments). */
const CHUNK = 0x2000;

export function encodeBase64Url(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  let o = 0;
  let i = 0;
  for (const whole = bytes.length - (bytes.length % 3); i < whole; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[v >> 18]!;
    out[o++] = ENCODE[(v >> 12) & 63]!;
    out[o++] = ENCODE[(v >> 6) & 63]!;
    out[o++] = ENCODE[v & 63]!;
  }
  const left = bytes.length - i;
  if (left === 1) {
    const v = bytes[i]!;
    out[o++] = ENCODE[v >> 2]!;
    out[o++] = ENCODE[(v & 3) << 4]!;
  } else if (left === 2) {
    const v = (bytes[i]! << 8) | bytes[i + 1]!;
    out[o++] = ENCODE[v >> 10]!;
    out[o++] = ENCODE[(v >> 4) & 63]!;
    out[o++] = ENCODE[(v & 15) << 2]!;
  }
  let text = '';
  for (let from = 0; from < o; from += CHUNK) text += String.fromCharCode(...out.subarray(from, Math.min(o, from + CHUNK)));
  return text;
}

export class Base64UrlError extends Error {}

const value = (text: string, at: number): number => {
  const code = text.charCodeAt(at);
  return code < 128 ? DECODE[code]! : -1;
};

/** Throws Base64UrlError for any character outside the alphabet (padding included), a dangling character, or a
 * last group whose unused bits are not zero. */
export function decodeBase64Url(text: string): Uint8Array {
  const rest = text.length % 4;
  if (rest === 1) throw new Base64UrlError('not base64url');
  const out = new Uint8Array((text.length * 3) >> 2);
  let o = 0;
  let i = 0;
  for (const whole = text.length - rest; i < whole; i += 4) {
    const a = value(text, i);
    const b = value(text, i + 1);
    const c = value(text, i + 2);
    const d = value(text, i + 3);
    if ((a | b | c | d) < 0) throw new Base64UrlError('not base64url');
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  if (rest >= 2) {
    const a = value(text, i);
    const b = value(text, i + 1);
    const c = rest === 3 ? value(text, i + 2) : 0;
    if ((a | b | c) < 0) throw new Base64UrlError('not base64url');
    if (rest === 2 ? (b & 15) !== 0 : (c & 3) !== 0) throw new Base64UrlError('not canonical base64url');
    out[o] = (a << 2) | (b >> 4);
    if (rest === 3) out[o + 1] = ((b & 15) << 4) | (c >> 2);
  }
  return out;
}
