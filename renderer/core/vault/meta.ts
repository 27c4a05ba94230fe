/**
 * The vault's metadata row: its id, the Argon2id salt and parameters, and the data key wrapped (XChaCha20-Poly1305)
 * by the key derived from the passphrase. The wrapping binds the vault id, the parameters and the salt as associated
 * data, so a wrapped key copied into another vault, or parameters lowered on disk to make guessing cheaper, are
 * refused rather than used.
 */
import { z } from 'zod';
import {
  AEAD_NONCE_BYTES,
  aeadDecrypt,
  aeadEncrypt,
  randomBytes,
  toBase64Url,
  utf8Encode,
  wipe,
} from '../../../electron/common/crypto/sodium';
import { VaultError } from './errors';
import { KEY_BYTES, KdfParamsSchema, SALT_BYTES, checkKdfParams, passphraseKey, type KdfParams } from './kdf';

const META_FORMAT = 1;
const TAG_BYTES = 16;

const BytesOf = (length: number) => z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.length === length, `${length} bytes`);

export const VaultMeta = z.strictObject({
  id: z.literal('vault'),
  format: z.literal(META_FORMAT),
  vaultId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  kdf: z.strictObject({ alg: z.literal('argon2id13'), salt: BytesOf(SALT_BYTES), ...KdfParamsSchema.shape }),
  wrappedKey: z.strictObject({ nonce: BytesOf(AEAD_NONCE_BYTES), ciphertext: BytesOf(KEY_BYTES + TAG_BYTES) }),
  createdAt: z.number(),
});
export type VaultMeta = Readonly<z.infer<typeof VaultMeta>>;

export function parseMeta(row: unknown): VaultMeta {
  const parsed = VaultMeta.safeParse(row);
  if (!parsed.success) throw new VaultError('vault.metadataCorrupt');
  return parsed.data;
}

function wrapAssociatedData(meta: Pick<VaultMeta, 'vaultId' | 'kdf'>): Uint8Array {
  const { alg, opsLimit, memLimit, salt } = meta.kdf;
  return utf8Encode(`liaison-vault/key-wrap/v${META_FORMAT}\0${meta.vaultId}\0${alg}\0${opsLimit}\0${memLimit}\0${toBase64Url(salt)}`);
}

/** Wraps `dataKey` under a fresh salt and a key derived from `passphrase`. */
export function wrapDataKey(dataKey: Uint8Array, passphrase: string, vaultId: string, params: KdfParams, createdAt: number): VaultMeta {
  const { opsLimit, memLimit } = checkKdfParams(params);
  const kdf = { alg: 'argon2id13' as const, salt: randomBytes(SALT_BYTES), opsLimit, memLimit };
  const kek = passphraseKey(passphrase, kdf.salt, kdf);
  try {
    const nonce = randomBytes(AEAD_NONCE_BYTES);
    const ciphertext = aeadEncrypt(dataKey, wrapAssociatedData({ vaultId, kdf }), nonce, kek);
    return { id: 'vault', format: META_FORMAT, vaultId, kdf, wrappedKey: { nonce, ciphertext }, createdAt };
  } finally {
    wipe(kek);
  }
}

/** The data key, or null when the passphrase is wrong (or the metadata was altered: the two look the same). */
export function unwrapDataKey(meta: VaultMeta, passphrase: string): Uint8Array | null {
  const kek = passphraseKey(passphrase, meta.kdf.salt, meta.kdf);
  try {
    return aeadDecrypt(meta.wrappedKey.ciphertext, wrapAssociatedData(meta), meta.wrappedKey.nonce, kek);
  } finally {
    wipe(kek);
  }
}

export const newVaultId = (): string => toBase64Url(randomBytes(16));
