/**
 * Search as officers would use it — a word finds its messages however either side spelt it — and storage as an
 * attacker would read it: no word, no message text, no query and no passphrase anywhere in IndexedDB.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../../electron/common/crypto/sodium';
import { searchTokens } from '../../../../../electron/common/search/normalize';
import { databaseName } from '../../../../../renderer/core/vault/database';
import { PASSPHRASE, clearStore, createdVault, dumpStorage, envelopeFrom, machine, readable, tamper } from './vault-driver';

beforeAll(initCrypto);

const MESSAGES = {
  he: 'שָׁלוֹם, הַכּוֹחַ יָנוּעַ לְעֵבֶר הַגְּבוּל בְּשָׁעָה 0600 — צה״ל מודיע',
  ar: 'السَّلَامُ عَلَيْكُمْ، سَتَتَحَرَّكُ القُوَّةُ إِلَى الحُدُودِ فِي السَّاعَةِ ٠٦٠٠ — مُسْتَشْفَى القنيطرة',
  en: 'Medical convoy: 12 TRUCKS crossing at Quneitra, 14:30 local',
  fa: 'Convoy of ۱۲ vehicles, grid 36S YB 1,250',
} as const;

async function searchableVault() {
  const m = machine();
  const vault = await createdVault(m);
  for (const [id, text] of Object.entries(MESSAGES)) await vault.put('messages', { id, text });
  return { m, vault };
}

describe('search', () => {
  it('finds Hebrew words typed with or without niqqud, and acronyms with or without gershayim', async () => {
    const { vault } = await searchableVault();
    expect(await vault.search('שלום')).toEqual(['he']);
    expect(await vault.search('שָׁלוֹם')).toEqual(['he']);
    expect(await vault.search('הגבול')).toEqual(['he']);
    expect(await vault.search('צהל')).toEqual(['he']);
    expect(await vault.search('צה"ל')).toEqual(['he']);
  });

  it('finds Arabic words with or without diacritics, with any alef or yaa form, stretched with tatweel', async () => {
    const { vault } = await searchableVault();
    expect(await vault.search('السلام')).toEqual(['ar']);
    expect(await vault.search('السَّلَامُ')).toEqual(['ar']);
    expect(await vault.search('الى')).toEqual(['ar']); // إِلَى written with bare alef and alef maqsura
    expect(await vault.search('إلي')).toEqual(['ar']);
    expect(await vault.search('الحـــدود')).toEqual(['ar']);
    expect(await vault.search('مستشفي')).toEqual(['ar']);
    expect(await vault.search('القوه')).toEqual(['ar']); // teh marbuta typed as heh
  });

  it('finds English words in any case', async () => {
    const { vault } = await searchableVault();
    expect(await vault.search('trucks')).toEqual(['en']);
    expect(await vault.search('QUNEITRA')).toEqual(['en']);
    expect(await vault.search('Convoy')).toEqual(['en', 'fa']);
    expect(await vault.search('medical convoy')).toEqual(['en']);
    expect(await vault.search('convoy hospital')).toEqual([]);
  });

  it('finds numbers written in any of the three digit sets', async () => {
    const { vault } = await searchableVault();
    expect(await vault.search('0600')).toEqual(['ar', 'he']);
    expect(await vault.search('٠٦٠٠')).toEqual(['ar', 'he']);
    expect(await vault.search('۰۶۰۰')).toEqual(['ar', 'he']);
    expect(await vault.search('١٢')).toEqual(['en', 'fa']);
    expect(await vault.search('1250')).toEqual(['fa']);
  });

  it('follows a message’s changes and deletion, and finds nothing for a query without words', async () => {
    const { vault } = await searchableVault();
    await vault.put('messages', { id: 'en', text: 'Convoy postponed' });
    expect(await vault.search('trucks')).toEqual([]);
    expect(await vault.search('postponed')).toEqual(['en']);
    await vault.delete('messages', 'en');
    expect(await vault.search('postponed')).toEqual([]);
    expect(await vault.search(' — , ')).toEqual([]);
  });

  it('refuses a segment sealed for another row, sets it aside, and rebuilds the index so every word still finds its message', async () => {
    const { m, vault } = await searchableVault();
    const segments = (await dumpStorage(m.storage.indexedDB)).filter((e) => e.store === 'searchSegments');
    expect(segments.length).toBeGreaterThan(1);
    // Copy one segment's sealed box over another's (an attacker can move ciphertext without the key): the moved box
    // would make the second segment answer with the first one's messages.
    const [source, target] = [segments[0]!, segments[1]!];
    await tamper(m.storage.indexedDB, databaseName('il-post'), 'searchSegments', target.key, (row) => ({ ...(row as object), box: (source.value as { box: Uint8Array }).box }));
    const reports: unknown[] = [];
    vault.lock();
    await vault.unlock(PASSPHRASE);
    vault.onCorruption((report) => reports.push(report));

    expect(await vault.search('trucks')).toEqual(['en']);
    expect(reports).toMatchObject([{ table: 'searchSegments', id: target.key, reason: 'undecryptable' }]);
    expect(await vault.quarantined()).toMatchObject([{ table: 'searchSegments', id: target.key }]);
    for (const [id, text] of Object.entries(MESSAGES)) {
      for (const token of searchTokens(text)) expect(await vault.search(token), token).toContain(id);
    }
  });

  it('rebuilds the index from the messages when it is marked for rebuilding (an upgraded vault, an old backup)', async () => {
    const { m, vault } = await searchableVault();
    vault.close();
    await clearStore(m.storage.indexedDB, databaseName('il-post'), 'searchSegments', { id: 'search-rebuild' });
    const reopened = await m.open();
    await reopened.unlock(PASSPHRASE);
    expect(await reopened.search('quneitra')).toEqual(['en']);
    expect(await reopened.search('٠٦٠٠')).toEqual(['ar', 'he']);
    const stores = (await dumpStorage(m.storage.indexedDB)).map((e) => `${e.store}/${String(e.key)}`);
    expect(stores).not.toContain('meta/search-rebuild');
  });

  it('merges segments as they accumulate, and answers the same', async () => {
    const m = machine();
    const vault = await createdVault(m);
    const words = ['north', 'south', 'east', 'west', 'fence', 'gate', 'road', 'ridge', 'wadi', 'hill'];
    for (let i = 0; i < 40; i += 1) await vault.put('messages', { id: `m${String(i).padStart(2, '0')}`, text: `report ${i} ${words[i % 10]}`, order: i });
    await vault.search('report');
    const segments = (await dumpStorage(m.storage.indexedDB)).filter((e) => e.store === 'searchSegments');
    // 40 writes of one message each: merged eight at a time, there are far fewer segments than writes.
    expect(segments.length).toBeLessThan(16);
    expect(await vault.search('fence')).toEqual(['m34', 'm24', 'm14', 'm04']);
    expect((await vault.findMessages('report', 3)).map((message) => message.id)).toEqual(['m39', 'm38', 'm37']);
    expect(await vault.search('report 17')).toEqual(['m17']);
  });
});

describe('no plaintext on disk', () => {
  it('stores no canary word, search term, message text or passphrase anywhere in IndexedDB', async () => {
    const m = machine();
    const CANARY = 'ZEBRAQUOKKA4217';
    const vault = await createdVault(m, 'il-post', PASSPHRASE);
    await vault.put('messages', { id: 'm-canary', text: `Report ${CANARY} near the fence`, order: 1 });
    await vault.put('messages', { id: 'm-ar', text: 'كلمةسرية في الرسالة', order: 2 });
    await vault.put('drafts', { id: 'd1', text: `draft mentioning ${CANARY}` });
    await vault.put('translations', { id: 't1', messageId: 'm-canary', language: 'he', text: `דיווח ${CANARY}` });
    await vault.put('outbox', { id: 'o1', order: 1, envelope: envelopeFrom(1, CANARY), attempts: 0 });
    await vault.putEnvelope(envelopeFrom(1, CANARY), 3);
    expect(await vault.search(CANARY.toLowerCase())).toEqual(['m-canary']);
    expect(await vault.search('كلمةسرية')).toEqual(['m-ar']);
    expect(await vault.search('fence')).toEqual(['m-canary']);
    await vault.changePassphrase(PASSPHRASE, `${PASSPHRASE} 2`);
    await vault.exportBackup(PASSPHRASE);
    vault.lock();

    // The scanner itself finds text hidden in bytes, in either encoding.
    const utf16 = Uint8Array.from([...CANARY].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(readable({ k: [new TextEncoder().encode(`xx${CANARY}`)] })).toContain(CANARY);
    expect(readable(utf16)).toContain(CANARY);
    expect(readable(Uint8Array.from([7, ...utf16]))).toContain(CANARY);

    const entries = await dumpStorage(m.storage.indexedDB);
    expect(new Set(entries.map((e) => e.store))).toEqual(
      new Set(['meta', 'envelopePages', 'messages', 'drafts', 'outbox', 'translations', 'searchSegments']),
    );
    const everything = entries.map((e) => `${e.database}\n${e.store}\n${readable(e.key)}\n${readable(e.value)}`).join('\n');
    const secrets = [CANARY, CANARY.toLowerCase(), 'ZEBRA', 'fence', 'Report', 'كلمةسرية', 'الرسالة', 'דיווח', 'draft mentioning', PASSPHRASE, 'correct horse', 'סוס', `${PASSPHRASE} 2`];
    for (const secret of secrets) expect(everything, secret).not.toContain(secret);
  });
});
