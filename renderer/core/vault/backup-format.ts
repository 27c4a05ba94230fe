/**
 * The backup file: one byte array, encrypted and authenticated as a whole, under a key derived from the backup
 * passphrase with its own Argon2id salt and parameters. Layout (integers big-endian):
 *
 *   0  magic "LHVB"          4     30  passphrase check   16
 *   4  format version (1)    1     46  nonce              24
 *   5  KDF (2 = Argon2id13)  1     70  body length         8
 *   6  opsLimit              4     78  body: XChaCha20-Poly1305 of the content, the 78 header bytes as associated data
 *  10  memLimit (bytes)      4     ..  BLAKE2b-256 of everything before it
 *  14  salt                 16
 *
 * Each way a file can be bad gets its own code, checked in this order: not a backup at all; a newer format; cut short
 * (the header says how long the body is); changed (the trailing checksum catches damage anywhere before any key is
 * derived, and the authenticated body catches deliberate changes that recomputed it); the wrong passphrase (the
 * check value, a subkey of the passphrase key, tells it apart from a changed body).
 */
import {
  AEAD_NONCE_BYTES,
  aeadDecrypt,
  aeadEncrypt,
  blake2b,
  bytesEqual,
  concatBytes,
  deriveSubkey,
  randomBytes,
  wipe,
} from '../../../electron/common/crypto/sodium';
import { VaultError } from './errors';
import { DEFAULT_KDF, KdfParamsSchema, SALT_BYTES, checkKdfParams, passphraseKey, type KdfParams } from './kdf';

const MAGIC = Uint8Array.from([0x4c, 0x48, 0x56, 0x42]); // "LHVB"
export const BACKUP_FORMAT_VERSION = 1;
const KDF_ARGON2ID13 = 2; // libsodium's crypto_pwhash_ALG_ARGON2ID13
const CHECK_BYTES = 16;
const TAG_BYTES = 16;
const CHECKSUM_BYTES = 32;
const HEADER_BYTES = 78;
const SUBKEY_CONTEXT = 'lhbackup';

interface Header {
  readonly version: number;
  readonly kdf: number;
  readonly params: KdfParams;
  readonly salt: Uint8Array;
  readonly check: Uint8Array;
  readonly nonce: Uint8Array;
  readonly bodyLength: number;
}

function writeHeader(header: Header): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint8(4, header.version);
  view.setUint8(5, header.kdf);
  view.setUint32(6, header.params.opsLimit);
  view.setUint32(10, header.params.memLimit);
  bytes.set(header.salt, 14);
  bytes.set(header.check, 30);
  bytes.set(header.nonce, 46);
  view.setBigUint64(70, BigInt(header.bodyLength));
  return bytes;
}

function readHeader(file: Uint8Array): Header {
  const view = new DataView(file.buffer, file.byteOffset, HEADER_BYTES);
  const bodyLength = view.getBigUint64(70);
  return {
    version: view.getUint8(4),
    kdf: view.getUint8(5),
    params: { opsLimit: view.getUint32(6), memLimit: view.getUint32(10) },
    salt: file.slice(14, 30),
    check: file.slice(30, 46),
    nonce: file.slice(46, 70),
    bodyLength: bodyLength > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(bodyLength),
  };
}

/** The passphrase check value and the body key, from one Argon2id run; the caller wipes the key. */
function backupKeys(passphrase: string, salt: Uint8Array, params: KdfParams): { check: Uint8Array; key: Uint8Array } {
  const master = passphraseKey(passphrase, salt, params);
  try {
    return { check: deriveSubkey(CHECK_BYTES, 1, SUBKEY_CONTEXT, master), key: deriveSubkey(32, 2, SUBKEY_CONTEXT, master) };
  } finally {
    wipe(master);
  }
}

export function sealBackup(content: Uint8Array, passphrase: string, params: KdfParams = DEFAULT_KDF): Uint8Array {
  const salt = randomBytes(SALT_BYTES);
  const { check, key } = backupKeys(passphrase, salt, checkKdfParams(params));
  try {
    const nonce = randomBytes(AEAD_NONCE_BYTES);
    const header = writeHeader({ version: BACKUP_FORMAT_VERSION, kdf: KDF_ARGON2ID13, params, salt, check, nonce, bodyLength: content.length + TAG_BYTES });
    const signed = concatBytes(header, aeadEncrypt(content, header, nonce, key));
    return concatBytes(signed, blake2b(CHECKSUM_BYTES, signed));
  } finally {
    wipe(key);
  }
}

const startsLike = (file: Uint8Array, prefix: Uint8Array): boolean => file.every((byte, i) => i >= prefix.length || byte === prefix[i]);

/** The content, or a VaultError with the code saying what is wrong with the file. */
export function openBackup(file: Uint8Array, passphrase: string): Uint8Array {
  if (!startsLike(file.subarray(0, MAGIC.length), MAGIC)) throw new VaultError('backup.unrecognised');
  if (file.length <= MAGIC.length) throw new VaultError('backup.truncated');
  const version = file[MAGIC.length] ?? 0;
  if (version !== BACKUP_FORMAT_VERSION) throw new VaultError('backup.unsupportedVersion', { version });
  if (file.length < HEADER_BYTES) throw new VaultError('backup.truncated');

  const header = readHeader(file);
  const end = HEADER_BYTES + header.bodyLength;
  if (file.length < end + CHECKSUM_BYTES) throw new VaultError('backup.truncated');
  if (file.length > end + CHECKSUM_BYTES) throw new VaultError('backup.altered');
  const signed = file.subarray(0, end);
  if (!bytesEqual(blake2b(CHECKSUM_BYTES, signed), file.subarray(end))) throw new VaultError('backup.altered');
  // Past the checksum, a bad field was written on purpose; refuse it before it can make us spend memory or time.
  if (header.kdf !== KDF_ARGON2ID13 || !KdfParamsSchema.safeParse(header.params).success || header.bodyLength < TAG_BYTES) {
    throw new VaultError('backup.altered');
  }

  const { check, key } = backupKeys(passphrase, header.salt, header.params);
  try {
    if (!bytesEqual(check, header.check)) throw new VaultError('backup.wrongPassphrase');
    const content = aeadDecrypt(file.subarray(HEADER_BYTES, end), file.subarray(0, HEADER_BYTES), header.nonce, key);
    if (content === null) throw new VaultError('backup.altered');
    return content;
  } finally {
    wipe(key);
  }
}
