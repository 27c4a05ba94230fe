/** Creating, unlocking, locking and re-keying a vault, as the person at the unlock screen (or someone guessing) sees it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../../electron/common/crypto/sodium';
import { DEFAULT_KDF } from '../../../../../renderer/core/vault/kdf';
import { KeyRing } from '../../../../../renderer/core/vault/key-ring';
import { PASSPHRASE, codeOf, createdVault, dumpStorage, envelopeFrom, machine } from './vault-driver';

beforeAll(initCrypto);

const WRONG = 'correct horse battery stapler';

describe('unlocking', () => {
  it('creates a vault with Argon2id parameters at or above the OWASP minimum, and unlocks it after a reopen', async () => {
    const m = machine();
    const vault = await m.open('il-post', { kdf: DEFAULT_KDF });
    expect(vault.state).toBe('absent');
    await vault.create(PASSPHRASE);
    expect(vault.state).toBe('unlocked');
    vault.close();

    const [meta] = (await dumpStorage(m.storage.indexedDB)).filter((e) => e.store === 'meta' && e.key === 'vault');
    const kdf = (meta?.value as { kdf: { opsLimit: number; memLimit: number; salt: Uint8Array } }).kdf;
    expect(kdf.opsLimit).toBeGreaterThanOrEqual(2);
    expect(kdf.memLimit).toBeGreaterThanOrEqual(19 * 1024 * 1024);
    expect(kdf.salt).toHaveLength(16);

    const again = await m.open('il-post');
    expect(again.state).toBe('locked');
    await again.unlock(PASSPHRASE);
    expect(again.state).toBe('unlocked');
  });

  it('refuses a wrong passphrase with vault.wrongPassphrase, and an empty one without counting it', async () => {
    const m = machine();
    (await createdVault(m)).close();
    const vault = await m.open();
    expect(await codeOf(vault.unlock(WRONG))).toBe('vault.wrongPassphrase');
    expect(await codeOf(vault.unlock(''))).toBe('vault.passphraseRequired');
    expect(vault.state).toBe('locked');
    await vault.unlock(PASSPHRASE);
    expect(vault.state).toBe('unlocked');
  });

  it('accepts the passphrase however its characters were composed (NFC)', async () => {
    const m = machine();
    (await createdVault(m, 'il-post', 'cafe\u0301 אָב')).close();
    const vault = await m.open();
    await vault.unlock('caf\u00E9 אָב'.normalize('NFD'));
    expect(vault.state).toBe('unlocked');
  });

  it('slows down repeated failures — none for three, then 1 s, 2 s, 4 s … — and a reopen does not reset it', async () => {
    const m = machine();
    (await createdVault(m)).close();
    let vault = await m.open();
    for (let i = 0; i < 3; i++) expect(await codeOf(vault.unlock(WRONG))).toBe('vault.wrongPassphrase');

    // Fourth attempt straight away: refused without even trying the passphrase, however right it is.
    const throttled = vault.unlock(PASSPHRASE).catch((error: { code: string; params: { retryAfterMs: number } }) => error);
    expect(await throttled).toMatchObject({ code: 'vault.throttled', params: { retryAfterMs: 1_000 } });

    m.clock.advance(1_000);
    expect(await codeOf(vault.unlock(WRONG))).toBe('vault.wrongPassphrase'); // the fourth failure

    // Closing the app and coming back does not help.
    vault.close();
    vault = await m.open();
    m.clock.advance(1_500);
    expect(await vault.unlock(PASSPHRASE).catch((e: unknown) => e)).toMatchObject({ code: 'vault.throttled', params: { retryAfterMs: 500 } });
    m.clock.advance(500);
    expect(await codeOf(vault.unlock(WRONG))).toBe('vault.wrongPassphrase'); // the fifth

    m.clock.advance(3_999);
    expect(await codeOf(vault.unlock(PASSPHRASE))).toBe('vault.throttled');
    m.clock.advance(1);
    await vault.unlock(PASSPHRASE);
    expect(vault.state).toBe('unlocked');

    // Success clears the counter: the next three mistakes are free again.
    vault.close();
    vault = await m.open();
    for (let i = 0; i < 3; i++) expect(await codeOf(vault.unlock(WRONG))).toBe('vault.wrongPassphrase');
  });

  it('caps the wait at 30 s, and a clock set backwards does not lock the vault until it catches up', async () => {
    const m = machine();
    (await createdVault(m)).close();
    const vault = await m.open();
    for (let failures = 0; failures < 10; failures++) {
      m.clock.advance(30_000);
      expect(await codeOf(vault.unlock(WRONG))).toBe('vault.wrongPassphrase');
    }
    expect(await vault.unlock(PASSPHRASE).catch((e: unknown) => e)).toMatchObject({ params: { retryAfterMs: 30_000 } });

    m.clock.advance(-24 * 60 * 60 * 1000);
    expect(await codeOf(vault.unlock(PASSPHRASE))).toBe('vault.throttled');
    m.clock.advance(30_000);
    await vault.unlock(PASSPHRASE);
    expect(vault.state).toBe('unlocked');
  });
});

describe('changing the passphrase', () => {
  it('re-wraps the data key only: old passphrase refused, new accepted, record ciphertexts unchanged', async () => {
    const m = machine();
    const vault = await createdVault(m);
    await vault.put('messages', { id: 'm1', text: 'Planned activity near the fence at 0600' });
    await vault.put('drafts', { id: 'd1', text: 'draft reply' });
    await vault.putEnvelope(envelopeFrom(), 0);
    const content = async () => (await dumpStorage(m.storage.indexedDB)).filter((e) => e.store !== 'meta');
    const metaOf = async () => (await dumpStorage(m.storage.indexedDB)).find((e) => e.key === 'vault')?.value;
    const before = await content();
    const metaBefore = await metaOf();

    expect(await codeOf(vault.changePassphrase(WRONG, 'a new passphrase'))).toBe('vault.wrongPassphrase');
    await vault.changePassphrase(PASSPHRASE, 'a new passphrase');

    expect(await content()).toEqual(before);
    expect(await metaOf()).not.toEqual(metaBefore);
    vault.close();

    const again = await m.open();
    expect(await codeOf(again.unlock(PASSPHRASE))).toBe('vault.wrongPassphrase');
    await again.unlock('a new passphrase');
    expect(await again.get('messages', 'm1')).toMatchObject({ status: 'found', record: { text: 'Planned activity near the fence at 0600' } });
  });
});

describe('locking', () => {
  it('a key ring wipes its data key, its search key and every secret it leased', () => {
    const ring = new KeyRing(Uint8Array.from({ length: 32 }, (_, i) => i + 1));
    const leased = ring.lease(new Uint8Array(64).fill(9));
    const held = [ring.dataKey, ring.searchKey, leased];
    expect(held.every((key) => key.some((byte) => byte !== 0))).toBe(true);
    ring.wipe();
    for (const key of held) expect(key.every((byte) => byte === 0)).toBe(true);
    expect(() => ring.dataKey).toThrow('vault.locked');
    expect(() => ring.searchKey).toThrow('vault.locked');
  });

  it('wipes every private key it handed out on lock; afterwards everything fails with vault.locked', async () => {
    const m = machine();
    const vault = await createdVault(m);
    const secretKey = Uint8Array.from({ length: 64 }, (_, i) => i + 1);
    await vault.put('privateKeys', { id: 'sign', kind: 'ed25519', publicKey: new Uint8Array(32).fill(7), secretKey: secretKey.slice() });
    await vault.put('messages', { id: 'm1', text: 'hello' });

    const read = await vault.get('privateKeys', 'sign');
    if (read.status !== 'found') throw new Error('private key not found');
    expect(read.record.secretKey).toEqual(secretKey);
    const held = [read.record.secretKey];
    expect(held.every((key) => key.some((byte) => byte !== 0))).toBe(true);

    vault.lock();

    expect(vault.state).toBe('locked');
    for (const key of held) expect(key.every((byte) => byte === 0)).toBe(true);
    const attempts = [
      vault.get('messages', 'm1'),
      vault.list('drafts'),
      vault.put('drafts', { id: 'd', text: 'x' }),
      vault.delete('messages', 'm1'),
      vault.search('hello'),
      vault.putEnvelope(envelopeFrom(), 0),
      vault.getEnvelope('x'),
      vault.envelopesFrom(0, 10),
      vault.lastLogIndex(),
      vault.quarantined(),
      vault.exportBackup(PASSPHRASE),
      vault.changePassphrase(PASSPHRASE, 'other'),
    ].map(codeOf);
    expect(await Promise.all(attempts)).toEqual(attempts.map(() => 'vault.locked'));

    await vault.unlock(PASSPHRASE);
    expect(await vault.get('messages', 'm1')).toMatchObject({ status: 'found' });
  });

  it('a write racing with lock either completes or fails with vault.locked, never stores under a wiped key', async () => {
    const m = machine();
    const vault = await createdVault(m);
    const pending = [vault.put('messages', { id: 'm1', text: 'half-written report' }), vault.put('drafts', { id: 'd1', text: 'draft' })];
    vault.lock();
    const outcomes = await Promise.all(pending.map((p) => p.then(() => 'stored', (e: { code: string }) => e.code)));
    expect(outcomes.every((o) => o === 'stored' || o === 'vault.locked')).toBe(true);

    await vault.unlock(PASSPHRASE);
    const reports: unknown[] = [];
    vault.onCorruption((report) => reports.push(report));
    await vault.list('messages');
    await vault.list('drafts');
    await vault.search('report');
    expect(reports).toEqual([]);
    expect(await vault.quarantined()).toEqual([]);
  });
});
