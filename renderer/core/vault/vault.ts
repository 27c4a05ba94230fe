/**
 * The encrypted local store of one profile: the one object the core worker holds. It owns the lifecycle (create,
 * unlock, lock, passphrase change, backup and restore) and the keys; reading and writing are delegated to the stores.
 *
 * Key hierarchy: passphrase --Argon2id--> key-encryption key --wraps--> random 32-byte data key, which encrypts every
 * record; the search key is derived from the data key. Only the wrapped data key, salt and parameters are stored.
 * Every failure is a VaultError with a code; corrupt records are reported to `onCorruption` listeners and quarantined.
 */
import { initCrypto, randomBytes, wipe } from '../../../electron/common/crypto/sodium';
import { readBackup, exportBackup, restoreInto } from './backup';
import { OrderIndex } from './order-index';
import { SEALED_TABLES, VaultDatabase, defaultStorage, type VaultStorage } from './database';
import { EnvelopeStore, type StoredEnvelope } from './envelope-store';
import { VaultError } from './errors';
import { DEFAULT_KDF, KEY_BYTES, checkKdfParams, type KdfParams } from './kdf';
import { KeyRing } from './key-ring';
import { MessageIds } from './message-ids';
import { storeMessages } from './message-store';
import { newVaultId, parseMeta, unwrapDataKey, wrapDataKey, type VaultMeta } from './meta';
import { listQuarantine, type CorruptionListener, type CorruptionReport, type QuarantineEntry } from './quarantine';
import { RecordStore, type ListResult, type ReadResult, type StoreContext } from './record-store';
import { joinSealed, sealChanges, type SealedChanges, type VaultChanges } from './sealed-changes';
import type { RecordOf, RecordTable } from './records';
import { SearchIndex, type StoredSegment } from './search-index';
import { systemClock, throttledAttempt, type VaultClock } from './throttle';

export type { RecordWrite, SealedChanges, VaultChanges } from './sealed-changes';

export interface VaultOptions {
  readonly profile: string;
  /** IndexedDB to use; the environment's own by default. */
  readonly storage?: VaultStorage;
  /** Time for the unlock throttle and quarantine stamps; injectable so tests need not sleep. */
  readonly clock?: VaultClock;
  /** Argon2id parameters for keys wrapped from now on (create, passphrase change, restore, backups). */
  readonly kdf?: KdfParams;
}

export type VaultState = 'absent' | 'locked' | 'unlocked';

/** See Vault.onMessagesCommitted. */
export type MessagesListener = (written: readonly RecordOf<'messages'>[], removed: readonly string[]) => void;

export class Vault {
  readonly profile: string;
  readonly #db: VaultDatabase;
  readonly #clock: VaultClock;
  readonly #kdf: KdfParams;
  readonly #listeners = new Set<CorruptionListener>();
  readonly #messageListeners = new Set<MessagesListener>();
  readonly #context: StoreContext;
  readonly #records: RecordStore;
  readonly #envelopes: EnvelopeStore;
  readonly #index: SearchIndex;
  readonly #messageIds: MessageIds;
  #meta: VaultMeta | null;
  #keys: KeyRing | null = null;
  /** The messages' order while unlocked (order-index.ts); null until first needed, or after a change it cannot follow. */
  #messageOrder: OrderIndex | null = null;
  #orderBuild: Promise<OrderIndex> | null = null;
  /** Changes committed while the order is being read, to replay on it (each is idempotent). */
  #orderChanges: ((index: OrderIndex) => void)[] | null = null;
  /** Counts locks: an order read that straddles one is dropped. */
  #epoch = 0;

