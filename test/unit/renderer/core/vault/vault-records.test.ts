/**
 * Records at rest, as someone who can edit the profile's files would attack them: ciphertexts moved between rows or
 * tables, bytes flipped, index fields rewritten. Each is refused as corruption, set aside in quarantine (not lost),
 * reported, and the rest of the vault reads on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, initCrypto } from '../../../../../electron/common/crypto/sodium';
import { deviceIdFor } from '../../../../../electron/common/protocol/identity';
import type { CorruptionReport } from '../../../../../renderer/core/vault/quarantine';
import { databaseName } from '../../../../../renderer/core/vault/database';
import type { Vault } from '../../../../../renderer/core/vault/vault';
import { codeOf, createdVault, dumpStorage, envelopeFrom, machine, tamper, type Machine } from './vault-driver';

beforeAll(initCrypto);

const DB = databaseName('il-post');
type Row = { id: string; box: Uint8Array; order?: number };

async function rowOf(m: Machine, store: string, key: string): Promise<Row> {
  const entry = (await dumpStorage(m.storage.indexedDB)).find((e) => e.store === store && e.key === key);
  if (!entry) throw new Error(`no row ${store}/${key}`);
  return entry.value as Row;
}

describe('records', () => {
  it('keeps every kind of record, encrypted, and reads it back', async () => {
    const m = machine();
    const vault = await createdVault(m);
    await vault.put('messages', { id: 'm1', text: 'Convoy at grid 36S YB 12345 67890', order: 4, language: 'en' });
    await vault.put('drafts', { id: 'd1', text: 'טיוטה' });
    await vault.put('outbox', { id: 'o1', order: 1, envelope: envelopeFrom(), attempts: 0 });
    await vault.put('translations', { id: 't1', messageId: 'm1', language: 'ar', text: 'قافلة' });
    await vault.put('privateKeys', { id: 'box', kind: 'x25519', publicKey: new Uint8Array(32).fill(1), secretKey: new Uint8Array(32).fill(2) });

    expect(await vault.get('messages', 'm1')).toEqual({ status: 'found', record: { id: 'm1', text: 'Convoy at grid 36S YB 12345 67890', order: 4, language: 'en' } });
    expect(await vault.get('translations', 't1')).toMatchObject({ status: 'found', record: { text: 'قافلة' } });
    expect(await vault.get('drafts', 'nope')).toEqual({ status: 'missing' });
    const outbox = await vault.list('outbox');
    expect(outbox.records[0]?.envelope).toBeInstanceOf(Uint8Array);

    await vault.delete('drafts', 'd1');
    expect(await vault.get('drafts', 'd1')).toEqual({ status: 'missing' });
  });

  it('refuses a record that does not have its table’s shape, with vault.invalidRecord', async () => {
    const vault = await createdVault(machine());
    const notADraft = { id: 'd1', body: 'no text field' } as unknown as { id: string; text: string };
    expect(await codeOf(vault.put('drafts', notADraft))).toBe('vault.invalidRecord');
    const badKey = { id: 'k', kind: 'rsa', publicKey: new Uint8Array(1), secretKey: new Uint8Array(1) } as unknown as never;
    expect(await codeOf(vault.put('privateKeys', badKey))).toBe('vault.invalidRecord');
  });

  it('refuses ciphertexts swapped between two rows: both reads report corruption, both rows are kept in quarantine', async () => {
    const m = machine();
    const vault = await createdVault(m);
    await vault.put('drafts', { id: 'a', text: 'first draft' });
    await vault.put('drafts', { id: 'b', text: 'second draft' });
    await vault.put('drafts', { id: 'c', text: 'untouched' });
    const [a, b] = [await rowOf(m, 'drafts', 'a'), await rowOf(m, 'drafts', 'b')];
    await tamper(m.storage.indexedDB, DB, 'drafts', 'a', (row) => ({ ...(row as Row), box: b.box }));
    await tamper(m.storage.indexedDB, DB, 'drafts', 'b', (row) => ({ ...(row as Row), box: a.box }));

    const reports: CorruptionReport[] = [];
    vault.onCorruption((report) => reports.push(report));
    const readA = await vault.get('drafts', 'a');
    const readB = await vault.get('drafts', 'b');

    expect(readA).toMatchObject({ status: 'corrupt', report: { code: 'vault.recordCorrupt', table: 'drafts', id: 'a', reason: 'undecryptable' } });
    expect(readB).toMatchObject({ status: 'corrupt', report: { table: 'drafts', id: 'b', reason: 'undecryptable' } });
    expect(reports.map((r) => r.id)).toEqual(['a', 'b']);
    expect(await vault.get('drafts', 'c')).toMatchObject({ status: 'found', record: { text: 'untouched' } });

    const quarantine = (await dumpStorage(m.storage.indexedDB)).filter((e) => e.store === 'quarantine');
    expect(quarantine.map((e) => (e.value as { row: Row }).row.box)).toEqual([b.box, a.box]);
    expect((await vault.list('drafts')).records.map((d) => d.id)).toEqual(['c']);
  });

  it('refuses a ciphertext moved to the same key in another table', async () => {
    const m = machine();
    const vault = await createdVault(m);
    await vault.put('drafts', { id: 'x', text: 'a draft' });
    await vault.put('messages', { id: 'x', text: 'a message' });
    const draft = await rowOf(m, 'drafts', 'x');
    await tamper(m.storage.indexedDB, DB, 'messages', 'x', (row) => ({ ...(row as Row), box: draft.box }));
    expect(await vault.get('messages', 'x')).toMatchObject({ status: 'corrupt', report: { reason: 'undecryptable' } });
    expect(await vault.get('drafts', 'x')).toMatchObject({ status: 'found' });
  });

  it('quarantines a record with one flipped byte while the others read fine', async () => {
    const m = machine();
    const vault = await createdVault(m);
    for (const id of ['m1', 'm2', 'm3']) await vault.put('messages', { id, text: `message ${id}` });
    await tamper(m.storage.indexedDB, DB, 'messages', 'm2', (row) => {
      const box = (row as Row).box.slice();
      box[30] = box[30]! ^ 0x01;
      return { ...(row as Row), box };
    });

    const reports: CorruptionReport[] = [];
    vault.onCorruption((report) => reports.push(report));
    const listed = await vault.list('messages');

    expect(listed.records.map((r) => r.id)).toEqual(['m1', 'm3']);
    expect(listed.corrupt).toMatchObject([{ table: 'messages', id: 'm2', reason: 'undecryptable' }]);
    expect(reports).toEqual(listed.corrupt);
    expect(await vault.quarantined()).toMatchObject([{ table: 'messages', id: 'm2', reason: 'undecryptable' }]);
    // Reported once: the row has left the table, so the next read finds it missing rather than corrupt again, and
    // search no longer offers it.
    expect(await vault.get('messages', 'm2')).toEqual({ status: 'missing' });
    expect(reports).toHaveLength(1);
    expect(await vault.search('message')).toEqual(['m1', 'm3']);
  });

  it('replaces a corrupt message cleanly: the old row is kept in quarantine, the new one is read and searched', async () => {
    const m = machine();
    const vault = await createdVault(m);
    await vault.put('messages', { id: 'm1', text: 'original wording' });
    await tamper(m.storage.indexedDB, DB, 'messages', 'm1', (row) => ({ ...(row as Row), box: (row as Row).box.slice(0, -1) }));
    const reports: CorruptionReport[] = [];
    vault.onCorruption((report) => reports.push(report));

    await vault.put('messages', { id: 'm1', text: 'wording received again' });

    expect(reports).toMatchObject([{ table: 'messages', id: 'm1', reason: 'undecryptable' }]);
    expect(await vault.get('messages', 'm1')).toMatchObject({ status: 'found', record: { text: 'wording received again' } });
    expect(await vault.search('received')).toEqual(['m1']);
    expect(await vault.quarantined()).toHaveLength(1);
  });

  it('refuses a plain index field rewritten on disk (it must agree with the encrypted record)', async () => {
    const m = machine();
    const vault = await createdVault(m);
    await vault.put('outbox', { id: 'o1', order: 1, envelope: new Uint8Array(8), attempts: 0 });
    await tamper(m.storage.indexedDB, DB, 'outbox', 'o1', (row) => ({ ...(row as Row), order: 99 }));
    expect(await vault.get('outbox', 'o1')).toMatchObject({ status: 'corrupt', report: { reason: 'invalid' } });
  });
});

describe('envelopes', () => {
  it('are stored exactly as they came, in pages indexed by routing fields only, and read back in log order', async () => {
    const m = machine();
    const vault = await createdVault(m);
    const first = envelopeFrom(1, 'SECRET-PAYLOAD-1');
    const second = envelopeFrom(1, 'SECRET-PAYLOAD-2');
    const hash2 = await vault.putEnvelope(second, 8);
    const hash1 = await vault.putEnvelope(first, 7);

    const stored = await vault.getEnvelope(hash1);
    expect(stored).toMatchObject({ status: 'found', record: { hash: hash1, logIndex: 7 } });
    expect(stored.status === 'found' && stored.record.bytes).toEqual(first);
    expect(await vault.lastLogIndex()).toBe(8);
    expect((await vault.envelopesFrom(0, 10)).records.map((e) => e.hash)).toEqual([hash1, hash2]);
    expect((await vault.envelopesFrom(8, 10)).records.map((e) => e.hash)).toEqual([hash2]);

    const pages = (await dumpStorage(m.storage.indexedDB)).filter((e) => e.store === 'envelopePages');
    expect(pages.map((page) => page.key)).toEqual([0]);
    const page = pages[0]!.value as { entries: object[]; hashes: string[] };
    expect(Object.keys(page).sort()).toEqual(['entries', 'hashes', 'page', 'senderSeqs']);
    expect(page.entries.map((entry) => Object.keys(entry).sort())).toEqual([['bytes', 'hash', 'logIndex', 'sender', 'seq'], ['bytes', 'hash', 'logIndex', 'sender', 'seq']]);
    expect(page.hashes).toEqual([hash1, hash2]);
  });

  it('finds envelopes by hash, by sender and from a log index, across pages and gaps', async () => {
    const vault = await createdVault(machine());
    // One sender's chain at every third index from 10, with another sender's envelopes between.
    const ourDevice = generateSigningKeyPair();
    const ours: string[] = [];
    const theirs: string[] = [];
    for (let i = 0; i < 40; i++) {
      ours.push(await vault.putEnvelope(envelopeFrom(i + 1, `ours ${i}`, ourDevice), 10 + 3 * i));
      theirs.push(await vault.putEnvelope(envelopeFrom(1, `theirs ${i}`), 11 + 3 * i));
    }
    const from = await vault.envelopesFrom(50, 20);
    const stored = (index: number) => index <= 11 + 3 * 39 && (index - 10) % 3 !== 2;
    expect(from.records.map((e) => e.logIndex)).toEqual(Array.from({ length: 40 }, (_, i) => 50 + i).filter(stored).slice(0, 20));
    expect(await vault.lastLogIndex()).toBe(11 + 3 * 39);
    expect(await vault.hasEnvelope(ours[17]!)).toBe(true);
    expect(await vault.hasEnvelope('not a stored hash')).toBe(false);
    expect(await vault.lastEnvelopeFrom(deviceIdFor(ourDevice.publicKey))).toMatchObject({ status: 'found', record: { hash: ours[39], logIndex: 10 + 3 * 39 } });
    expect(await vault.lastEnvelopeFrom('a device that never sent')).toEqual({ status: 'missing' });
    // The same envelope stored twice (its receipt, then its delivery) is one entry.
    await vault.putEnvelope(envelopeBytesOf(await vault.getEnvelope(theirs[3]!))!, 11 + 3 * 3);
    expect((await vault.envelopesFrom(0, 1000)).records).toHaveLength(80);
  });

  it('refuses bytes that are not a canonical envelope, and a log index that is not one', async () => {
    const vault = await createdVault(machine());
    expect(await codeOf(vault.putEnvelope(new TextEncoder().encode('{"not":"an envelope"}'), 0))).toBe('vault.invalidRecord');
    const spaced = new TextEncoder().encode(` ${new TextDecoder().decode(envelopeFrom())}`);
    expect(await codeOf(vault.putEnvelope(spaced, 0))).toBe('vault.invalidRecord');
    expect(await codeOf(vault.putEnvelope(envelopeFrom(), -1))).toBe('vault.invalidRecord');
    expect(await codeOf(vault.putEnvelope(envelopeFrom(), 1.5))).toBe('vault.invalidRecord');
  });

  it('sets aside an envelope altered on disk, and only it: the rest of its page reads on', async () => {
    const m = machine();
    const vault = await createdVault(m);
    const hash = await vault.putEnvelope(envelopeFrom(), 1);
    const other = await vault.putEnvelope(envelopeFrom(), 2);
    await tamper(m.storage.indexedDB, DB, 'envelopePages', 0, (row) => {
      const page = row as { entries: { hash: string; bytes: Uint8Array }[] };
      const entries = page.entries.map((entry) => {
        if (entry.hash !== hash) return entry;
        const bytes = entry.bytes.slice();
        bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x01; // one bit, inside the signature
        return { ...entry, bytes };
      });
      return { ...page, entries };
    });
    const listed = await vault.envelopesFrom(0, 10);
    expect(listed.records.map((e) => e.hash)).toEqual([other]);
    expect(listed.corrupt).toMatchObject([{ table: 'envelopePages', id: hash, reason: 'invalid' }]);
    expect(await vault.quarantined()).toMatchObject([{ table: 'envelopePages', id: hash }]);
    // Set aside once: the page now holds the good entry alone, and its index agrees.
    expect(await vault.envelopesFrom(0, 10)).toMatchObject({ records: [{ hash: other }], corrupt: [] });
    expect(await vault.hasEnvelope(hash)).toBe(false);
    expect(await vault.getEnvelope(other)).toMatchObject({ status: 'found' });
  });

  it('rebuilds a page whose index fields were rewritten, keeping the row as found in quarantine', async () => {
    const m = machine();
    const vault = await createdVault(m);
    const hash = await vault.putEnvelope(envelopeFrom(), 1);
    // A lookup by a hash the page does not hold would otherwise say it is stored.
    await tamper(m.storage.indexedDB, DB, 'envelopePages', 0, (row) => ({ ...(row as object), hashes: ['forged'] }));
    expect(await vault.hasEnvelope('forged')).toBe(true);
    expect(await vault.getEnvelope('forged')).toEqual({ status: 'missing' });
    expect(await vault.quarantined()).toMatchObject([{ table: 'envelopePages', id: 'page 0' }]);
    expect(await vault.hasEnvelope('forged')).toBe(false);
    expect(await vault.getEnvelope(hash)).toMatchObject({ status: 'found', record: { logIndex: 1 } });
  });

  it('rebuilds a page whose (sender, sequence) index claims one more envelope than it holds', async () => {
    const m = machine();
    const vault = await createdVault(m);
    const device = generateSigningKeyPair();
    const sender = deviceIdFor(device.publicKey);
    const hash = await vault.putEnvelope(envelopeFrom(1, 'the only one', device), 1);
    // A forged pair after the true ones: the index would name a head this page does not hold.
    await tamper(m.storage.indexedDB, DB, 'envelopePages', 0, (row) => {
      const page = row as { senderSeqs: [string, number][] };
      return { ...page, senderSeqs: [...page.senderSeqs, [sender, 99]] };
    });
    expect(await vault.lastEnvelopeFrom(sender)).toMatchObject({ status: 'found', record: { hash } });
    expect(await vault.quarantined()).toMatchObject([{ table: 'envelopePages', id: 'page 0' }]);
  });

  it('sets aside a page that is not a page any more when an envelope is stored into it', async () => {
    const m = machine();
    const vault = await createdVault(m);
    await vault.putEnvelope(envelopeFrom(), 1);
    await tamper(m.storage.indexedDB, DB, 'envelopePages', 0, (row) => ({ ...(row as object), entries: 'garbage' }));
    const reports: CorruptionReport[] = [];
    vault.onCorruption((report) => reports.push(report));
    const hash = await vault.putEnvelope(envelopeFrom(), 2);
    expect(reports).toMatchObject([{ table: 'envelopePages', id: 'page 0' }]);
    expect((await vault.envelopesFrom(0, 10)).records.map((e) => e.hash)).toEqual([hash]);
    expect(await vault.quarantined()).toMatchObject([{ table: 'envelopePages', id: 'page 0' }]);
  });
});

function envelopeBytesOf(read: Awaited<ReturnType<Vault['getEnvelope']>>): Uint8Array | null {
  return read.status === 'found' ? read.record.bytes : null;
}
