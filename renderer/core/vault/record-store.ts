/**
 * Reading and writing the encrypted record tables. Every record is validated against its table's schema on the way
 * in (a caller's bug is refused before it is stored) and on the way out (what comes back from disk is untrusted): a
 * row that does not decrypt as itself, or decrypts to something of the wrong shape, is corruption — set aside in
 * quarantine and reported, while the rest of the table reads on.
 */
import { wipe } from '../../../electron/common/crypto/sodium';
import type { ContentTableName, SealedRow, VaultDatabase } from './database';
import { VaultError } from './errors';
import type { KeyRing } from './key-ring';
import { setAside, type CorruptionReason, type CorruptionReport } from './quarantine';
import { decodeRecord, encodeRecord } from './record-codec';
import { specOf, type RecordOf, type RecordTable } from './records';
import { SealedRowShape, openBox, sealBox } from './sealed-row';

export type ReadResult<T> =
  | { readonly status: 'found'; readonly record: T }
  | { readonly status: 'missing' }
  | { readonly status: 'corrupt'; readonly report: CorruptionReport };

export interface ListResult<T> {
  readonly records: readonly T[];
  /** Rows found corrupt during this read, now in quarantine. */
  readonly corrupt: readonly CorruptionReport[];
}

export type Opened<T> = { readonly ok: true; readonly record: T } | { readonly ok: false; readonly reason: CorruptionReason };

/** Everything a store needs from the vault: the keys (throwing `vault.locked` once locked), time, and the reporter. */
export interface StoreContext {
  readonly db: VaultDatabase;
  readonly keys: () => KeyRing;
  readonly now: () => number;
  readonly report: (report: CorruptionReport) => void;
}

export function sealRecord<T extends RecordTable>(table: T, record: RecordOf<T>, keys: KeyRing): SealedRow {
  const spec = specOf(table);
  const parsed = spec.schema.safeParse(record);
  if (!parsed.success) throw new VaultError('vault.invalidRecord', { table });
  const plaintext = encodeRecord(parsed.data);
  try {
    return { id: parsed.data.id, box: sealBox(table, parsed.data.id, plaintext, keys.dataKey), ...spec.indexes(parsed.data) };
  } finally {
    wipe(plaintext);
  }
}

export function openRecord<T extends RecordTable>(table: T, row: unknown, keys: KeyRing): Opened<RecordOf<T>> {
  const shape = SealedRowShape.safeParse(row);
  if (!shape.success) return { ok: false, reason: 'invalid' };
  const plaintext = openBox(table, shape.data, keys.dataKey);
  if (plaintext === null) return { ok: false, reason: 'undecryptable' };
  let decoded: unknown;
  try {
    decoded = decodeRecord(plaintext);
  } catch {
    return { ok: false, reason: 'invalid' };
  } finally {
    wipe(plaintext);
  }
  const spec = specOf(table);
  const parsed = spec.schema.safeParse(decoded);
  // The plain index fields sit outside the ciphertext: they must agree with the record they were derived from.
  if (!parsed.success || parsed.data.id !== shape.data.id || spec.indexes(parsed.data).order !== shape.data.order) {
    return { ok: false, reason: 'invalid' };
  }
  if (spec.secret) for (const value of Object.values(parsed.data) as unknown[]) if (value instanceof Uint8Array) keys.lease(value);
  return { ok: true, record: parsed.data };
}

export class RecordStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async put<T extends RecordTable>(table: T, record: RecordOf<T>): Promise<void> {
    const { db, keys } = this.#context;
    await db.sealed(table).put(sealRecord(table, record, keys()));
  }

  async get<T extends RecordTable>(table: T, id: string): Promise<ReadResult<RecordOf<T>>> {
    const { db, keys } = this.#context;
    keys();
    for (;;) {
      const row = await db.sealed(table).get(id);
      if (row === undefined) return { status: 'missing' };
      const opened = openRecord(table, row, keys());
      if (opened.ok) return { status: 'found', record: opened.record };
      const report = await this.#setAside(table, id, row, opened.reason);
      if (report) return { status: 'corrupt', report };
      // The row was rewritten while we looked at it: judge the new one.
    }
  }

  /** The records with these ids that exist and read as themselves, by id (corrupt ones are set aside and left out). */
  async getMany<T extends RecordTable>(table: T, ids: readonly string[]): Promise<Map<string, RecordOf<T>>> {
    const { db, keys } = this.#context;
    keys();
    const rows = await db.sealed(table).bulkGet([...ids]);
    const found = new Map<string, RecordOf<T>>();
    for (const [i, row] of rows.entries()) {
      if (row === undefined) continue;
      const opened = openRecord(table, row, keys());
      if (opened.ok) found.set(ids[i]!, opened.record);
      else await this.#setAside(table, ids[i]!, row, opened.reason);
    }
    return found;
  }

  /** Up to `limit` records with the highest `order`, highest first (tables with an order index only). */
  async newest<T extends RecordTable>(table: T, limit: number): Promise<ListResult<RecordOf<T>>> {
    return this.page(table, 0, limit);
  }

  /** Up to `limit` records from position `offset` in descending `order` (tables with an order index only). */
  async page<T extends RecordTable>(table: T, offset: number, limit: number): Promise<ListResult<RecordOf<T>>> {
    const { db, keys } = this.#context;
    keys();
    const rows = await db.sealed(table).orderBy('order').reverse().offset(offset).limit(limit).toArray();
    return this.#openRows(table, rows);
  }

  /** How many records the table holds that have an order (tables with an order index only). */
  async countOrdered(table: RecordTable): Promise<number> {
    const { db, keys } = this.#context;
    keys();
    return db.sealed(table).orderBy('order').count();
  }

  async list<T extends RecordTable>(table: T): Promise<ListResult<RecordOf<T>>> {
    const { db, keys } = this.#context;
    keys();
    const rows = await db.sealed(table).toArray();
    return this.#openRows(table, rows);
  }

  /** Opens each row; the ones that do not read as themselves are set aside and reported, the rest returned. */
  async #openRows<T extends RecordTable>(table: T, rows: readonly SealedRow[]): Promise<ListResult<RecordOf<T>>> {
    const records: RecordOf<T>[] = [];
    const corrupt: CorruptionReport[] = [];
    for (const row of rows) {
      const opened = openRecord(table, row, this.#context.keys());
      if (opened.ok) records.push(opened.record);
      else {
        const report = await this.#setAside(table, row.id, row, opened.reason);
        if (report) corrupt.push(report);
      }
    }
    return { records, corrupt };
  }

  async delete(table: RecordTable, id: string): Promise<void> {
    const { db, keys } = this.#context;
    keys();
    await db.sealed(table).delete(id);
  }

  #setAside(table: RecordTable, id: string, row: unknown, reason: CorruptionReason): Promise<CorruptionReport | null> {
    return setAsideReported(this.#context, table, id, row, reason);
  }
}

/** Quarantines a corrupt row (see quarantine.ts) and tells the vault's listeners. */
export async function setAsideReported(
  context: StoreContext,
  table: ContentTableName,
  id: string,
  row: unknown,
  reason: CorruptionReason,
): Promise<CorruptionReport | null> {
  const report = await setAside(context.db, table, id, row, reason, context.now());
  if (report) context.report(report);
  return report;
}
