/**
 * A relay (or a network) that lies is caught by the client, and says so: an alarm, never a silent gap.
 * - Dropping: the frame that delivers one of the Israeli post's messages to the Syrian post is removed on the way.
 *   The next message from the same sender names it in its (encrypted, signed) trail, so the Syrian device knows what
 *   it never got.
 * - Split view: the operator forks the relay's data and serves the Syrian post from the copy while the others use
 *   the original. Both sides grow a log from the same past; when the Syrian device meets the original again its
 *   checkpoints cannot be reconciled.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../../electron/common/crypto/sodium';
import { plain, setUpChannel, type TestChannel } from '../../support/core-device';
import { FrameProxy } from '../../support/frame-proxy';
import { RelayProcess } from '../../support/relay-process';

const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(initCrypto);
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function channelBehindProxy(): Promise<{ relay: RelayProcess; proxy: FrameProxy; channel: TestChannel }> {
  const relay = await RelayProcess.start();
  cleanups.push(() => relay.stop());
  const proxy = await FrameProxy.start(relay.url);
  cleanups.push(() => proxy.close());
  const channel = await setUpChannel(relay.url, relay.bindToken!, (post) => (post === 'SY' ? proxy.url : relay.url));
  cleanups.push(() => Promise.all([channel.desk.core.close(), channel.il.core.close(), channel.sy.core.close()]));
  return { relay, proxy, channel };
}

it('raises missing-envelope when the relay drops a message addressed to the post', async () => {
  const { proxy, channel } = await channelBehindProxy();
  const { il, sy } = channel;
  await il.core.send(plain(['SY'], 'first: this one is dropped', 'en'));
  proxy.filter((frame) => (frame.type === 'deliver' ? 'drop' : 'forward'));
  await il.until((status) => status.sync.outbox === 0, 'the first is relayed');
  await expect.poll(() => proxy.dropped.length).toBe(1);
  proxy.filter(() => 'forward');
  expect(await sy.core.alarms()).toEqual([]);

  await il.core.send(plain(['SY'], 'second: this one arrives', 'en'));
  // The second is genuine and shown; it also proves the first was withheld.
  await sy.untilMessages((list) => list.length === 1, 'the second arrives');
  await sy.until((status) => status.alarms > 0, 'the alarm');
  const alarms = await sy.core.alarms();
  expect(alarms.map((alarm) => alarm.kind)).toEqual(['missing-envelope']);
  expect(alarms[0]!.detail).toMatchObject({ post: 'IL' });
  expect((await sy.core.status()).alarms).toBe(1);
});

it('raises log-inconsistent when the relay shows the Syrian post a different history', async () => {
  const { relay, proxy, channel } = await channelBehindProxy();
  const { il, sy, desk } = channel;
  await il.core.send(plain(['SY'], 'shared past', 'en'));
  await sy.untilMessages((list) => list.length === 1, 'the shared message');
  // The Syrian post's delivery receipt is part of the shared past too.
  const shared = await sy.until((status) => status.sync.outbox === 0 && (status.sync.verifiedLogSize ?? 0) >= 2, 'the receipt logged');
  await sy.core.settled();

  // The fork: a copy of the relay's data, served to the Syrian post only.
  await relay.stop();
  const forkDir = mkdtempSync(path.join(os.tmpdir(), 'relay-fork-'));
  cpSync(relay.dataDir, forkDir, { recursive: true });
  const original = await RelayProcess.start({ dataDir: relay.dataDir, port: relay.port });
  cleanups.push(() => original.stop());
  const fork = await RelayProcess.start({ dataDir: forkDir });
  cleanups.push(() => fork.stop());
  proxy.switchUpstream(fork.url);

  await il.core.send(plain(['US'], 'only in the original log', 'en'));
  await desk.untilMessages((list) => list.length === 2, 'the desk has it in the original', 30_000);
  await sy.core.send(plain(['US'], 'only in the fork', 'ar'));
  await sy.until((status) => status.sync.outbox === 0 && status.sync.verifiedLogSize! > shared.sync.verifiedLogSize!, 'the fork logged it', 30_000);
  expect(await sy.core.alarms()).toEqual([]);

  // Back on the original: a log that does not extend the one the fork showed.
  proxy.switchUpstream(original.url);
  await sy.until((status) => status.alarms > 0, 'the split view is noticed', 30_000);
  expect((await sy.core.alarms()).map((alarm) => alarm.kind)).toContain('log-inconsistent');
});
