/**
 * From a passphrase to a key-encryption key: Argon2id with parameters at or above OWASP's minimum (19 MiB, 2 passes)
 * and bounded above, because parameters are also read from files an attacker may have written (a backup, a copied
 * profile) and must not be able to make this device spend minutes or gigabytes.
 *
 * Default: libsodium's INTERACTIVE (2 passes, 64 MiB), measured at 150–280 ms in Node and 220–460 ms in Chromium on
 * the build machines: unlocking stays under a second while each guess costs an attacker 64 MiB of memory.
 */
import { z } from 'zod';
import { ARGON2ID_INTERACTIVE, PWHASH_SALT_BYTES, argon2id, utf8Encode, wipe } from '../../../electron/common/crypto/sodium';
import { VaultError } from './errors';

const MiB = 1024 * 1024;

export interface KdfParams {
  readonly opsLimit: number;
  readonly memLimit: number;
}

export const DEFAULT_KDF: KdfParams = ARGON2ID_INTERACTIVE;
export const MIN_KDF: KdfParams = { opsLimit: 2, memLimit: 19 * MiB };
export const MAX_KDF: KdfParams = { opsLimit: 10, memLimit: 1024 * MiB };

export const KdfParamsSchema = z.object({
  opsLimit: z.number().int().min(MIN_KDF.opsLimit).max(MAX_KDF.opsLimit),
  memLimit: z.number().int().min(MIN_KDF.memLimit).max(MAX_KDF.memLimit),
});

export const KEY_BYTES = 32;
export const SALT_BYTES = PWHASH_SALT_BYTES;

export function checkKdfParams(params: KdfParams): KdfParams {
  const parsed = KdfParamsSchema.safeParse(params);
  if (!parsed.success) throw new VaultError('vault.kdfParametersRejected', { opsLimit: params.opsLimit, memLimit: params.memLimit });
  return parsed.data;
}

/**
 * The passphrase in NFC, so the same characters typed on different keyboards (composed or decomposed) give the same
 * key, encoded as UTF-8 bytes that are wiped as soon as Argon2id has read them.
 */
export function passphraseKey(passphrase: string, salt: Uint8Array, params: KdfParams): Uint8Array {
  if (passphrase.length === 0) throw new VaultError('vault.passphraseRequired');
  const { opsLimit, memLimit } = checkKdfParams(params);
  const secret = utf8Encode(passphrase.normalize('NFC'));
  try {
    return argon2id(KEY_BYTES, secret, salt, opsLimit, memLimit);
  } finally {
    wipe(secret);
  }
}
