/**
 * Serialises a record to bytes for encryption, and back. JSON for the structure, with binary fields carried beside it
 * as raw bytes rather than as base64 text: a private key must never exist as a JavaScript string, which could not be
 * wiped. Layout: u32 length of the JSON, the JSON (UTF-8), then each binary field as u32 length and bytes; in the
 * JSON a binary field is `{"\u0000bytes": n}`, a key no record of ours can contain by accident.
 */
import { concatBytes, utf8Decode, utf8Encode, wipe } from '../../../electron/common/crypto/sodium';

const BYTES_KEY = '\u0000bytes';

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

/** JSON values plus Uint8Array (any other typed array is carried as its bytes). Undefined members are dropped. */
export function encodeRecord(value: unknown): Uint8Array {
  const blobs: Uint8Array[] = [];
  const json = utf8Encode(
    JSON.stringify(value, (_key, member: unknown) => {
      if (!ArrayBuffer.isView(member)) return member;
      blobs.push(new Uint8Array(member.buffer, member.byteOffset, member.byteLength));
      return { [BYTES_KEY]: blobs.length - 1 };
    }),
  );
  try {
    return concatBytes(u32(json.length), json, ...blobs.flatMap((blob) => [u32(blob.length), blob]));
  } finally {
    wipe(json);
  }
}

/** Throws on anything malformed: the caller treats that as a corrupt record. Binary fields come back as copies. */
export function decodeRecord(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read32 = (offset: number): number => {
    if (offset + 4 > bytes.length) throw new RangeError('record truncated');
    return view.getUint32(offset);
  };
  const jsonLength = read32(0);
  if (4 + jsonLength > bytes.length) throw new RangeError('record truncated');
  const blobs: Uint8Array[] = [];
  let offset = 4 + jsonLength;
  while (offset < bytes.length) {
    const length = read32(offset);
    if (offset + 4 + length > bytes.length) throw new RangeError('record truncated');
    blobs.push(bytes.slice(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  const used = new Set<number>();
  const value: unknown = JSON.parse(utf8Decode(bytes.subarray(4, 4 + jsonLength)), (_key, member: unknown) => {
    if (member === null || typeof member !== 'object' || !Object.hasOwn(member, BYTES_KEY)) return member;
    const index = (member as Record<string, unknown>)[BYTES_KEY];
    const blob = typeof index === 'number' ? blobs[index] : undefined;
    if (!blob || used.has(index as number) || Object.keys(member).length !== 1) throw new RangeError('bad binary field');
    used.add(index as number);
    return blob;
  });
  if (used.size !== blobs.length) throw new RangeError('unreferenced binary field');
  return value;
}
