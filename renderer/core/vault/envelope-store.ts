/**
 * Envelopes as received or sent: stored exactly as they crossed the relay (their canonical bytes, already end-to-end
 * encrypted and signed), beside the routing fields the relay saw too (hash, sender device, sequence number, log
 * index), in pages of consecutive log indexes (envelope-pages.ts). Nothing here is decrypted. On the way out each
 * entry must still hash to its hash and parse as the envelope its fields describe, on the page its index belongs to;
 * one that does not is corruption, set aside on its own while the rest of its page reads on.
 */
import { bytesEqual, utf8Decode } from '../../../electron/common/crypto/sodium';
import { Envelope, envelopeBytes, hashOfEnvelopeBytes } from '../../../electron/common/protocol/envelope';
import {
  EnvelopeEntryShape,
  EnvelopePageShape,
  LogIndex,
  PAGE_SIZE,
  indexesAgree,
  mergeIntoPages,
  pageOf,
  pageRow,
  type EnvelopeEntry,
} from './envelope-pages';
import { VaultError } from './errors';
import { setAsideParts, type AsidePart, type CorruptionReport } from './quarantine';
import type { ListResult, ReadResult, StoreContext } from './record-store';

export interface StoredEnvelope {
  readonly hash: string;
  readonly bytes: Uint8Array;
  readonly envelope: Envelope;
  /** The relay's log index. */
  readonly logIndex: number;
}

