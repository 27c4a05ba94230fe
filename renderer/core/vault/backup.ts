/**
 * Backup and restore of a whole vault. The backup carries the data key and every content row exactly as stored
 * (still encrypted, so a restore copies them verbatim and the search index keeps working), inside the encrypted
 * backup file (backup-format.ts). A restore decodes and checks the whole file before it touches the target profile,
 * and then writes everything in one transaction: a bad file, or a failure half-way, leaves the target as it was.
 */
import { z } from 'zod';
import { wipe } from '../../../electron/common/crypto/sodium';
import { CONTENT_TABLES, REBUILD_MARKER, type ContentTableName, type VaultDatabase } from './database';
import { EnvelopePageShape, entriesBefore4, mergeIntoPages } from './envelope-pages';
import { VaultError } from './errors';
import { openBackup, sealBackup } from './backup-format';
import type { KdfParams } from './kdf';
import type { KeyRing } from './key-ring';
import { decodeRecord, encodeRecord } from './record-codec';
import { SealedRowShape } from './sealed-row';

/** 2 since vault version 4: envelopes in pages. Format 1 (one row per envelope) is still read. */
const CONTENT_FORMAT = 2;

const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array);
const EnvelopeRowBefore4 = z.strictObject({ hash: z.string(), bytes: Bytes, sender: z.string(), seq: z.number(), logIndex: z.number().optional() });
const QuarantineRow = z.strictObject({ seq: z.number(), table: z.string(), key: z.string(), row: z.unknown(), reason: z.string(), detectedAt: z.number() });

const BackupContent = z.strictObject({
  format: z.union([z.literal(1), z.literal(CONTENT_FORMAT)]),
  dataKey: z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.length === 32),
  tables: z.strictObject({
    // Pages are copied as they are: their entries are checked when read, as in the vault they came from.
    envelopePages: z.array(EnvelopePageShape).optional(),
    envelopes: z.array(EnvelopeRowBefore4).optional(),
    messages: z.array(SealedRowShape),
    drafts: z.array(SealedRowShape),
    outbox: z.array(SealedRowShape),
    translations: z.array(SealedRowShape),
    privateKeys: z.array(SealedRowShape),
    // The search index as segments since vault version 3. A backup from before carries the old per-word rows
    // instead: they are dropped, and the restored index is rebuilt from the messages.
    searchSegments: z.array(SealedRowShape).optional(),
    searchIndex: z.array(z.unknown()).optional(),
    // Added with the sync client; backups written before them have none.
    state: z.array(SealedRowShape).default([]),
    alarms: z.array(SealedRowShape).default([]),
    quarantine: z.array(QuarantineRow),
  }),
});

/** A backup's content once opened. The data key is the caller's to keep or wipe. */
export interface BackupContent {
  readonly dataKey: Uint8Array;
  readonly tables: Readonly<Record<ContentTableName, readonly unknown[]>>;
  /** The backup carries no search index of the current format: rebuild it after the restore. */
  readonly rebuildSearch: boolean;
}

export async function exportBackup(db: VaultDatabase, keys: () => KeyRing, passphrase: string, params?: KdfParams): Promise<Uint8Array> {
  keys();
  const tables = CONTENT_TABLES.map((name) => db.content(name));
  const rows = await db.transaction('r', tables, () => Promise.all(tables.map((table) => table.toArray())));
  const content = encodeRecord({
    format: CONTENT_FORMAT,
    dataKey: keys().dataKey,
    tables: Object.fromEntries(CONTENT_TABLES.map((name, i) => [name, rows[i]])),
  });
  try {
    return sealBackup(content, passphrase, params);
  } finally {
    wipe(content);
  }
}

/** Opens and checks a backup file completely, touching no storage. Throws the backup.* codes. */
export function readBackup(file: Uint8Array, passphrase: string, now: number): BackupContent {
  const content = openBackup(file, passphrase);
  try {
    const parsed = BackupContent.safeParse(decodeRecord(content));
    // Authenticated but malformed: written by something other than this code, which is as good as altered.
    if (!parsed.success) throw new VaultError('backup.altered');
    const { searchSegments, searchIndex: _old, envelopePages, envelopes, quarantine, ...tables } = parsed.data.tables;
    if ((parsed.data.format === 1) !== (envelopes !== undefined) || (envelopes === undefined) === (envelopePages === undefined)) throw new VaultError('backup.altered');
    // A format 1 backup's envelope rows become pages, as the vault's own upgrade makes them (database.ts).
    const before4 = entriesBefore4(envelopes ?? [], now);
    return {
      dataKey: parsed.data.dataKey,
      tables: {
        ...tables,
        envelopePages: envelopePages ?? mergeIntoPages(new Map(), before4.entries),
        quarantine: [...quarantine, ...before4.aside],
        searchSegments: searchSegments ?? [],
      },
      rebuildSearch: searchSegments === undefined,
    };
  } catch (error) {
    throw error instanceof VaultError ? error : new VaultError('backup.altered');
  } finally {
    wipe(content);
  }
}

export async function isEmpty(db: VaultDatabase): Promise<boolean> {
  const counts = await Promise.all([db.meta, ...CONTENT_TABLES.map((name) => db.content(name))].map((table) => table.count()));
  return counts.every((count) => count === 0);
}

/**
 * Writes a backup's rows and the new metadata into an empty database, all or nothing. `writeMeta` runs in the same
 * transaction, so a vault never exists without its content or the other way round.
 */
export async function restoreInto(db: VaultDatabase, backup: BackupContent, writeMeta: () => Promise<void>): Promise<void> {
  const tables = CONTENT_TABLES.map((name) => db.content(name));
  await db.transaction('rw', [db.meta, ...tables], async () => {
    if (!(await isEmpty(db))) throw new VaultError('backup.targetNotEmpty');
    for (const [i, name] of CONTENT_TABLES.entries()) await tables[i]!.bulkAdd(backup.tables[name] as unknown[]);
    if (backup.rebuildSearch) await db.meta.put({ id: REBUILD_MARKER });
    await writeMeta();
  });
}
