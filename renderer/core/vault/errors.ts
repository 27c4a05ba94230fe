/**
 * The vault's failures as stable codes with parameters, never English sentences: the UI translates the code (the
 * message of the Error is the code itself, so it survives the worker's string-only error channel too).
 */

export const VAULT_ERROR_CODES = [
  /** The profile name is not one a database may be named after. */
  'vault.invalidProfile',
  /** No vault has been created in this profile yet. */
  'vault.notCreated',
  /** create() on a profile that already has a vault. */
  'vault.alreadyCreated',
  /** The vault is locked (or closed): unlock it first. */
  'vault.locked',
  /** An empty passphrase. */
  'vault.passphraseRequired',
  /** Params: `failures` (consecutive, this one included). */
  'vault.wrongPassphrase',
  /** Too many recent failures. Params: `retryAfterMs`. */
  'vault.throttled',
  /** The vault's own metadata (salt, parameters, wrapped key) is unreadable. */
  'vault.metadataCorrupt',
  /** Argon2id parameters below the OWASP minimum or beyond what this device will spend. */
  'vault.kdfParametersRejected',
  /** A record handed to the vault does not have its table's shape. Params: `table`. */
  'vault.invalidRecord',
  /** Not a backup of this app. */
  'backup.unrecognised',
  /** A backup written by a newer version. Params: `version`. */
  'backup.unsupportedVersion',
  /** The file ends before the backup does. */
  'backup.truncated',
  /** The file was changed after it was written. */
  'backup.altered',
  'backup.wrongPassphrase',
  /** Restore goes only into a new, empty profile. */
  'backup.targetNotEmpty',
] as const;
export type VaultErrorCode = (typeof VAULT_ERROR_CODES)[number];

export type VaultErrorParams = Readonly<Record<string, string | number>>;

export class VaultError extends Error {
  override readonly name = 'VaultError';
  readonly code: VaultErrorCode;
  readonly params: VaultErrorParams;

  constructor(code: VaultErrorCode, params: VaultErrorParams = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

export const isVaultError = (error: unknown, code?: VaultErrorCode): error is VaultError =>
  error instanceof VaultError && (code === undefined || error.code === code);
