/**
 * The message search index, with no plaintext on disk. One row per (token, message): its key is the blind posting
 * hash of the pair, its `t` field the blind hash of the token (the indexed field a query looks up), and its box the
 * message id encrypted like any record. So the stored rows show neither words nor which rows belong to the same
 * message. What they do show is how many messages share each (unknown) token — frequencies, the classic leak of a
 * deterministic index — and the storage engine may still keep rows written together near each other on disk.
 *
 * A query is normalised and hashed exactly as message text was, and never written anywhere.
 */
import { utf8Decode, utf8Encode } from '../../../electron/common/crypto/sodium';
import { blindPosting, blindToken } from '../../../electron/common/search/blind-index';
import { searchTokens } from '../../../electron/common/search/normalize';
import type { SealedRow } from './database';
import type { KeyRing } from './key-ring';
import type { CorruptionReason } from './quarantine';
import { setAsideReported, type StoreContext } from './record-store';
import { SealedRowShape, openBox, sealBox } from './sealed-row';

const TABLE = 'searchIndex';

function posting(keys: KeyRing, token: string, messageId: string): SealedRow {
  const id = blindPosting(keys.searchKey, token, messageId);
  return { id, t: blindToken(keys.searchKey, token), box: sealBox(TABLE, id, utf8Encode(messageId), keys.dataKey) };
}

/**
 * Brings the index in line with a message's text changing from `before` to `after` (null: no message). Run inside a
 * read-write transaction that includes the search index, so a message and its index entries change together.
 */
export async function reindex(context: StoreContext, messageId: string, before: string | null, after: string | null): Promise<void> {
  const { db, keys } = context;
  const wanted = new Set(after === null ? [] : searchTokens(after));
  const stale = (before === null ? [] : searchTokens(before)).filter((token) => !wanted.has(token));
  const rows = db.sealed(TABLE);
  await rows.bulkDelete(stale.map((token) => blindPosting(keys().searchKey, token, messageId)));
  await rows.bulkPut([...wanted].map((token) => posting(keys(), token, messageId)));
}

type OpenedPosting = { readonly ok: true; readonly messageId: string } | { readonly ok: false; readonly reason: CorruptionReason };

function openPosting(row: unknown, token: string, keys: KeyRing): OpenedPosting {
  const shape = SealedRowShape.safeParse(row);
  if (!shape.success) return { ok: false, reason: 'invalid' };
  const plaintext = openBox(TABLE, shape.data, keys.dataKey);
  if (plaintext === null) return { ok: false, reason: 'undecryptable' };
  let messageId: string;
  try {
    messageId = utf8Decode(plaintext);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  // The key is the hash of (token, message): a row moved under another token's `t` would point a word at a message
  // that does not contain it, and is refused.
  if (shape.data.id !== blindPosting(keys.searchKey, token, messageId)) return { ok: false, reason: 'invalid' };
  return { ok: true, messageId };
}

/** Ids of the messages that contain every token of `query` (none for a query without tokens). */
export async function findMessages(context: StoreContext, query: string): Promise<readonly string[]> {
  const { db, keys } = context;
  keys();
  const tokens = searchTokens(query);
  if (tokens.length === 0) return [];
  let result: ReadonlySet<string> | undefined;
  for (const token of tokens) {
    const rows = await db.sealed(TABLE).where('t').equals(blindToken(keys().searchKey, token)).toArray();
    const found = new Set<string>();
    for (const row of rows) {
      const opened = openPosting(row, token, keys());
      if (opened.ok) found.add(opened.messageId);
      else await setAsideReported(context, TABLE, row.id, row, opened.reason);
    }
    const previous = result;
    result = previous === undefined ? found : new Set([...found].filter((id) => previous.has(id)));
    if (result.size === 0) break;
  }
  // Entries of a message set aside as corrupt outlive it (its words are unknown): answer only with stored messages.
  const ids = [...(result ?? [])].sort();
  const messages = await db.sealed('messages').bulkGet(ids);
  return ids.filter((_, i) => messages[i] !== undefined);
}

