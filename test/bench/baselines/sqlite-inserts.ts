/**
 * The throughput baseline: raw better-sqlite3 inserts with the relay's durability (a fresh file, WAL,
 * synchronous=FULL, so every commit is an fsync of the WAL), rows the size of the relay's envelopes. Measured two
 * ways: one transaction per row (one fsync per envelope, the naive durable rate) and batched rows per transaction
 * (what group commit can reach at best). Each is bounded by a row count and a time limit, whichever comes first.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface InsertRate {
  readonly rows: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly rowsPerTransaction: number;
}

export interface InsertOptions {
  readonly dir: string;
  readonly rowBytes: number;
  readonly rowsPerTransaction: number;
  readonly maxRows: number;
  readonly maxMs: number;
}

export function sqliteInsertRate(options: InsertOptions): InsertRate {
  const db = new Database(path.join(options.dir, `raw-${options.rowsPerTransaction}.sqlite`));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // The same shape as the relay's envelopes table minus its routing columns: an index, a unique hash, the bytes.
    db.exec('CREATE TABLE rows (idx INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, body BLOB NOT NULL) STRICT');
    const insert = db.prepare('INSERT INTO rows (idx, hash, body) VALUES (?, ?, ?)');
    const rows = Array.from({ length: options.maxRows }, () => ({ hash: randomBytes(32).toString('base64url'), body: randomBytes(options.rowBytes) }));
    const commit = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i += 1) insert.run(i, rows[i]!.hash, rows[i]!.body);
    });
    const start = performance.now();
    let done = 0;
    while (done < options.maxRows && performance.now() - start < options.maxMs) {
      const to = Math.min(options.maxRows, done + options.rowsPerTransaction);
      commit.immediate(done, to); // BEGIN IMMEDIATE, as the relay's appendToLog does
      done = to;
    }
    const seconds = (performance.now() - start) / 1000;
    return { rows: done, seconds, perSecond: done / seconds, rowsPerTransaction: options.rowsPerTransaction };
  } finally {
    db.close();
  }
}