  private constructor(options: VaultOptions, db: VaultDatabase, meta: VaultMeta | null) {
    this.profile = options.profile;
    this.#db = db;
    this.#clock = options.clock ?? systemClock;
    this.#kdf = checkKdfParams(options.kdf ?? DEFAULT_KDF);
    this.#meta = meta;
    this.#context = { db, keys: () => this.#ring(), now: () => this.#clock.now(), report: (report) => this.#report(report) };
    this.#records = new RecordStore(this.#context);
    this.#envelopes = new EnvelopeStore(this.#context);
    this.#index = new SearchIndex(this.#context, this.#records);
    this.#messageIds = new MessageIds(async () => {
      this.#ring();
      return this.#db.sealed('messages').toCollection().primaryKeys();
    });
  }

  /** Opens the profile's vault, locked (or 'absent' if none was created yet). */
  static async open(options: VaultOptions): Promise<Vault> {
    await initCrypto();
    const db = new VaultDatabase(options.profile, options.storage ?? defaultStorage());
    try {
      const row = await db.meta.get('vault');
      return new Vault(options, db, row === undefined ? null : parseMeta(row));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Restores a backup into a new, empty profile and returns its vault, unlocked, under `newPassphrase` (which may be
   * the backup's). The file is checked completely before the profile is touched; on any failure it is left as it was.
   */
  static async restore(options: VaultOptions, file: Uint8Array, backupPassphrase: string, newPassphrase: string): Promise<Vault> {
    await initCrypto();
    const backup = readBackup(file, backupPassphrase, (options.clock ?? systemClock).now());
    try {
      const meta = wrapDataKey(backup.dataKey, newPassphrase, newVaultId(), options.kdf ?? DEFAULT_KDF, (options.clock ?? systemClock).now());
      const db = new VaultDatabase(options.profile, options.storage ?? defaultStorage());
      try {
        await restoreInto(db, backup, async () => void (await db.meta.put(meta)));
      } catch (error) {
        db.close();
        throw error;
      }
      const vault = new Vault(options, db, meta);
      vault.#keys = new KeyRing(backup.dataKey);
      return vault;
    } catch (error) {
      wipe(backup.dataKey);
      throw error;
    }
  }

  get state(): VaultState {
    if (this.#keys) return 'unlocked';
    return this.#meta ? 'locked' : 'absent';
  }

  /** Creates the vault in this (empty) profile, unlocked. */
  async create(passphrase: string): Promise<void> {
    if (this.#meta) throw new VaultError('vault.alreadyCreated');
    const dataKey = randomBytes(KEY_BYTES);
    try {
      const meta = wrapDataKey(dataKey, passphrase, newVaultId(), this.#kdf, this.#clock.now());
      await this.#db.transaction('rw', this.#db.meta, async () => {
        if ((await this.#db.meta.get('vault')) !== undefined) throw new VaultError('vault.alreadyCreated');
        await this.#db.meta.put(meta);
      });
      this.#meta = meta;
      this.#keys = new KeyRing(dataKey);
    } catch (error) {
      wipe(dataKey);
      throw error;
    }
  }

  /** Throws vault.wrongPassphrase, or vault.throttled after repeated failures (see throttle.ts). */
  async unlock(passphrase: string): Promise<void> {
    const { dataKey } = await this.#checkPassphrase(passphrase);
    if (this.#keys) wipe(dataKey);
    else this.#keys = new KeyRing(dataKey);
  }

  /** Wipes every key and every secret handed out; from here on everything but unlock fails with vault.locked. */
  lock(): void {
    this.#index.forget();
    this.#messageIds.forget();
    this.#epoch++;
    this.#messageOrder = null;
    this.#orderChanges = null;
    this.#keys?.wipe();
    this.#keys = null;
  }

  /** Re-wraps the data key under `next`: records are not touched. The vault must be unlocked. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const keys = this.#ring();
    if (next.length === 0) throw new VaultError('vault.passphraseRequired');
    const checked = await this.#checkPassphrase(current);
    wipe(checked.dataKey);
    const meta = wrapDataKey(keys.dataKey, next, checked.meta.vaultId, this.#kdf, checked.meta.createdAt);
    await this.#db.meta.put(meta);
    this.#meta = meta;
  }

  close(): void {
    this.lock();
    this.#db.close();
  }

  /** Listens for corrupt records found (and quarantined) by any read. Returns the unsubscribe function. */
  /**
   * Told, after each commit, of the message records it wrote and the ids it deleted: for views kept in memory while
   * unlocked (the inbox's facets). A message set aside as corrupt is told as a corruption report instead.
   */
  onMessagesCommitted(listener: MessagesListener): () => void {
    this.#messageListeners.add(listener);
    return () => this.#messageListeners.delete(listener);
  }

  onCorruption(listener: CorruptionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async put<T extends RecordTable>(table: T, record: RecordOf<T>): Promise<void> {
    // Messages go with their search index segment; the record is validated against its table's schema either way.
    return table === 'messages' ? this.commit({ put: [{ table: 'messages', record: record as unknown as RecordOf<'messages'> }] }) : this.#records.put(table, record);
  }

  async get<T extends RecordTable>(table: T, id: string): Promise<ReadResult<RecordOf<T>>> {
    return this.#records.get(table, id);
  }

  async list<T extends RecordTable>(table: T): Promise<ListResult<RecordOf<T>>> {
    return this.#records.list(table);
  }

  /** Up to `limit` records with the highest order (messages: newest first). */
  async newest<T extends 'messages' | 'outbox' | 'alarms'>(table: T, limit: number): Promise<ListResult<RecordOf<T>>> {
    return this.#records.newest(table, limit);
  }

  /** Up to `limit` records from position `offset`, highest order first: a page of a scrolling list. */
  async page<T extends 'messages' | 'outbox' | 'alarms'>(table: T, offset: number, limit: number): Promise<ListResult<RecordOf<T>>> {
    if (table !== 'messages') return this.#records.page(table, offset, limit);
    const ids = (await this.#orderIndex()).newest(offset, limit);
    const found = await this.#records.getMany('messages', ids);
    return { records: ids.flatMap((id) => found.get(id) ?? []) as unknown as RecordOf<T>[], corrupt: [] };
  }

  /** How many records of the table have an order: the length of what `page` pages through. */
  async count(table: 'messages' | 'outbox' | 'alarms'): Promise<number> {
    if (table === 'messages') return (await this.#orderIndex()).size;
    return this.#records.countOrdered(table);
  }

  async getMany<T extends RecordTable>(table: T, ids: readonly string[]): Promise<ReadonlyMap<string, RecordOf<T>>> {
    return this.#records.getMany(table, ids);
  }

  /** `getMany` for messages, reading only the ids the vault holds (known from memory, see message-ids.ts). */
  async storedMessages(ids: readonly string[]): Promise<ReadonlyMap<string, RecordOf<'messages'>>> {
    return this.#records.getMany('messages', await this.#messageIds.among(ids));
  }

  /** Deletes a record (a deleted message's words stay in the index until merged away; search skips it). */
  async delete(table: RecordTable, id: string): Promise<void> {
    await this.#records.delete(table, id);
    if (table === 'messages') {
      this.#changeOrder((index) => index.remove(id));
      this.#messageIds.changed({ put: [], removed: [id] });
    }
  }

  /**
   * Checks, seals and tokenises changes for `commit`, without writing anything: CPU work that a caller can do while
   * the storage engine is still writing its previous commit. Throws as `commit` would (vault.locked, invalidRecord).
   */
  seal(changes: VaultChanges): SealedChanges {
    return sealChanges(this.#context, this.#envelopes, this.#index, changes);
  }

  /**
   * Applies every change in one IndexedDB transaction: after a crash, all of them happened or none did. Everything
   * is checked, sealed and tokenised first; the transaction is then one bulk request per table (puts before deletes),
   * so a received batch of 256 messages costs a handful of round trips to the storage engine, not a thousand.
   * `sealedAhead`: changes sealed earlier with `seal`, written first in the same transaction.
   */
  async commit(changes: VaultChanges, sealedAhead?: SealedChanges): Promise<void> {
    const now = this.seal(changes);
    const { envelopes, messages, sealed, deleted, written, messagesJustRead } = sealedAhead ? joinSealed(sealedAhead, now) : now;
    const db = this.#db;

    const reports: CorruptionReport[] = [];
    let segment: StoredSegment | null = null;
    const tables = [db.envelopePages, db.quarantine, ...SEALED_TABLES.map((table) => db.sealed(table))];
    await db.transaction('rw', tables, async () => {
      const [, stored] = await Promise.all([
        this.#envelopes.putRows(envelopes, reports),
        storeMessages(this.#context, this.#index, messages, reports, messagesJustRead),
        ...[...sealed].map(([table, rows]) => db.sealed(table).bulkPut(rows)),
      ]);
      segment = stored;
      await Promise.all([...deleted].map(([table, ids]) => db.sealed(table).bulkDelete([...ids])));
    });
    // Reported and remembered only once the transaction has committed: a rolled-back write never happened.
    for (const report of reports) this.#report(report);
    if (segment) this.#index.remember(segment);
    const removed = deleted.get('messages') ?? [];
    if (messages.rows.length > 0 || removed.length > 0) {
      this.#messageIds.changed({ put: messages.rows.map((row) => row.id), removed });
      this.#changeOrder((index) => {
        for (const row of messages.rows) if (row.order !== undefined) index.upsert(row.id, row.order);
        for (const id of removed) index.remove(id);
      });
      for (const listener of this.#messageListeners) {
        try {
          listener(written, removed);
        } catch {
          // The commit has happened: a failing listener must not make it look as if it had not.
        }
      }
    }
  }

  /** Ids of the messages containing every word of `query`, however each was spelt (see electron/common/search). */
  async search(query: string): Promise<readonly string[]> {
    return (await this.#index.find(query, Number.POSITIVE_INFINITY)).map((message) => message.id);
  }

  /** The messages containing every word of `query`, highest order first, at most `limit`. */
  async findMessages(query: string, limit: number): Promise<readonly RecordOf<'messages'>[]> {
    return this.#index.find(query, limit);
  }

  async putEnvelope(bytes: Uint8Array, logIndex: number): Promise<string> {
    return this.#envelopes.put(bytes, logIndex);
  }

  async getEnvelope(hash: string): Promise<ReadResult<StoredEnvelope>> {
    return this.#envelopes.get(hash);
  }

  async envelopesFrom(logIndex: number, limit: number): Promise<ListResult<StoredEnvelope>> {
    return this.#envelopes.fromLogIndex(logIndex, limit);
  }

  async lastLogIndex(): Promise<number | null> {
    return this.#envelopes.lastLogIndex();
  }

  async hasEnvelope(hash: string): Promise<boolean> {
    return this.#envelopes.has(hash);
  }

  /** The stored envelope of `sender` with the highest sequence number: where that sender's chain stands here. */
  async lastEnvelopeFrom(sender: string): Promise<ReadResult<StoredEnvelope>> {
    return this.#envelopes.lastFrom(sender);
  }

  async quarantined(): Promise<readonly QuarantineEntry[]> {
    this.#ring();
    return listQuarantine(this.#db);
  }

  /** The whole vault as one encrypted file, under `passphrase` (which may be the vault's own). */
  async exportBackup(passphrase: string): Promise<Uint8Array> {
    return exportBackup(this.#db, () => this.#ring(), passphrase, this.#kdf);
  }

  #ring(): KeyRing {
    if (!this.#keys) throw new VaultError('vault.locked');
    return this.#keys;
  }

  async #checkPassphrase(passphrase: string): Promise<{ readonly dataKey: Uint8Array; readonly meta: VaultMeta }> {
    if (passphrase.length === 0) throw new VaultError('vault.passphraseRequired');
    const row = await this.#db.meta.get('vault');
    if (row === undefined) throw new VaultError('vault.notCreated');
    // Read afresh: another window of this profile may have changed the passphrase since this one opened.
    const meta = parseMeta(row);
    this.#meta = meta;
    return { dataKey: await throttledAttempt(this.#db, this.#clock, () => unwrapDataKey(meta, passphrase)), meta };
  }

  /** A change to the messages' order, applied to the index held (and to one being read, once it is read). */
  #changeOrder(change: (index: OrderIndex) => void): void {
    if (this.#messageOrder) change(this.#messageOrder);
    this.#orderChanges?.push(change);
  }

  /** The messages' order, read from the order index once per unlock (ids and order numbers only). */
  #orderIndex(): Promise<OrderIndex> {
    if (this.#messageOrder) return Promise.resolve(this.#messageOrder);
    this.#orderBuild ??= (async () => {
      const epoch = this.#epoch;
      const changes: ((index: OrderIndex) => void)[] = [];
      this.#orderChanges = changes;
      try {
        this.#ring();
        const table = this.#db.sealed('messages');
        const [orders, ids] = await this.#db.transaction('r', table, () => Promise.all([table.orderBy('order').keys(), table.orderBy('order').primaryKeys()]));
        const index = OrderIndex.from(orders as number[], ids);
        for (const change of changes) change(index);
        if (epoch === this.#epoch) this.#messageOrder = index;
        return index;
      } finally {
        if (this.#orderChanges === changes) this.#orderChanges = null;
        this.#orderBuild = null;
      }
    })();
    return this.#orderBuild;
  }

  #report(report: CorruptionReport): void {
    // A message set aside has left the table: read the order afresh rather than guess.
    if (report.table === 'messages') {
      this.#messageOrder = null;
      this.#messageIds.forget();
    }
    for (const listener of this.#listeners) {
      try {
        listener(report);
      } catch {
        // A failing listener must not stop the others, nor the read that found the corruption.
      }
    }
  }
}
