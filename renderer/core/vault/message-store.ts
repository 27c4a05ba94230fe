/**
 * Writes to the messages table go through here, so messages and their search index segment are stored in the same
 * transaction: a stored message is always findable by its words. (Words a message has lost, or a deleted message,
 * stay in the index until merged away; search reads each candidate and drops them.)
 *
 * The sealing and tokenising are done by `prepareMessages`, before the transaction opens, so the transaction itself
 * is a handful of bulk requests however many messages a received batch holds.
 */
import type { SealedRow } from './database';
import { setAside, type CorruptionReport } from './quarantine';
import { openRecord, sealRecord, type StoreContext } from './record-store';
import type { MessageView } from './records';
import type { SearchIndex, StoredSegment } from './search-index';
import type { IndexedDoc } from './search-segment';

export interface PreparedMessages {
  readonly rows: readonly SealedRow[];
  readonly docs: readonly IndexedDoc[];
}

/** `indexed`: ids whose text and order the index already holds as they are (a message updated by a lifecycle event). */
export function prepareMessages(context: StoreContext, index: SearchIndex, views: readonly MessageView[], indexed: ReadonlySet<string> = new Set()): PreparedMessages {
  const keys = context.keys();
  return {
    rows: views.map((view) => sealRecord('messages', view, keys)),
    docs: views.flatMap((view) => (indexed.has(view.id) ? [] : [index.docOf(view)])),
  };
}

/**
 * Stores prepared messages and their segment; run inside a read-write transaction over messages, segments and
 * quarantine. A message about to be replaced that no longer reads as itself is set aside first (nothing is lost);
 * its report is added to `reports`, for the caller to send once the transaction has committed. `justRead`: the caller
 * has read these ids through the vault a moment ago, which set any corrupt one aside already.
 */
export async function storeMessages(
  context: StoreContext,
  index: SearchIndex,
  prepared: PreparedMessages,
  reports: CorruptionReport[],
  justRead: boolean,
): Promise<StoredSegment | null> {
  if (prepared.rows.length === 0) return null;
  const table = context.db.sealed('messages');
  const ids = prepared.rows.map((row) => row.id);
  const [existing, stored] = await Promise.all([justRead ? [] : table.bulkGet(ids), index.write(prepared.docs)]);
  for (const [i, row] of existing.entries()) {
    if (row === undefined) continue;
    const opened = openRecord('messages', row, context.keys());
    if (opened.ok) continue;
    const report = await setAside(context.db, 'messages', ids[i]!, row, opened.reason, context.now());
    if (report) reports.push(report);
  }
  await table.bulkPut([...prepared.rows]);
  return stored;
}
