/**
 * Backup to one file and restore into a new profile, and the ways a file can be bad: cut short, changed (by accident
 * or on purpose), or opened with the wrong passphrase. Each has its own code, and a failed restore leaves the target
 * profile exactly as it was.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { blake2b, initCrypto } from '../../../../../electron/common/crypto/sodium';
import { MIN_KDF } from '../../../../../renderer/core/vault/kdf';
import { Vault } from '../../../../../renderer/core/vault/vault';
import { PASSPHRASE, codeOf, createdVault, dumpStorage, envelopeFrom, machine, tamper, type Machine } from './vault-driver';

beforeAll(initCrypto);

const BACKUP_PASSPHRASE = 'a separate passphrase for the backup file';

async function filledVault(m: Machine) {
  const vault = await createdVault(m, 'il-post');
  await vault.put('messages', { id: 'm1', text: 'Planned activity near Quneitra at 0600', order: 1 });
  await vault.put('messages', { id: 'm2', text: 'نشاط مخطط قرب القنيطرة', order: 2 });
  await vault.put('drafts', { id: 'd1', text: 'reply draft' });
  await vault.put('privateKeys', { id: 'sign', kind: 'ed25519', publicKey: new Uint8Array(32).fill(3), secretKey: new Uint8Array(64).fill(4) });
  const hash = await vault.putEnvelope(envelopeFrom(), 5);
  return { vault, hash };
}

const restoreInto = (m: Machine, file: Uint8Array, passphrase = BACKUP_PASSPHRASE) =>
  Vault.restore({ profile: 'il-post-restored', storage: m.storage, clock: m.clock, kdf: MIN_KDF }, file, passphrase, 'new device passphrase');

/** The restore target as storage shows it: no database yet, or one with nothing in it. */
async function targetRows(m: Machine) {
  return (await dumpStorage(m.storage.indexedDB)).filter((e) => e.database === 'liaison-vault.il-post-restored');
}

describe('backup and restore', () => {
  it('round-trips a whole vault into a new profile: records, envelopes, search, private keys', async () => {
    const m = machine();
    const { vault, hash } = await filledVault(m);
    // A record already set aside travels too: nothing is lost, not even what could not be read.
    await vault.put('drafts', { id: 'broken', text: 'will be damaged' });
    await tamper(m.storage.indexedDB, 'liaison-vault.il-post', 'drafts', 'broken', (row) => ({ ...(row as object), box: new Uint8Array(48) }));
    expect(await vault.get('drafts', 'broken')).toMatchObject({ status: 'corrupt' });
    const file = await vault.exportBackup(BACKUP_PASSPHRASE);
    expect(new TextDecoder().decode(file.subarray(0, 4))).toBe('LHVB');

    const restored = await restoreInto(m, file);
    expect(restored.state).toBe('unlocked');
    expect(await restored.list('messages')).toMatchObject({ records: [{ id: 'm1' }, { id: 'm2' }], corrupt: [] });
    expect(await restored.get('drafts', 'd1')).toMatchObject({ status: 'found', record: { text: 'reply draft' } });
    expect(await restored.get('privateKeys', 'sign')).toMatchObject({ status: 'found', record: { secretKey: new Uint8Array(64).fill(4) } });
    expect(await restored.getEnvelope(hash)).toMatchObject({ status: 'found', record: { logIndex: 5 } });
    expect(await restored.search('القنيطرة')).toEqual(['m2']);
    expect(await restored.search('quneitra')).toEqual(['m1']);
    expect(await restored.quarantined()).toMatchObject([{ table: 'drafts', id: 'broken' }]);

    // The new profile has its own passphrase; the original is untouched.
    restored.close();
    const reopened = await Vault.open({ profile: 'il-post-restored', storage: m.storage, clock: m.clock });
    expect(await codeOf(reopened.unlock(BACKUP_PASSPHRASE))).toBe('vault.wrongPassphrase');
    await reopened.unlock('new device passphrase');
    expect(await vault.get('messages', 'm1')).toMatchObject({ status: 'found' });
  });

  it('accepts the vault passphrase as the backup passphrase', async () => {
    const m = machine();
    const { vault } = await filledVault(m);
    const restored = await restoreInto(m, await vault.exportBackup(PASSPHRASE), PASSPHRASE);
    expect((await restored.list('drafts')).records).toHaveLength(1);
  });

  it('refuses truncated, altered and wrong-passphrase backups with distinct codes, and leaves the target untouched', async () => {
    const m = machine();
    const { vault } = await filledVault(m);
    const file = await vault.exportBackup(BACKUP_PASSPHRASE);

    const flipped = file.slice();
    flipped[200] = flipped[200]! ^ 0x80;
    // A forger who knows the format recomputes the trailing checksum: the authenticated body still gives it away.
    const forged = flipped.slice();
    forged.set(blake2b(32, forged.subarray(0, forged.length - 32)), forged.length - 32);
    const headerChanged = file.slice();
    headerChanged[20] = headerChanged[20]! ^ 0x01; // inside the salt

    const cases: [string, Uint8Array, string][] = [
      ['backup.truncated', file.subarray(0, file.length - 1), BACKUP_PASSPHRASE],
      ['backup.truncated', file.subarray(0, file.length >> 1), BACKUP_PASSPHRASE],
      ['backup.truncated', file.subarray(0, 40), BACKUP_PASSPHRASE],
      ['backup.truncated', file.subarray(0, 2), BACKUP_PASSPHRASE],
      ['backup.altered', flipped, BACKUP_PASSPHRASE],
      ['backup.altered', forged, BACKUP_PASSPHRASE],
      ['backup.altered', headerChanged, BACKUP_PASSPHRASE],
      ['backup.altered', Uint8Array.from([...file, 0]), BACKUP_PASSPHRASE],
      ['backup.wrongPassphrase', file, 'not the backup passphrase'],
      ['backup.unrecognised', new TextEncoder().encode('PK\u0003\u0004 a zip file'), BACKUP_PASSPHRASE],
    ];
    for (const [code, bad, passphrase] of cases) {
      expect(await codeOf(restoreInto(m, bad, passphrase))).toBe(code);
      expect(await targetRows(m)).toEqual([]);
    }
    const target = await Vault.open({ profile: 'il-post-restored', storage: m.storage });
    expect(target.state).toBe('absent');
    target.close();

    // After all that the untouched file still restores.
    expect((await restoreInto(m, file)).state).toBe('unlocked');
  });

  it('restores only into an empty profile, and leaves a non-empty one as it was', async () => {
    const m = machine();
    const { vault } = await filledVault(m);
    const file = await vault.exportBackup(BACKUP_PASSPHRASE);
    const occupant = await createdVault(m, 'il-post-restored', 'occupant passphrase');
    await occupant.put('drafts', { id: 'mine', text: 'keep me' });
    occupant.close();
    const before = await targetRows(m);

    expect(await codeOf(restoreInto(m, file))).toBe('backup.targetNotEmpty');
    expect(await targetRows(m)).toEqual(before);
  });
});