/** The envelope in canonical bytes, or null if they are not one. */
function parseEnvelope(bytes: Uint8Array): Envelope | null {
  try {
    const parsed = Envelope.safeParse(JSON.parse(utf8Decode(bytes)));
    return parsed.success && bytesEqual(envelopeBytes(parsed.data), bytes) ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One entry of page `page` checked in full, or null. */
function openEntry(page: number, entry: unknown): StoredEnvelope | null {
  const shape = EnvelopeEntryShape.safeParse(entry);
  if (!shape.success) return null;
  const { hash, bytes, sender, seq, logIndex } = shape.data;
  if (pageOf(logIndex) !== page) return null;
  const envelope = parseEnvelope(bytes);
  if (!envelope || hashOfEnvelopeBytes(bytes) !== hash || envelope.header.sender !== sender || envelope.header.seq !== seq) return null;
  return { hash, bytes, envelope, logIndex };
}

const entryOf = (stored: StoredEnvelope): EnvelopeEntry => ({
  hash: stored.hash,
  bytes: stored.bytes,
  sender: stored.envelope.header.sender,
  seq: stored.envelope.header.seq,
  logIndex: stored.logIndex,
});

const pageName = (key: unknown): string => `page ${String(key)}`;

/** A page as read: its good envelopes, and what to set aside (nothing if the page is sound). */
interface OpenedPage {
  readonly key: number;
  readonly found: unknown;
  readonly envelopes: readonly StoredEnvelope[];
  readonly aside: readonly AsidePart[];
  /** Only the index fields were wrong: every envelope of the page is among `envelopes`. */
  readonly indexOnly: boolean;
}

function openPage(row: unknown): OpenedPage {
  const key = (row as { page?: unknown } | null)?.page as number;
  const shape = EnvelopePageShape.safeParse(row);
  if (!shape.success || shape.data.entries.length === 0) return { key, found: row, envelopes: [], aside: [{ id: pageName(key), row, reason: 'invalid' }], indexOnly: false };
  const envelopes: StoredEnvelope[] = [];
  const aside: AsidePart[] = [];
  for (const entry of shape.data.entries) {
    const opened = openEntry(shape.data.page, entry);
    if (opened) envelopes.push(opened);
    else {
      const hash = (entry as { hash?: unknown } | null)?.hash;
      aside.push({ id: typeof hash === 'string' ? hash : pageName(key), row: entry, reason: 'invalid' });
    }
  }
  // Sound entries under index fields that do not match them: the row is kept as found, and rebuilt from its entries.
  if (aside.length > 0) return { key, found: row, envelopes, aside, indexOnly: false };
  if (indexesAgree(shape.data, envelopes.map(entryOf))) return { key, found: row, envelopes, aside, indexOnly: false };
  return { key, found: row, envelopes, aside: [{ id: pageName(key), row, reason: 'invalid' }], indexOnly: true };
}

/** An envelope to store: its canonical bytes and the log index the relay gave it. */
export interface EnvelopeWrite {
  readonly bytes: Uint8Array;
  readonly logIndex: number;
  /**
   * The envelope the bytes encode and their hash, when the caller has them already (the receiver parsed and hashed
   * every delivery): parsing 256 envelopes a second time would cost more than storing them. Entries are checked in
   * full whenever they are read, so a caller's mistake here is caught as corruption, not believed.
   */
  readonly parsed?: { readonly envelope: Envelope; readonly hash: string };
}

/** The entry for one envelope, checked (refused with vault.invalidRecord if the bytes are not an envelope). */
function entryFor(write: EnvelopeWrite): EnvelopeEntry {
  const { bytes, logIndex, parsed } = write;
  const envelope = parsed?.envelope ?? parseEnvelope(bytes);
  if (!envelope || !LogIndex.safeParse(logIndex).success) throw new VaultError('vault.invalidRecord', { table: 'envelopePages' });
  return { hash: parsed?.hash ?? hashOfEnvelopeBytes(bytes), bytes: bytes.slice(), sender: envelope.header.sender, seq: envelope.header.seq, logIndex };
}

export class EnvelopeStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  /** Checks envelopes and makes their entries, before any transaction opens (it is CPU work). */
  rows(writes: readonly EnvelopeWrite[]): readonly EnvelopeEntry[] {
    this.#context.keys();
    return writes.map(entryFor);
  }

  /**
   * Stores entries from `rows` into their pages, merged with what the pages hold: one read and one write request for
   * all the pages touched. Runs in the caller's transaction if there is one (it must cover the quarantine too). A
   * page that is not even a page any more is set aside whole first, and the report added to `reports`.
   */
  async putRows(rows: readonly EnvelopeEntry[], reports: CorruptionReport[] = []): Promise<void> {
    if (rows.length === 0) return;
    const { db } = this.#context;
    const pages = [...new Set(rows.map((row) => pageOf(row.logIndex)))];
    await db.transaction('rw', db.envelopePages, db.quarantine, async () => {
      const stored = await db.envelopePages.bulkGet(pages);
      const existing = new Map<number, EnvelopeEntry[]>();
      for (const [i, row] of stored.entries()) {
        if (row === undefined) continue;
        const shape = EnvelopePageShape.safeParse(row);
        // Entries are judged when read; here only whether they can be kept beside the new ones.
        const entries = shape.success ? shape.data.entries.map((entry) => EnvelopeEntryShape.safeParse(entry)) : [];
        if (shape.success && entries.every((entry) => entry.success)) {
          existing.set(pages[i]!, entries.map((entry) => entry.data!));
          continue;
        }
        const report = await setAsideParts(db, 'envelopePages', pages[i]!, row, [{ id: pageName(pages[i]), row, reason: 'invalid' }], null, this.#context.now());
        reports.push(...(report ?? []));
      }
      await db.envelopePages.bulkPut(mergeIntoPages(existing, rows));
    });
  }

  /** Stores an envelope's canonical bytes at its log index. */
  async put(bytes: Uint8Array, logIndex: number): Promise<string> {
    const [row] = this.rows([{ bytes, logIndex }]);
    const reports: CorruptionReport[] = [];
    await this.putRows([row!], reports);
    for (const report of reports) this.#context.report(report);
    return row!.hash;
  }

  async get(hash: string): Promise<ReadResult<StoredEnvelope>> {
    const { db, keys } = this.#context;
    keys();
    const { envelopes, corrupt } = await this.#read(() => db.envelopePages.where('hashes').equals(hash).toArray());
    const stored = envelopes.find((envelope) => envelope.hash === hash);
    if (stored) return { status: 'found', record: stored };
    const report = corrupt.find((each) => each.id === hash);
    return report ? { status: 'corrupt', report } : { status: 'missing' };
  }

  /** Up to `limit` envelopes with log index ≥ `from`, in log order: the catch-up reader. */
  async fromLogIndex(from: number, limit: number): Promise<ListResult<StoredEnvelope>> {
    const { db, keys } = this.#context;
    keys();
    const records: StoredEnvelope[] = [];
    const corrupt: CorruptionReport[] = [];
    // Page by page, as many as should hold `limit` envelopes, and more while entries set aside leave it short.
    for (let page = pageOf(from); records.length < limit; ) {
      const count = Math.ceil((limit - records.length) / PAGE_SIZE) + 1;
      const rows = await db.envelopePages.where('page').aboveOrEqual(page).limit(count).toArray();
      if (rows.length === 0) break;
      const read = await this.#open(rows);
      records.push(...read.envelopes.filter((envelope) => envelope.logIndex >= from));
      corrupt.push(...read.corrupt);
      page = (rows.at(-1) as { page: number }).page + 1;
    }
    return { records: records.slice(0, limit), corrupt };
  }

  async has(hash: string): Promise<boolean> {
    const { db, keys } = this.#context;
    keys();
    return (await db.envelopePages.where('hashes').equals(hash).count()) > 0;
  }

  /** The stored envelope of `sender` with the highest sequence number: where that sender's chain stands here. */
  async lastFrom(sender: string): Promise<ReadResult<StoredEnvelope>> {
    const { db, keys } = this.#context;
    keys();
    const highest = () => db.envelopePages.where('senderSeqs').between([sender, 0], [sender, Number.MAX_SAFE_INTEGER], true, true).last();
    for (;;) {
      const row = await highest();
      if (row === undefined) return { status: 'missing' };
      const { envelopes, lost } = await this.#open([row]);
      const own = envelopes.filter((envelope) => envelope.envelope.header.sender === sender);
      const last = own.reduce<StoredEnvelope | null>((best, envelope) => (best && best.envelope.header.seq >= envelope.envelope.header.seq ? best : envelope), null);
      const shape = EnvelopePageShape.safeParse(row);
      const claimed = shape.success ? Math.max(-1, ...shape.data.senderSeqs.filter(([each]) => each === sender).map(([, seq]) => seq)) : -1;
      if (last && last.envelope.header.seq === claimed) return { status: 'found', record: last };
      // Envelopes of the page the index names were set aside: the sender's head may be among them, unreadable.
      if (lost.length > 0) return { status: 'corrupt', report: lost[0]! };
      // Otherwise the page's index was rebuilt, or the page rewritten meanwhile: ask the index again.
    }
  }

  /** The highest log index stored, or null: where catch-up resumes. */
  async lastLogIndex(): Promise<number | null> {
    const { db, keys } = this.#context;
    keys();
    for (;;) {
      const row = await db.envelopePages.orderBy('page').last();
      if (row === undefined) return null;
      const { envelopes } = await this.#open([row]);
      if (envelopes.length > 0) return Math.max(...envelopes.map((envelope) => envelope.logIndex));
    }
  }

  /** Reads pages with `query` until every one read is sound or has been set right (a page rewritten meanwhile is read again). */
  async #read(query: () => Promise<readonly unknown[]>): Promise<{ envelopes: StoredEnvelope[]; corrupt: CorruptionReport[] }> {
    for (;;) {
      const rows = await query();
      const read = await this.#open(rows);
      if (!read.changed) return read;
    }
  }

  /** Opens pages; a page with anything wrong has it set aside, and keeps its good entries. */
  async #open(rows: readonly unknown[]): Promise<{ envelopes: StoredEnvelope[]; corrupt: CorruptionReport[]; lost: CorruptionReport[]; changed: boolean }> {
    const envelopes: StoredEnvelope[] = [];
    const corrupt: CorruptionReport[] = [];
    /** The reports of envelopes set aside (not of index fields rebuilt). */
    const lost: CorruptionReport[] = [];
    let changed = false;
    for (const row of rows) {
      const page = openPage(row);
      envelopes.push(...page.envelopes);
      if (page.aside.length === 0) continue;
      const rest = page.envelopes.length === 0 ? null : pageRow(page.key, page.envelopes.map(entryOf));
      const reports = await setAsideParts(this.#context.db, 'envelopePages', page.key, page.found, page.aside, rest, this.#context.now());
      if (reports === null) changed = true;
      for (const report of reports ?? []) {
        this.#context.report(report);
        corrupt.push(report);
        if (!page.indexOnly) lost.push(report);
      }
    }
    return { envelopes, corrupt, lost, changed };
  }
}
