/**
 * Envelopes as received or sent: stored exactly as they crossed the relay (their canonical bytes, already end-to-end
 * encrypted and signed), keyed by their hash, beside the routing fields the relay saw too (sender device, sequence
 * number, log index) so catch-up and gap checks can use indexes. Nothing here is decrypted. On the way out a row must
 * still hash to its key and parse as the envelope its index fields describe; one that does not is corruption.
 */
import { z } from 'zod';
import { bytesEqual, utf8Decode } from '../../../electron/common/crypto/sodium';
import { Envelope, envelopeBytes, hashOfEnvelopeBytes } from '../../../electron/common/protocol/envelope';
import type { EnvelopeRow } from './database';
import { VaultError } from './errors';
import { setAsideReported, type ListResult, type ReadResult, type StoreContext } from './record-store';

export interface StoredEnvelope {
  readonly hash: string;
  readonly bytes: Uint8Array;
  readonly envelope: Envelope;
  /** The relay's log index, once it is known. */
  readonly logIndex?: number;
}

const LogIndex = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const EnvelopeRowShape = z.strictObject({
  hash: z.string(),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
  sender: z.string(),
  seq: z.number(),
  logIndex: LogIndex.optional(),
});

/** The envelope in canonical bytes, or null if they are not one. */
function parseEnvelope(bytes: Uint8Array): Envelope | null {
  try {
    const parsed = Envelope.safeParse(JSON.parse(utf8Decode(bytes)));
    return parsed.success && bytesEqual(envelopeBytes(parsed.data), bytes) ? parsed.data : null;
  } catch {
    return null;
  }
}

function openRow(row: unknown): StoredEnvelope | null {
  const shape = EnvelopeRowShape.safeParse(row);
  if (!shape.success) return null;
  const { hash, bytes, sender, seq, logIndex } = shape.data;
  const envelope = parseEnvelope(bytes);
  if (!envelope || hashOfEnvelopeBytes(bytes) !== hash || envelope.header.sender !== sender || envelope.header.seq !== seq) return null;
  return { hash, bytes, envelope, ...(logIndex === undefined ? {} : { logIndex }) };
}

/** An envelope to store: its canonical bytes, its log index if known. */
export interface EnvelopeWrite {
  readonly bytes: Uint8Array;
  readonly logIndex?: number;
  /**
   * The envelope the bytes encode and their hash, when the caller has them already (the receiver parsed and hashed
   * every delivery): parsing 256 envelopes a second time would cost more than storing them. Rows are checked in full
   * whenever they are read, so a caller's mistake here is caught as corruption, not believed.
   */
  readonly parsed?: { readonly envelope: Envelope; readonly hash: string };
}

/** The row for one envelope, checked (refused with vault.invalidRecord if the bytes are not an envelope). */
function rowOf(write: EnvelopeWrite): EnvelopeRow {
  const { bytes, logIndex, parsed } = write;
  const envelope = parsed?.envelope ?? parseEnvelope(bytes);
  if (!envelope || (logIndex !== undefined && !LogIndex.safeParse(logIndex).success)) {
    throw new VaultError('vault.invalidRecord', { table: 'envelopes' });
  }
  const row: EnvelopeRow = { hash: parsed?.hash ?? hashOfEnvelopeBytes(bytes), bytes: bytes.slice(), sender: envelope.header.sender, seq: envelope.header.seq };
  return logIndex === undefined ? row : { ...row, logIndex };
}

export class EnvelopeStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  /** Checks envelopes and makes their rows, before any transaction opens (it is CPU work). */
  rows(writes: readonly EnvelopeWrite[]): readonly EnvelopeRow[] {
    this.#context.keys();
    return writes.map(rowOf);
  }

  /**
   * Stores rows from `rows` with bulk requests (again: a known envelope keeps its log index unless one is given).
   * Runs in the caller's transaction if there is one.
   */
  async putRows(rows: readonly EnvelopeRow[]): Promise<void> {
    if (rows.length === 0) return;
    const { db } = this.#context;
    await db.transaction('rw', db.envelopes, async () => {
      const unindexed = rows.filter((row) => row.logIndex === undefined);
      const known = unindexed.length === 0 ? [] : await db.envelopes.bulkGet(unindexed.map((row) => row.hash));
      const keptIndex = new Map(known.flatMap((row) => (row?.logIndex === undefined ? [] : [[row.hash, row.logIndex] as const])));
      await db.envelopes.bulkPut(rows.map((row) => (row.logIndex === undefined && keptIndex.has(row.hash) ? { ...row, logIndex: keptIndex.get(row.hash)! } : row)));
    });
  }

  /** Stores an envelope's canonical bytes (again: a known envelope keeps its log index unless one is given). */
  async put(bytes: Uint8Array, logIndex?: number): Promise<string> {
    const [row] = this.rows([{ bytes, ...(logIndex === undefined ? {} : { logIndex }) }]);
    await this.putRows([row!]);
    return row!.hash;
  }

  async get(hash: string): Promise<ReadResult<StoredEnvelope>> {
    const { db, keys } = this.#context;
    keys();
    for (;;) {
      const row = await db.envelopes.get(hash);
      if (row === undefined) return { status: 'missing' };
      const stored = openRow(row);
      if (stored) return { status: 'found', record: stored };
      const report = await setAsideReported(this.#context, 'envelopes', hash, row, 'invalid');
      if (report) return { status: 'corrupt', report };
    }
  }

  /** Up to `limit` envelopes with log index ≥ `from`, in log order: the catch-up reader. */
  async fromLogIndex(from: number, limit: number): Promise<ListResult<StoredEnvelope>> {
    const { db, keys } = this.#context;
    keys();
    const rows = await db.envelopes.where('logIndex').aboveOrEqual(from).limit(limit).toArray();
    const records: StoredEnvelope[] = [];
    const corrupt = [];
    for (const row of rows) {
      const stored = openRow(row);
      if (stored) records.push(stored);
      else {
        const report = await setAsideReported(this.#context, 'envelopes', row.hash, row, 'invalid');
        if (report) corrupt.push(report);
      }
    }
    return { records, corrupt };
  }

  async has(hash: string): Promise<boolean> {
    const { db, keys } = this.#context;
    keys();
    return (await db.envelopes.where('hash').equals(hash).count()) > 0;
  }

  async lastFrom(sender: string): Promise<ReadResult<StoredEnvelope>> {
    const { db, keys } = this.#context;
    keys();
    const row = await db.envelopes.where('[sender+seq]').between([sender, 0], [sender, Number.MAX_SAFE_INTEGER], true, true).last();
    if (row === undefined) return { status: 'missing' };
    return this.get(row.hash);
  }

  /** The highest log index stored, or null: where catch-up resumes. */
  async lastLogIndex(): Promise<number | null> {
    const { db, keys } = this.#context;
    keys();
    const last = await db.envelopes.orderBy('logIndex').last();
    const index = LogIndex.safeParse(last?.logIndex);
    return index.success ? index.data : null;
  }
}
