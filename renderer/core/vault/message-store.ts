/**
 * Writes to the messages table go through here, so a message and its search index entries always change in the same
 * transaction: a stored message is always findable by its words, and a replaced or deleted one no longer is by the
 * words it lost. (A message that turned out corrupt leaves entries behind; search drops ids with no message.)
 */
import type { CorruptionReport } from './quarantine';
import type { MessageView } from './records';
import { openRecord, sealRecord, setAsideReported, type StoreContext } from './record-store';
import { reindex } from './search-index';

/** The text currently indexed for `id`, or null (no message; or a corrupt one, which is set aside on the way). */
async function indexedText(context: StoreContext, id: string, reports: CorruptionReport[]): Promise<string | null> {
  const row = await context.db.sealed('messages').get(id);
  if (row === undefined) return null;
  const opened = openRecord('messages', row, context.keys());
  if (opened.ok) return opened.record.text;
  // Its old index entries cannot be computed without its text: they stay, and may still point a word at this id.
  const report = await setAsideReported({ ...context, report: () => {} }, 'messages', id, row, opened.reason);
  if (report) reports.push(report);
  return null;
}

async function change(context: StoreContext, id: string, write: () => Promise<string | null>): Promise<void> {
  const { db } = context;
  const reports: CorruptionReport[] = [];
  await db.transaction('rw', [db.sealed('messages'), db.sealed('searchIndex'), db.quarantine], async () => {
    const before = await indexedText(context, id, reports);
    await reindex(context, id, before, await write());
  });
  // Reported only once the transaction has committed: a rolled-back quarantine never happened.
  for (const report of reports) context.report(report);
}

export async function putMessage(context: StoreContext, view: MessageView): Promise<void> {
  const row = sealRecord('messages', view, context.keys());
  return change(context, view.id, async () => {
    await context.db.sealed('messages').put(row);
    return view.text;
  });
}

export async function deleteMessage(context: StoreContext, id: string): Promise<void> {
  context.keys();
  return change(context, id, async () => {
    await context.db.sealed('messages').delete(id);
    return null;
  });
}
