/**
 * What each encrypted table holds: its record schema (checked on the way in, and again on the way out, since what
 * comes back from disk is untrusted), the plain index fields derived from a record, and whether its binary fields are
 * secrets the vault must wipe on lock.
 *
 * The schemas are deliberately minimal — the fields the vault itself relies on — and open (`looseObject`), so the
 * features that own these records (messaging, translation, sync) can add fields before they tighten the shapes.
 */
import { z } from 'zod';
import type { SealedTableName } from './database';

const Id = z.string().min(1).max(256);
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes');
const Language = z.enum(['he', 'ar', 'en']);
const Order = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A message as this device has decrypted it. `text` is what search indexes; `order` (e.g. the log index) sorts. */
export const MessageView = z.looseObject({ id: Id, text: z.string(), order: Order.optional() });
export type MessageView = Readonly<z.infer<typeof MessageView>>;

export const Draft = z.looseObject({ id: Id, text: z.string() });
export type Draft = Readonly<z.infer<typeof Draft>>;

/**
 * A message waiting to be sent; `order` is the send order. `envelope` is set once it has been sealed and numbered
 * in this device's chain: from then on exactly those bytes are (re)submitted until the relay answers.
 */
export const OutboxItem = z.looseObject({ id: Id, order: Order, envelope: Bytes.optional(), attempts: z.number().int().min(0) });
export type OutboxItem = Readonly<z.infer<typeof OutboxItem>>;

/** A translation being written or reviewed (certified ones travel as envelopes). */
export const TranslationDraft = z.looseObject({ id: Id, messageId: Id, language: Language, text: z.string() });
export type TranslationDraft = Readonly<z.infer<typeof TranslationDraft>>;

/** One of this device's private keys. Returned copies are wiped when the vault locks. */
export const PrivateKey = z.strictObject({ id: Id, kind: z.enum(['ed25519', 'x25519']), publicKey: Bytes, secretKey: Bytes });
export type PrivateKey = Readonly<z.infer<typeof PrivateKey>>;

/** One piece of the channel's state (identity, trust, chain, sync position), keyed by its name; its owner parses it. */
export const StateRecord = z.looseObject({ id: Id });
export type StateRecord = Readonly<z.infer<typeof StateRecord>>;

/** Something the sync client refused to let pass silently; `order` is when it was raised. */
export const AlarmRecord = z.strictObject({
  id: Id,
  order: Order,
  kind: z.string().min(1).max(64),
  detail: z.record(z.string(), z.union([z.string().max(500), z.number()])),
  dismissed: z.boolean(),
});
export type AlarmRecord = Readonly<z.infer<typeof AlarmRecord>>;

export type IndexFields = Readonly<{ order?: number }>;

export interface RecordTableSpec<T> {
  readonly schema: z.ZodType<T>;
  readonly indexes: (record: T) => IndexFields;
  readonly secret: boolean;
}

const spec = <T>(schema: z.ZodType<T>, indexes: (record: T) => IndexFields = () => ({}), secret = false): RecordTableSpec<T> => ({
  schema,
  indexes,
  secret,
});

const byOrder = (record: { readonly order?: number | undefined }): IndexFields => (record.order === undefined ? {} : { order: record.order });

/** The record tables callers use (the search index is the vault's own, see search-index.ts). */
export const RECORD_TABLES = {
  messages: spec(MessageView, byOrder),
  drafts: spec(Draft),
  outbox: spec(OutboxItem, byOrder),
  translations: spec(TranslationDraft),
  privateKeys: spec(PrivateKey, undefined, true),
  state: spec(StateRecord),
  alarms: spec(AlarmRecord, byOrder),
} as const satisfies Partial<Record<SealedTableName, unknown>>;

export type RecordTable = keyof typeof RECORD_TABLES;
/** Every record has a string id, its primary key (spelt out so generic code can rely on it). */
export type RecordOf<T extends RecordTable> = { readonly id: string } & ((typeof RECORD_TABLES)[T] extends RecordTableSpec<infer R> ? Readonly<R> : never);

/** The spec of one table, typed by its record (TypeScript cannot narrow the map's union by itself). */
export const specOf = <T extends RecordTable>(table: T): RecordTableSpec<RecordOf<T>> =>
  RECORD_TABLES[table] as unknown as RecordTableSpec<RecordOf<T>>;
