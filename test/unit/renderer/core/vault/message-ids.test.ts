/**
 * The vault's message ids held in memory: `storedMessages` reads only the ids a message is stored under, and the ids
 * follow commits, deletions (with or without an order), a lock and unlock, and changes made while they are first read.
 */
import { describe, expect, it } from 'vitest';
import { MessageIds } from '../../../../../renderer/core/vault/message-ids';
import { createdVault, machine, PASSPHRASE } from './vault-driver';

describe('message ids', () => {
  it('reads the stored ones only, through commits, deletions, and a lock', async () => {
    const vault = await createdVault(machine());
    await vault.commit({ put: [{ table: 'messages', record: { id: 'a', text: 'ordered', order: 1 } }, { table: 'messages', record: { id: 'b', text: 'no order' } }] });
    expect([...(await vault.storedMessages(['a', 'b', 'c'])).keys()].sort()).toEqual(['a', 'b']);
    await vault.commit({ put: [{ table: 'messages', record: { id: 'c', text: 'new', order: 2 } }], delete: [{ table: 'messages', id: 'a' }] });
    await vault.delete('messages', 'b');
    expect([...(await vault.storedMessages(['a', 'b', 'c'])).keys()]).toEqual(['c']);
    vault.lock();
    await expect(vault.storedMessages(['c'])).rejects.toMatchObject({ code: 'vault.locked' });
    await vault.unlock(PASSPHRASE);
    expect((await vault.storedMessages(['c'])).get('c')).toMatchObject({ text: 'new' });
  });

  it('keeps the changes made while the ids are first read', async () => {
    let release: (ids: string[]) => void = () => {};
    const ids = new MessageIds(() => new Promise((resolve) => (release = resolve)));
    const reading = ids.among(['old', 'new', 'gone']);
    ids.changed({ put: ['new'], removed: ['gone'] });
    release(['old', 'gone']);
    expect(await reading).toEqual(['old', 'new']);
    ids.changed({ put: [], removed: ['old'] });
    expect(await ids.among(['old', 'new'])).toEqual(['new']);
  });
});
