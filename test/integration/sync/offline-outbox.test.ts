/**
 * Working offline: with the relay down the outbox grows and survives the app being closed and reopened; when the
 * relay is back every message arrives exactly once, at every device of its audience, and the log holds each once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../../electron/common/crypto/sodium';
import { device, plain, setUpChannel, STRONG_PASSPHRASE, type TestChannel } from '../../support/core-device';
import { RelayProcess } from '../../support/relay-process';

let relay: RelayProcess;
let channel: TestChannel;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  await initCrypto();
  relay = await RelayProcess.start();
  channel = await setUpChannel(relay.url, relay.bindToken!);
  closers.push(() => channel.desk.core.close(), () => channel.sy.core.close());
});
afterAll(async () => {
  for (const close of closers) await close();
  await relay?.stop();
});

it('queues while the relay is down, keeps the queue across a restart of the app, and delivers each message once', async () => {
  const { il, sy, desk } = channel;
  await il.core.send(plain(['SY'], 'before the outage', 'en'));
  await sy.untilMessages((list) => list.length === 1, 'the first message');

  await relay.stop();
  await il.until((status) => status.sync.connection !== 'online', 'IL notices the relay is gone');
  const texts = ['שלום 1', 'שלום 2', 'שלום 3', 'שלום 4', 'שלום 5'];
  for (const text of texts) await il.core.send(plain(['SY'], text, 'he'));
  expect((await il.core.status()).sync.outbox).toBe(5);

  // Close the app and open it again: the outbox is in the vault, not in memory.
  await il.core.close();
  const reopened = device('IL', il.storage);
  closers.push(() => reopened.core.close());
  await reopened.core.unlock(STRONG_PASSPHRASE);
  expect((await reopened.core.status()).sync.outbox).toBe(5);
  expect((await reopened.core.messages()).filter((m) => m.state === 'queued').map((m) => m.body).sort()).toEqual(texts);

  const restarted = await RelayProcess.start({ dataDir: relay.dataDir, port: relay.port });
  relay = restarted;
  await reopened.until((status) => status.sync.outbox === 0, 'the outbox drains', 60_000);
  const received = await sy.untilMessages((list) => list.length === 6, 'SY has all six', 60_000);
  expect(new Set(received.map((m) => m.id)).size).toBe(6);
  expect(received.map((m) => m.body).sort()).toEqual(['before the outage', ...texts].sort());
  const atDesk = await desk.untilMessages((list) => list.length === 6, 'the desk has all six', 60_000);
  // The log holds each message once (beside them: the Syrian post's delivery receipts, which are envelopes too).
  expect(new Set(atDesk.map((m) => m.logIndex)).size).toBe(6);
  expect((await relay.health()).logSize).toBeGreaterThanOrEqual(6);
  for (const each of [desk, sy, reopened]) {
    await each.core.settled();
    expect(await each.core.alarms()).toEqual([]);
  }
});
