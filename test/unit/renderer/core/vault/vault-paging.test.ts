/**
 * Paging the message list: the vault's pages and total match the rows in storage, newest order first, through new
 * messages, a message moving (queued → relayed), deletions, a lock and unlock, and another vault instance that reads
 * the same storage from scratch.
 */
import { describe, expect, it } from 'vitest';
import type { Vault } from '../../../../../renderer/core/vault/vault';
import { createdVault, machine, PASSPHRASE } from './vault-driver';

const message = (id: string, order: number) => ({ table: 'messages' as const, record: { id, text: `message ${id}`, order } });

async function ids(vault: Vault, offset: number, limit: number): Promise<string[]> {
  return (await vault.page('messages', offset, limit)).records.map((record) => record.id);
}

describe('vault paging', () => {
  it('gives pages and a total that follow every change', async () => {
    const m = machine();
    const vault = await createdVault(m);
    await vault.commit({ put: [message('a', 1), message('b', 2), message('c', 3)] });
    expect(await ids(vault, 0, 10)).toEqual(['c', 'b', 'a']);
    // Read once, then kept up to date by the commits that follow.
    await vault.commit({ put: [message('d', 4), message('e', 2 ** 52 + 1)] });
    expect(await ids(vault, 0, 2)).toEqual(['e', 'd']);
    expect(await vault.count('messages')).toBe(5);
    // The queued one is relayed: it moves to its log position.
    await vault.commit({ put: [message('e', 5)] });
    await vault.delete('messages', 'b');
    await vault.commit({ put: [], delete: [{ table: 'messages', id: 'a' }] });
    expect(await ids(vault, 0, 10)).toEqual(['e', 'd', 'c']);
    expect(await ids(vault, 1, 1)).toEqual(['d']);
    expect(await vault.count('messages')).toBe(3);

    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(await ids(vault, 0, 10)).toEqual(['e', 'd', 'c']);
    // Another instance on the same storage reads the same order from the index.
    const again = await m.open();
    await again.unlock(PASSPHRASE);
    expect(await ids(again, 0, 10)).toEqual(['e', 'd', 'c']);
  });

  it('keeps changes committed while the order is first being read', async () => {
    const vault = await createdVault(machine());
    await vault.commit({ put: [message('a', 1)] });
    const [first] = await Promise.all([ids(vault, 0, 10), vault.commit({ put: [message('b', 2)] })]);
    expect(first.length === 1 || first.length === 2).toBe(true);
    expect(await ids(vault, 0, 10)).toEqual(['b', 'a']);
  });
});
