/** The vault's public surface, for the core worker: everything else in this folder is its inside. */
export { Vault, type VaultOptions, type VaultState, type VaultChanges, type RecordWrite, type SealedChanges } from './vault';
export { VaultError, isVaultError, VAULT_ERROR_CODES, type VaultErrorCode, type VaultErrorParams } from './errors';
export type { VaultStorage } from './database';
export type { VaultClock } from './throttle';
export { DEFAULT_KDF, MIN_KDF, type KdfParams } from './kdf';
export type { ReadResult, ListResult } from './record-store';
export type { CorruptionReport, CorruptionListener, QuarantineEntry } from './quarantine';
export type { StoredEnvelope, EnvelopeWrite } from './envelope-store';
export type { MessageView, Draft, OutboxItem, TranslationDraft, PrivateKey, StateRecord, AlarmRecord, RecordTable, RecordOf } from './records';
