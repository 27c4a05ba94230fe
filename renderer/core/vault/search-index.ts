/**
 * The message search index, with no plaintext on disk. It is an inverted index from blind tokens (keyed hashes of
 * normalised tokens) to messages, stored as sealed segments (search-segment.ts):
 * - each commit that stores messages writes one segment, so a received batch of 256 messages costs one row, not one
 *   row per word and message;
 * - eight segments of one level are merged into one of the next level (a size-tiered merge), so a vault of 100,000
 *   messages has a few dozen segments at most.
 *
 * While the vault is unlocked, the opened segments stay in memory. A query hashes its tokens, intersects each
 * segment's lists, and ranks the candidates by their order (the latest segment's word on a message wins). It then
 * reads the messages themselves and keeps only those that still contain every word: a message's text can change,
 * and its old words stay in the index until nothing needs them.
 *
 * What storage shows is the number and size of the segments, roughly how many messages were written when. It shows
 * no token, no token frequency, and no link between a word and a message. The memo of token hashes holds words, so
 * it lives in memory only and is dropped on lock with everything else.
 */
import { utf8Decode, utf8Encode } from '../../../electron/common/crypto/sodium';
import { blindToken } from '../../../electron/common/search/blind-index';
import { searchTokens } from '../../../electron/common/search/normalize';
import { REBUILD_MARKER, type SealedRow } from './database';
import type { CorruptionReason } from './quarantine';
import { openRecord, setAsideReported, type RecordStore, type StoreContext } from './record-store';
import type { MessageView } from './records';
import { SealedRowShape, openBox, sealBox } from './sealed-row';
import { NO_ORDER, buildSegment, decodeSegment, docsWithAll, encodeSegment, mergeSegments, type IndexedDoc, type Segment } from './search-segment';

const TABLE = 'searchSegments';
/** Segments of one level merged into one of the next. */
const MERGE_FANOUT = 8;
/** Messages re-indexed per transaction when the index is rebuilt. */
const REBUILD_CHUNK = 512;
/** Candidate messages read per request while a query confirms its matches. */
const READ_CHUNK = 256;
/** Token hashes remembered; past this the memo starts again (a vault's vocabulary rarely reaches it). */
const MEMO_LIMIT = 200_000;

/** Segment ids sort as they were written: a zero-padded counter. */
const ID_DIGITS = 12;
const segmentId = (n: number): string => String(n).padStart(ID_DIGITS, '0');

export interface StoredSegment {
  readonly id: string;
  readonly segment: Segment;
}

type Opened = { readonly ok: true; readonly segment: Segment } | { readonly ok: false; readonly reason: CorruptionReason };

export class SearchIndex {
  readonly #context: StoreContext;
  readonly #records: RecordStore;
  /** The segments read or written since unlock, by id: a subset of the table, completed by #sync before any use. */
  readonly #segments = new Map<string, Segment>();
  readonly #memo = new Map<string, string>();
  #merging: Promise<void> = Promise.resolve();

  constructor(context: StoreContext, records: RecordStore) {
    this.#context = context;
    this.#records = records;
  }

