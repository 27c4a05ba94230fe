/**
 * The CPU half of a vault commit: every change checked, sealed and tokenised, before any transaction opens. Kept
 * apart from the writing (vault.ts `commit`) so that a caller with a stream of commits — the receiver during a
 * catch-up — can seal the next one while IndexedDB is still writing the one before, and the storage engine does not
 * sit idle between them.
 */
import type { SealedRow } from './database';
import type { EnvelopeEntry } from './envelope-pages';
import type { EnvelopeStore, EnvelopeWrite } from './envelope-store';
import { prepareMessages, type PreparedMessages } from './message-store';
import { sealRecord, type StoreContext } from './record-store';
import type { RecordOf, RecordTable } from './records';
import type { SearchIndex } from './search-index';

/** One record to write, typed by its table. */
export type RecordWrite = { readonly [T in RecordTable]: { readonly table: T; readonly record: RecordOf<T> } }[RecordTable];

/** Writes that must happen together or not at all (a received batch, a receipt and the chain it advances). */
export interface VaultChanges {
  readonly envelopes?: readonly EnvelopeWrite[];
  readonly put?: readonly RecordWrite[];
  readonly delete?: readonly { readonly table: RecordTable; readonly id: string }[];
  /**
   * The caller has just read every message it puts with `getMany`, which sets aside any corrupt row it finds, or has
   * itself stored it since (the receiver's batches, which keep the views they stored lately): the commit need not read
   * them again to keep a corrupt one from being overwritten.
   */
  readonly messagesJustRead?: boolean;
  /**
   * Ids of messages put whose text and order are unchanged since they were last stored (a lifecycle event moved them
   * on): the search index already holds them, so no segment is written for them.
   */
  readonly unchangedText?: ReadonlySet<string>;
}

/** Changes ready to write: made by `Vault.seal`, written by `Vault.commit`. */
export interface SealedChanges {
  readonly envelopes: readonly EnvelopeEntry[];
  readonly messages: PreparedMessages;
  /** The message records as given, for the vault's listeners once written. */
  readonly written: readonly RecordOf<'messages'>[];
  readonly sealed: ReadonlyMap<RecordTable, readonly SealedRow[]>;
  readonly deleted: ReadonlyMap<RecordTable, readonly string[]>;
  readonly messagesJustRead: boolean;
}

export function sealChanges(context: StoreContext, envelopes: EnvelopeStore, index: SearchIndex, changes: VaultChanges): SealedChanges {
  const keys = context.keys();
  const written = (changes.put ?? []).flatMap((write) => (write.table === 'messages' ? [write.record] : []));
  const sealed = new Map<RecordTable, SealedRow[]>();
  for (const write of changes.put ?? []) {
    if (write.table === 'messages') continue;
    const rows = sealed.get(write.table) ?? [];
    rows.push(sealRecord(write.table, write.record as never, keys));
    sealed.set(write.table, rows);
  }
  const deleted = new Map<RecordTable, string[]>();
  for (const { table, id } of changes.delete ?? []) {
    const ids = deleted.get(table) ?? [];
    ids.push(id);
    deleted.set(table, ids);
  }
  return {
    envelopes: envelopes.rows(changes.envelopes ?? []),
    messages: prepareMessages(context, index, written, changes.unchangedText),
    written,
    sealed,
    deleted,
    messagesJustRead: changes.messagesJustRead === true,
  };
}

/** Both sets of changes, to be written in one transaction (`first`'s before `second`'s within each table). */
export function joinSealed(first: SealedChanges, second: SealedChanges): SealedChanges {
  const join = <V>(a: ReadonlyMap<RecordTable, readonly V[]>, b: ReadonlyMap<RecordTable, readonly V[]>) => {
    const joined = new Map<RecordTable, readonly V[]>(a);
    for (const [table, values] of b) joined.set(table, [...(joined.get(table) ?? []), ...values]);
    return joined;
  };
  return {
    envelopes: [...first.envelopes, ...second.envelopes],
    messages: { rows: [...first.messages.rows, ...second.messages.rows], docs: [...first.messages.docs, ...second.messages.docs] },
    written: [...first.written, ...second.written],
    sealed: join(first.sealed, second.sealed),
    deleted: join(first.deleted, second.deleted),
    messagesJustRead: first.messagesJustRead && second.messagesJustRead,
  };
}
