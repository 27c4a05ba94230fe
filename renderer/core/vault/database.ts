/**
 * The one module that imports Dexie: the vault's IndexedDB schema, one database per profile. Everything else reaches
 * storage through `VaultDatabase`. IndexedDB is injected (the worker passes its own, Node tests pass fake-indexeddb),
 * so this code never reaches for a global it might not have and never imports test code.
 *
 * What the indexes hold is chosen to reveal no content: record ids, envelope routing fields that the relay sees
 * anyway (sender device, sequence number, log index) and a plain ordering number. The search index is sealed whole.
 */
import Dexie, { type Table } from 'dexie';
import { isProfileName } from '../../../electron/common/profile';
import { EnvelopeEntryShape, PAGE_SIZE, entriesBefore4, mergeIntoPages, pageOf, type EnvelopePageRow } from './envelope-pages';
import { VaultError } from './errors';

export interface VaultStorage {
  readonly indexedDB: IDBFactory;
  readonly IDBKeyRange: typeof IDBKeyRange;
}

/** Tables whose rows are encrypted under the data key: `{ id, box, ...plain index fields }`. */
export const SEALED_TABLES = ['messages', 'drafts', 'outbox', 'translations', 'privateKeys', 'searchSegments', 'state', 'alarms'] as const;
export type SealedTableName = (typeof SEALED_TABLES)[number];

/** Every table that holds the vault's content (all but `meta`): what a backup carries. */
export const CONTENT_TABLES = ['envelopePages', ...SEALED_TABLES, 'quarantine'] as const;
export type ContentTableName = (typeof CONTENT_TABLES)[number];

export interface SealedRow {
  readonly id: string;
  /** nonce || XChaCha20-Poly1305 ciphertext and tag. */
  readonly box: Uint8Array;
  /** Plain ordering number (messages, outbox): reveals order, not content. */
  readonly order?: number | undefined;
}

/** A row of the envelope table before version 4: one envelope, with its routing fields beside it. */
interface EnvelopeRowBefore4 {
  readonly hash: string;
  readonly bytes: Uint8Array;
  readonly sender: string;
  readonly seq: number;
  readonly logIndex?: number;
}

export interface QuarantineRow {
  readonly seq?: number;
  readonly table: string;
  readonly key: string;
  /** The row exactly as it was found: still encrypted, kept so nothing is lost. */
  readonly row: unknown;
  readonly reason: string;
  readonly detectedAt: number;
}

/** The `meta` row that says the search index must be rebuilt from the messages (after an upgrade or a restore). */
export const REBUILD_MARKER = 'search-rebuild';

export const databaseName = (profile: string): string => `liaison-vault.${profile}`;

export function defaultStorage(): VaultStorage {
  const scope = globalThis as unknown as Partial<VaultStorage>;
  if (!scope.indexedDB || !scope.IDBKeyRange) throw new Error('no IndexedDB in this environment: pass VaultOptions.storage');
  return { indexedDB: scope.indexedDB, IDBKeyRange: scope.IDBKeyRange };
}

/** How wide a stretch of log indexes the upgrade moves at a time: it need not hold a whole vault's envelopes at once. */
const UPGRADE_STRETCH = 128 * PAGE_SIZE;

/**
 * The version 4 upgrade: every envelope row into its page, in log order, a stretch (a whole number of pages) at a
 * time, so each page is written once. A row that makes no entry goes to quarantine as it was (entriesBefore4).
 */
async function envelopesIntoPages(envelopes: Table<EnvelopeRowBefore4, string>, pages: Table<EnvelopePageRow, number>, quarantine: Table<QuarantineRow, number>): Promise<void> {
  const now = Date.now();
  const invalid = await envelopes.filter((row) => !EnvelopeEntryShape.safeParse(row).success).toArray();
  await quarantine.bulkAdd(entriesBefore4(invalid, now).aside);
  const [first, last] = await Promise.all([envelopes.orderBy('logIndex').first(), envelopes.orderBy('logIndex').last()]);
  if (!first || !last) return;
  for (let from = pageOf(first.logIndex!) * PAGE_SIZE; from <= last.logIndex!; from += UPGRADE_STRETCH) {
    const rows = await envelopes.where('logIndex').between(from, from + UPGRADE_STRETCH, true, false).toArray();
    // The invalid rows among them are in quarantine already.
    const { entries } = entriesBefore4(rows, now);
    if (entries.length > 0) await pages.bulkPut(mergeIntoPages(new Map(), entries));
  }
}

export class VaultDatabase extends Dexie {
  /** Rows 'vault' (salt, Argon2id parameters, wrapped data key) and 'throttle' (failed-unlock counter). */
  declare readonly meta: Table<unknown, string>;
  declare readonly envelopePages: Table<EnvelopePageRow, number>;
  declare readonly quarantine: Table<QuarantineRow, number>;

  constructor(profile: string, storage: VaultStorage) {
    if (!isProfileName(profile)) throw new VaultError('vault.invalidProfile');
    // Strict durability: a transaction counts as committed only once it is on disk, not merely handed to the operating
    // system. The sync client acknowledges a batch to the relay as soon as its commit resolves, and the relay then
    // stops delivering it: a batch lost to a power cut after that would be lost for good.
    super(databaseName(profile), { indexedDB: storage.indexedDB, IDBKeyRange: storage.IDBKeyRange, chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      meta: 'id',
      envelopes: 'hash, logIndex, [sender+seq]',
      messages: 'id, order',
      drafts: 'id',
      outbox: 'id, order',
      translations: 'id',
      privateKeys: 'id',
      searchIndex: 'id, t',
      quarantine: '++seq, table',
    });
    // Version 2: the channel's state (identity, trust, sender chain, sync position) and the alarms the sync client raises.
    this.version(2).stores({ state: 'id', alarms: 'id, order' });
    // Version 3: the search index as sealed segments (search-index.ts) instead of one row per word and message. The
    // old rows go; the marker has the index rebuilt from the messages at the first search after unlock.
    this.version(3)
      .stores({ searchIndex: null, searchSegments: 'id' })
      .upgrade((transaction) => transaction.table('meta').put({ id: REBUILD_MARKER }));
    // Version 4: envelopes in pages of consecutive log indexes (envelope-pages.ts) instead of a row each; version 5
    // drops the old table once its rows are in pages (an upgrade can read a table only a later version deletes).
    this.version(4)
      .stores({ envelopePages: 'page, *hashes, *senderSeqs' })
      .upgrade((transaction) => envelopesIntoPages(transaction.table('envelopes'), transaction.table('envelopePages'), transaction.table('quarantine')));
    this.version(5).stores({ envelopes: null });
  }

  sealed(table: SealedTableName): Table<SealedRow, string> {
    return this.table(table);
  }

  content(table: ContentTableName): Table<unknown, string | number> {
    return this.table(table);
  }
}
