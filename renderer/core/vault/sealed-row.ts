/**
 * Encryption of one row: XChaCha20-Poly1305 under the data key, with the table, the primary key and the record format
 * version as associated data. A ciphertext copied to another row, another table, or read under another format
 * version does not authenticate, so it is refused instead of being read as that row's content.
 */
import { z } from 'zod';
import {
  AEAD_NONCE_BYTES,
  aeadDecrypt,
  aeadEncrypt,
  concatBytes,
  randomBytes,
  utf8Encode,
} from '../../../electron/common/crypto/sodium';
import type { SealedRow, SealedTableName } from './database';

/** Bumped only with a migration that re-encrypts every record. */
export const RECORD_FORMAT_VERSION = 1;

const TAG_BYTES = 16;

/** What a sealed row must look like before decryption is even tried. */
export const SealedRowShape = z.strictObject({
  id: z.string().min(1),
  box: z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.length >= AEAD_NONCE_BYTES + TAG_BYTES),
  order: z.number().optional(),
});

// The table name (a fixed identifier) and version come first and the id last, each NUL-terminated, so no two
// (table, id) pairs give the same bytes.
const associatedData = (table: SealedTableName, id: string): Uint8Array =>
  utf8Encode(`liaison-vault/record\0v${RECORD_FORMAT_VERSION}\0${table}\0${id}`);

/** nonce || ciphertext. */
export function sealBox(table: SealedTableName, id: string, plaintext: Uint8Array, dataKey: Uint8Array): Uint8Array {
  const nonce = randomBytes(AEAD_NONCE_BYTES);
  return concatBytes(nonce, aeadEncrypt(plaintext, associatedData(table, id), nonce, dataKey));
}

/** The plaintext, or null when the box does not authenticate as this table's row `id`. */
export function openBox(table: SealedTableName, row: SealedRow, dataKey: Uint8Array): Uint8Array | null {
  return aeadDecrypt(row.box.subarray(AEAD_NONCE_BYTES), associatedData(table, row.id), row.box.subarray(0, AEAD_NONCE_BYTES), dataKey);
}
