/**
 * A damaged record in a device's vault is noticed, reported as an alarm, and set aside; the other messages read on.
 * The damage is done the way a disk or an attacker would: one byte of a stored ciphertext flipped, behind the app.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../../electron/common/crypto/sodium';
import { databaseName } from '../../../renderer/core/vault/database';
import { plain, setUpChannel, type TestChannel } from '../../support/core-device';
import { RelayProcess } from '../../support/relay-process';

let relay: RelayProcess;
let channel: TestChannel;

beforeAll(async () => {
  await initCrypto();
  relay = await RelayProcess.start();
  channel = await setUpChannel(relay.url, relay.bindToken!);
});
afterAll(async () => {
  for (const each of [channel.desk, channel.il, channel.sy]) await each.core.close();
  await relay?.stop();
});

/** Flips one byte of the stored ciphertext of the messages row with this id, straight in IndexedDB. */
function damage(factory: IDBFactory, profile: string, id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = factory.open(databaseName(profile));
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('messages', 'readwrite').objectStore('messages');
      const read = store.get(id);
      read.onsuccess = () => {
        const row = read.result as { box: Uint8Array };
        const at = row.box.length - 5;
        row.box[at] = row.box[at]! ^ 0x01;
        const write = store.put(row);
        write.onsuccess = () => {
          db.close();
          resolve();
        };
        write.onerror = () => reject(write.error);
      };
    };
  });
}

it('sets a damaged message aside with an alarm, and keeps reading the others', async () => {
  const { il, sy } = channel;
  await il.core.send(plain(['SY'], 'the first, soon damaged', 'en'));
  await il.core.send(plain(['SY'], 'the second, intact', 'en'));
  const before = await sy.untilMessages((list) => list.length === 2, 'both messages');
  const victim = before.find((message) => message.body.startsWith('the first'))!;

  await damage(sy.storage.indexedDB as IDBFactory, 'SY', victim.id);

  const after = await sy.core.messages();
  expect(after.map((message) => message.body)).toEqual(['the second, intact']);
  await sy.until((status) => status.alarms === 1, 'the alarm');
  expect((await sy.core.alarms()).map((alarm) => [alarm.kind, alarm.detail.table])).toEqual([['record-corrupt', 'messages']]);
  // Set aside, not deleted, and reported once.
  expect((await sy.core.messages()).length).toBe(1);
  expect((await sy.core.status()).alarms).toBe(1);
});