  /** What the index records of a message: its id, its order, the blind tokens of its text. */
  docOf(view: MessageView): IndexedDoc {
    return { id: view.id, order: view.order ?? NO_ORDER, blindTokens: this.#blindTokens(view.text) };
  }

  /**
   * Stores one segment for `docs`. Run inside a read-write transaction that includes the segments table (and the
   * messages it indexes, so both commit together); hand the result to `remember` once it has committed.
   */
  async write(docs: readonly IndexedDoc[]): Promise<StoredSegment | null> {
    if (docs.length === 0) return null;
    const table = this.#table();
    const last = await table.orderBy(':id').lastKey();
    const id = segmentId(last === undefined ? 1 : Number(last) + 1);
    const segment = buildSegment(docs);
    await table.put(this.#seal(id, segment));
    return { id, segment };
  }

  /** Takes a committed segment into memory and merges if a level has filled up. */
  remember(stored: StoredSegment): void {
    this.#segments.set(stored.id, stored.segment);
    this.#merging = this.#merging.then(() => this.#merge()).catch(() => undefined);
  }

  /** The messages containing every word of `query`, highest order first (then by id), at most `limit`. */
  async find(query: string, limit: number): Promise<readonly MessageView[]> {
    this.#context.keys();
    const tokens = searchTokens(query);
    if (tokens.length === 0 || limit <= 0) return [];
    const blind = tokens.map((token) => this.#blindOf(token));
    await this.#sync();
    const hints = new Map<string, number>();
    for (const id of [...this.#segments.keys()].sort()) {
      for (const doc of docsWithAll(this.#segments.get(id)!, blind)) hints.set(doc.id, doc.order);
    }
    const ranked = [...hints].sort(([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : 1)).map(([id]) => id);
    const found: MessageView[] = [];
    for (let from = 0; from < ranked.length && found.length < limit; from += READ_CHUNK) {
      const chunk = ranked.slice(from, from + READ_CHUNK);
      const views = await this.#records.getMany('messages', chunk);
      for (const id of chunk) {
        const view = views.get(id);
        if (view && containsAll(view.text, tokens)) found.push(view);
      }
    }
    const orderOf = (view: MessageView) => view.order ?? NO_ORDER;
    return found.sort((a, b) => orderOf(b) - orderOf(a) || (a.id < b.id ? -1 : 1)).slice(0, limit);
  }

  /** Drops everything held in memory (the vault is locking). */
  forget(): void {
    this.#segments.clear();
    this.#memo.clear();
  }

  #table() {
    return this.#context.db.sealed(TABLE);
  }

  #blindOf(token: string): string {
    let blind = this.#memo.get(token);
    if (blind === undefined) {
      if (this.#memo.size >= MEMO_LIMIT) this.#memo.clear();
      blind = blindToken(this.#context.keys().searchKey, token);
      this.#memo.set(token, blind);
    }
    return blind;
  }

  #blindTokens(text: string): readonly string[] {
    return searchTokens(text).map((token) => this.#blindOf(token));
  }

  #seal(id: string, segment: Segment): SealedRow {
    return { id, box: sealBox(TABLE, id, utf8Encode(encodeSegment(segment)), this.#context.keys().dataKey) };
  }

  #open(row: unknown): Opened {
    const shape = SealedRowShape.safeParse(row);
    if (!shape.success) return { ok: false, reason: 'invalid' };
    const plaintext = openBox(TABLE, shape.data, this.#context.keys().dataKey);
    if (plaintext === null) return { ok: false, reason: 'undecryptable' };
    let segment: Segment | null = null;
    try {
      segment = decodeSegment(utf8Decode(plaintext));
    } catch {
      // Not UTF-8: as invalid as a malformed segment.
    }
    return segment ? { ok: true, segment } : { ok: false, reason: 'invalid' };
  }

  /**
   * Brings memory in line with the table: segments written or merged by another window of this profile are read,
   * ones merged away are dropped. A segment that does not open is set aside and the index rebuilt, so every message
   * stays findable.
   */
  async #sync(): Promise<void> {
    const { db } = this.#context;
    if ((await db.meta.get(REBUILD_MARKER)) !== undefined) await this.#rebuild();
    const ids = new Set(await this.#table().toCollection().primaryKeys());
    for (const id of this.#segments.keys()) if (!ids.has(id)) this.#segments.delete(id);
    const missing = [...ids].filter((id) => !this.#segments.has(id));
    if (missing.length === 0) return;
    const rows = await this.#table().bulkGet(missing);
    let damaged = false;
    for (const [i, row] of rows.entries()) {
      if (row === undefined) continue;
      const opened = this.#open(row);
      if (opened.ok) this.#segments.set(missing[i]!, opened.segment);
      else damaged = (await setAsideReported(this.#context, TABLE, missing[i]!, row, opened.reason)) !== null || damaged;
    }
    if (damaged) await this.#rebuild();
  }

  /**
   * Indexes every message again, a chunk per transaction, then drops the marker. The old segments stay (what they
   * say is still true, or filtered out by the reading of each message) and are merged with the new ones.
   */
  async #rebuild(): Promise<void> {
    const { db, keys } = this.#context;
    await db.meta.put({ id: REBUILD_MARKER });
    const messages = db.sealed('messages');
    let after = '';
    for (;;) {
      const rows = await messages.where(':id').above(after).limit(REBUILD_CHUNK).toArray();
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      // A message that does not open is left for the next read of it to set aside; it has no words to index.
      const docs = rows.flatMap((row) => {
        const opened = openRecord('messages', row, keys());
        return opened.ok ? [this.docOf(opened.record)] : [];
      });
      const stored = await db.transaction('rw', this.#table(), () => this.write(docs));
      if (stored) this.#segments.set(stored.id, stored.segment);
    }
    await db.meta.delete(REBUILD_MARKER);
  }

  /** Merges each level that has filled up, lowest first; each merge is one transaction. */
  async #merge(): Promise<void> {
    for (let level = 0; ; level += 1) {
      const atLevel = [...this.#segments].filter(([, segment]) => segment.level === level);
      if (atLevel.length < MERGE_FANOUT) {
        if (!this.#hasLevelAbove(level)) return;
        continue;
      }
      // Complete memory before merging, so the group is every segment of its level (they are contiguous in id order:
      // a merged segment takes the id of its newest input, and all of a level are newer than any of the next).
      await this.#sync();
      const group = [...this.#segments].filter(([, segment]) => segment.level === level).sort(([a], [b]) => (a < b ? -1 : 1));
      if (group.length < MERGE_FANOUT) continue;
      const id = group.at(-1)![0];
      const merged = mergeSegments(group.map(([, segment]) => segment));
      const row = this.#seal(id, merged);
      const { db } = this.#context;
      await db.transaction('rw', this.#table(), async () => {
        await this.#table().bulkDelete(group.slice(0, -1).map(([groupId]) => groupId));
        await this.#table().put(row);
      });
      for (const [groupId] of group) this.#segments.delete(groupId);
      this.#segments.set(id, merged);
    }
  }

  #hasLevelAbove(level: number): boolean {
    for (const segment of this.#segments.values()) if (segment.level > level) return true;
    return false;
  }
}

function containsAll(text: string, tokens: readonly string[]): boolean {
  const have = new Set(searchTokens(text));
  return tokens.every((token) => have.has(token));
}
