/**
 * A vault written by an earlier version of the app, opened by this one: the envelopes it kept one row each (schema
 * version 3, backup content format 1) come back in pages, every one readable, in log order; a row that was never an
 * envelope with a log index is set aside, not lost; and the old table is gone.
 */
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../../electron/common/crypto/sodium';
import { envelopeHash, Envelope } from '../../../../../electron/common/protocol/envelope';
import { sealBackup } from '../../../../../renderer/core/vault/backup-format';
import { databaseName } from '../../../../../renderer/core/vault/database';
import { MIN_KDF } from '../../../../../renderer/core/vault/kdf';
import { encodeRecord } from '../../../../../renderer/core/vault/record-codec';
import { Vault } from '../../../../../renderer/core/vault/vault';
import { PASSPHRASE, createdVault, dumpStorage, envelopeFrom, machine, type Machine } from './vault-driver';

beforeAll(initCrypto);

/** An envelope row as versions before 4 stored it. */
function oldRow(bytes: Uint8Array, logIndex?: number) {
  const envelope = Envelope.parse(JSON.parse(new TextDecoder().decode(bytes)));
  const row = { hash: envelopeHash(envelope), bytes, sender: envelope.header.sender, seq: envelope.header.seq };
  return logIndex === undefined ? row : { ...row, logIndex };
}

/** Writes a version 3 database for `profile` holding `meta` and these envelope rows, as the app of then left it. */
async function version3Vault(m: Machine, profile: string, meta: unknown, envelopes: readonly object[]): Promise<void> {
  const old = new Dexie(databaseName(profile), { indexedDB: m.storage.indexedDB, IDBKeyRange });
  old.version(1).stores({
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
  old.version(2).stores({ state: 'id', alarms: 'id, order' });
  old.version(3).stores({ searchIndex: null, searchSegments: 'id' });
  await old.table('meta').put(meta);
  await old.table('envelopes').bulkPut([...envelopes]);
  old.close();
}

/** The `meta` row of a freshly created vault under PASSPHRASE: what the old database needs to unlock. */
async function metaRow(m: Machine): Promise<unknown> {
  const template = await createdVault(m, 'template');
  template.close();
  return (await dumpStorage(m.storage.indexedDB)).find((entry) => entry.database === databaseName('template') && entry.key === 'vault')!.value;
}

describe('a vault from before envelope pages', () => {
  it('moves every envelope into its page on opening, in log order, and sets aside a row without a log index', async () => {
    const m = machine();
    // Across several pages and a gap, written in no particular order, as rows keyed by hash are.
    const indexes = [...Array.from({ length: 70 }, (_, i) => i), 5000, 5001];
    const rows = indexes.map((index) => oldRow(envelopeFrom(1, `old ${index}`), index)).reverse();
    const unindexed = oldRow(envelopeFrom(1, 'never given an index'));
    await version3Vault(m, 'il-post', await metaRow(m), [...rows, unindexed]);

    const vault = await m.open('il-post');
    await vault.unlock(PASSPHRASE);
    const listed = await vault.envelopesFrom(0, 1000);
    expect(listed.corrupt).toEqual([]);
    expect(listed.records.map((stored) => stored.logIndex)).toEqual(indexes);
    expect(listed.records.map((stored) => stored.hash)).toEqual([...rows].reverse().map((row) => row.hash));
    expect(await vault.lastLogIndex()).toBe(5001);
    expect(await vault.quarantined()).toMatchObject([{ table: 'envelopePages', id: unindexed.hash, reason: 'invalid' }]);

    const stores = new Set((await dumpStorage(m.storage.indexedDB)).filter((entry) => entry.database === databaseName('il-post')).map((entry) => entry.store));
    expect(stores.has('envelopes')).toBe(false);
    expect(stores.has('envelopePages')).toBe(true);
  });

  it('restores a backup written before envelope pages', async () => {
    const m = machine();
    const dataKey = new Uint8Array(32).fill(9);
    const kept = oldRow(envelopeFrom(1, 'kept'), 3);
    const unindexed = oldRow(envelopeFrom(1, 'never given an index'));
    const content = encodeRecord({
      format: 1,
      dataKey,
      tables: { envelopes: [kept, unindexed], messages: [], drafts: [], outbox: [], translations: [], privateKeys: [], searchSegments: [], quarantine: [] },
    });
    const file = sealBackup(content, 'backup passphrase', MIN_KDF);

    const restored = await Vault.restore({ profile: 'restored', storage: m.storage, clock: m.clock, kdf: MIN_KDF }, file, 'backup passphrase', PASSPHRASE);
    expect(await restored.getEnvelope(kept.hash)).toMatchObject({ status: 'found', record: { logIndex: 3 } });
    expect(await restored.quarantined()).toMatchObject([{ table: 'envelopePages', id: unindexed.hash }]);
  });
});
