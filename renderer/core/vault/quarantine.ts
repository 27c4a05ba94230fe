/**
 * Corrupt rows are set aside, never deleted: a row that fails to decrypt or to validate is moved, exactly as found,
 * into the quarantine table (nothing is lost; a later version or an expert may still recover it), reported once, and
 * everything else in the vault stays readable.
 */
import type { ContentTableName, VaultDatabase } from './database';

export type CorruptionReason = 'undecryptable' | 'invalid';

export interface CorruptionReport {
  readonly code: 'vault.recordCorrupt';
  readonly table: ContentTableName;
  readonly id: string;
  readonly reason: CorruptionReason;
  /** The row's key in the quarantine table. */
  readonly quarantineSeq: number;
}

export interface QuarantineEntry {
  readonly seq: number;
  readonly table: string;
  readonly id: string;
  readonly reason: string;
  readonly detectedAt: number;
}

export type CorruptionListener = (report: CorruptionReport) => void;

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((byte, i) => byte === b[i]);
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/**
 * Moves the row `key` of `table` to quarantine if it still holds `found` (a row rewritten since it was read is judged
 * again on its next read, not thrown out for its predecessor's fault). Returns the report, or null if nothing moved.
 * Callers already inside a transaction must include `table` and `quarantine` in its scope.
 */
export async function setAside(
  db: VaultDatabase,
  table: ContentTableName,
  key: string,
  found: unknown,
  reason: CorruptionReason,
  now: number,
): Promise<CorruptionReport | null> {
  const reports = await setAsideParts(db, table, key, found, [{ id: key, row: found, reason }], null, now);
  return reports?.[0] ?? null;
}

/** A part of a row that holds many records (an envelope page) to set aside: one entry, or the row itself. */
export interface AsidePart {
  /** How the quarantine and the report name it. */
  readonly id: string;
  /** Exactly as found. */
  readonly row: unknown;
  readonly reason: CorruptionReason;
}

/**
 * `setAside` for a row that holds many records: if the row `key` of `table` still holds `found`, moves `parts` to
 * quarantine and puts `rest` (the row rebuilt from what was good in it) in its place, or deletes the row if nothing
 * good is left. Returns a report per part, or null if the row had changed since it was read (judge it again).
 */
export async function setAsideParts(
  db: VaultDatabase,
  table: ContentTableName,
  key: string | number,
  found: unknown,
  parts: readonly AsidePart[],
  rest: unknown,
  now: number,
): Promise<CorruptionReport[] | null> {
  const rows = db.content(table);
  return db.transaction('rw', [rows, db.quarantine], async () => {
    const current: unknown = await rows.get(key);
    if (current === undefined || !sameValue(current, found)) return null;
    const reports: CorruptionReport[] = [];
    for (const part of parts) {
      const quarantineSeq = await db.quarantine.add({ table, key: part.id, row: part.row, reason: part.reason, detectedAt: now });
      reports.push({ code: 'vault.recordCorrupt', table, id: part.id, reason: part.reason, quarantineSeq });
    }
    if (rest === null) await rows.delete(key);
    else await rows.put(rest);
    return reports;
  });
}

export async function listQuarantine(db: VaultDatabase): Promise<readonly QuarantineEntry[]> {
  const rows = await db.quarantine.toArray();
  return rows.map((row) => ({ seq: row.seq ?? -1, table: row.table, id: row.key, reason: row.reason, detectedAt: row.detectedAt }));
}
