/**
 * How envelopes lie on disk: in pages of PAGE_SIZE consecutive log indexes, one IndexedDB record per page. The storage
 * engine's cost is per record far more than per byte (measured on the catch-up bench: one record per envelope cost
 * about a fifth of a 10,000-envelope catch-up), and a catch-up writes envelopes in log order, so a page fills in one
 * or two commits. A page stays under IndexedDB's 64 KiB threshold for values kept inline (Chromium moves larger ones
 * to blob files) with envelopes of the usual size.
 *
 * Each page carries, beside its entries, the plain index fields the vault looks envelopes up by: their hashes and
 * their (sender, sequence number) pairs, as multi-entry indexes. They are the routing fields the relay sees anyway,
 * derived from the entries, and checked against them whenever a page is read.
 *
 * Pure functions only: the page layout, shared by the store, the schema upgrade and the backup reader.
 */
import { z } from 'zod';
import type { QuarantineRow } from './database';

export const PAGE_SIZE = 32;

/** One envelope in a page: its canonical bytes exactly as they crossed the relay, with its routing fields. */
export interface EnvelopeEntry {
  readonly hash: string;
  readonly bytes: Uint8Array;
  readonly sender: string;
  readonly seq: number;
  readonly logIndex: number;
}

export interface EnvelopePageRow {
  readonly page: number;
  /** In log order; two envelopes at one index (a relay that lied about one of them) are both kept. */
  readonly entries: readonly EnvelopeEntry[];
  readonly hashes: readonly string[];
  readonly senderSeqs: readonly (readonly [string, number])[];
}

export const LogIndex = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const EnvelopeEntryShape = z.strictObject({
  hash: z.string(),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
  sender: z.string(),
  seq: z.number().int().min(0),
  logIndex: LogIndex,
});

/** A page row's shape only: the entries are checked one by one, so that one bad entry costs only itself. */
export const EnvelopePageShape = z.strictObject({
  page: z.number().int().min(0),
  entries: z.array(z.unknown()),
  hashes: z.array(z.string()),
  senderSeqs: z.array(z.tuple([z.string(), z.number()])),
});

export const pageOf = (logIndex: number): number => Math.floor(logIndex / PAGE_SIZE);

const entryKey = (entry: EnvelopeEntry): string => `${entry.logIndex}:${entry.hash}`;

/** The page row holding `entries` (all of page `page`), in log order, with its index fields derived from them. */
export function pageRow(page: number, entries: readonly EnvelopeEntry[]): EnvelopePageRow {
  const sorted = [...entries].sort((a, b) => a.logIndex - b.logIndex || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return {
    page,
    entries: sorted,
    hashes: sorted.map((entry) => entry.hash),
    senderSeqs: sorted.map((entry) => [entry.sender, entry.seq] as const),
  };
}

/** Whether a row's index fields are exactly those its entries give: anything else would make a lookup lie. */
export function indexesAgree(row: z.infer<typeof EnvelopePageShape>, entries: readonly EnvelopeEntry[]): boolean {
  const derived = pageRow(row.page, entries);
  return (
    derived.hashes.length === row.hashes.length &&
    derived.senderSeqs.length === row.senderSeqs.length &&
    derived.hashes.every((hash, i) => row.hashes[i] === hash) &&
    derived.senderSeqs.every(([sender, seq], i) => row.senderSeqs[i]![0] === sender && row.senderSeqs[i]![1] === seq)
  );
}

/**
 * The pages after `writes` are added to the `existing` entries of their pages: one entry per (log index, hash), the
 * newer write replacing an equal one. Only pages that `writes` touch are returned.
 */
export function mergeIntoPages(existing: ReadonlyMap<number, readonly EnvelopeEntry[]>, writes: readonly EnvelopeEntry[]): EnvelopePageRow[] {
  const pages = new Map<number, Map<string, EnvelopeEntry>>();
  for (const write of writes) {
    const page = pageOf(write.logIndex);
    let entries = pages.get(page);
    if (!entries) {
      entries = new Map((existing.get(page) ?? []).map((entry) => [entryKey(entry), entry]));
      pages.set(page, entries);
    }
    entries.set(entryKey(write), write);
  }
  return [...pages].map(([page, entries]) => pageRow(page, [...entries.values()]));
}

/**
 * Rows of the envelope table before vault version 4 (one envelope each), from a database being upgraded or a format 1
 * backup: the entries they make, and as quarantine rows, exactly as found, those that make none (a row without a log
 * index: none should exist, as every envelope was stored on its receipt or its delivery, with the index they carry).
 */
export function entriesBefore4(rows: readonly unknown[], now: number): { entries: EnvelopeEntry[]; aside: QuarantineRow[] } {
  const entries: EnvelopeEntry[] = [];
  const aside: QuarantineRow[] = [];
  for (const row of rows) {
    const entry = EnvelopeEntryShape.safeParse(row);
    if (entry.success) entries.push(entry.data);
    else aside.push({ table: 'envelopePages', key: String((row as { hash?: unknown } | null)?.hash), row, reason: 'invalid', detectedAt: now });
  }
  return { entries, aside };
}
