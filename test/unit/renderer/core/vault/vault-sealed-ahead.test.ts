/**
 * A commit sealed ahead (the receiver seals batch N+1 while batch N is being written): written together with what
 * is given at commit time, in one transaction, exactly as one commit of both would be; and nothing of it is written
 * before that commit, nor after a lock.
 */
import { describe, expect, it } from 'vitest';
import { createdVault, envelopeFrom, machine, PASSPHRASE } from './vault-driver';

const message = (id: string, order: number, text = `message ${id}`) => ({ table: 'messages' as const, record: { id, text, order } });
const state = (processedIndex: number) => ({ table: 'state' as const, record: { id: 'sync', processedIndex, lastSyncAt: 0 } as never });

describe('commits sealed ahead', () => {
  it('writes the sealed changes and those given at commit time together, searchable, and nothing before', async () => {
    const vault = await createdVault(machine());
    const told: string[][] = [];
    vault.onMessagesCommitted((written) => told.push(written.map((record) => record.id)));
    const bytes = envelopeFrom(1);
    const sealed = vault.seal({ envelopes: [{ bytes, logIndex: 0 }], put: [message('a', 1, 'harbour closed at dawn'), message('b', 2)] });
    // Sealing writes nothing.
    expect(await vault.count('messages')).toBe(0);
    expect(await vault.lastLogIndex()).toBeNull();

    await vault.commit({ put: [message('c', 3), state(0)], delete: [{ table: 'messages', id: 'none' }] }, sealed);
    expect((await vault.page('messages', 0, 10)).records.map((record) => record.id)).toEqual(['c', 'b', 'a']);
    expect(await vault.lastLogIndex()).toBe(0);
    expect(await vault.search('harbour dawn')).toEqual(['a']);
    expect(await vault.get('state', 'sync')).toMatchObject({ status: 'found', record: { processedIndex: 0 } });
    expect(told).toEqual([['a', 'b', 'c']]);
  });

  it('refuses to write changes sealed before a lock', async () => {
    const vault = await createdVault(machine());
    const sealed = vault.seal({ put: [message('a', 1)] });
    vault.lock();
    await expect(vault.commit({}, sealed)).rejects.toMatchObject({ code: 'vault.locked' });
    await vault.unlock(PASSPHRASE);
    expect(await vault.count('messages')).toBe(0);
  });
});
