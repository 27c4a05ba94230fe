/**
 * The receiver with its envelope checks on a check worker (the worker's own code behind a real message port, as
 * worker.ts starts it in the app): a catch-up arrives complete, in order and once; an envelope altered on the way is
 * still caught (an alarm, nothing shown); and locking the device wipes the key the worker was given.
 */
import { afterEach, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../../electron/common/crypto/sodium';
import { checkWorkers } from '../../support/check-worker-port';
import { plain, poll, setUpChannel, STRONG_PASSPHRASE, type TestChannel } from '../../support/core-device';
import { FrameProxy } from '../../support/frame-proxy';
import { RelayProcess } from '../../support/relay-process';

const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(initCrypto);
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function channelWithCheckWorkers() {
  const relay = await RelayProcess.start();
  cleanups.push(() => relay.stop());
  const proxy = await FrameProxy.start(relay.url);
  cleanups.push(() => proxy.close());
  const workers = checkWorkers();
  const channel: TestChannel = await setUpChannel(relay.url, relay.bindToken!, (post) => (post === 'SY' ? proxy.url : relay.url), { checker: workers.start });
  cleanups.push(() => Promise.all([channel.desk.core.close(), channel.il.core.close(), channel.sy.core.close()]));
  return { proxy, channel, workers };
}

it('catches up on 600 messages in order, each once, with the checks on the worker; the lock wipes its key', async () => {
  const { channel, workers } = await channelWithCheckWorkers();
  const { il, sy } = channel;
  await sy.core.lock();
  const texts = Array.from({ length: 600 }, (_, i) => `catch-up message ${i + 1}`);
  for (const text of texts) await il.core.send(plain(['SY'], text, 'en'));
  await il.until((status) => status.sync.outbox === 0, 'all relayed', 60_000);

  const before = workers.started.length;
  await sy.core.unlock(STRONG_PASSPHRASE);
  const session = workers.started[before]!;
  const received = await poll(() => sy.core.messages(1000), (list) => list.length === texts.length, 'the catch-up', 60_000);
  await sy.core.settled();
  // Newest first, each exactly once.
  expect(received.map((message) => message.body)).toEqual([...texts].reverse());
  expect(await sy.core.alarms()).toEqual([]);
  // The work went to the worker: several chunks were answered there.
  expect(session.answered).toBeGreaterThan(2);
  expect(session.workerKey!.secretKey.some((byte) => byte !== 0)).toBe(true);

  await sy.core.lock();
  await expect.poll(() => session.ended).toBe(true);
  expect(session.workerKey!.secretKey).toEqual(new Uint8Array(session.workerKey!.secretKey.length));
}, 120_000);

it('raises bad-signature (and inclusion-failed) for an envelope altered on the way, and shows the others in order', async () => {
  const { proxy, channel } = await channelWithCheckWorkers();
  const { il, sy } = channel;
  await sy.core.lock();
  for (const text of ['first', 'second', 'third: altered on the way']) await il.core.send(plain(['SY'], text, 'en'));
  await il.until((status) => status.sync.outbox === 0, 'all relayed');
  let altered = 0;
  // The third message's delivery has one character of its ciphertext changed: its signature no longer matches.
  let seen = 0;
  proxy.filter((frame) => {
    if (frame.type !== 'deliver') return 'forward';
    const envelope = frame.envelope as { header: { sender: string; kind: string }; ciphertext: string };
    if (envelope.header.kind !== 'message' || ++seen !== 3) return 'forward';
    altered += 1;
    const ciphertext = envelope.ciphertext.startsWith('A') ? `B${envelope.ciphertext.slice(1)}` : `A${envelope.ciphertext.slice(1)}`;
    return { ...frame, envelope: { ...envelope, ciphertext } };
  });
  await sy.core.unlock(STRONG_PASSPHRASE);
  await sy.untilMessages((list) => list.length === 2, 'the two genuine messages');
  await sy.until((status) => status.alarms > 0, 'the alarm');
  expect(altered).toBe(1);
  expect((await sy.core.messages()).map((message) => message.body)).toEqual(['second', 'first']);
  // Its hash is in no log either, so its inclusion proof fails too.
  await sy.core.settled();
  expect((await sy.core.alarms()).map((alarm) => alarm.kind).sort()).toEqual(['bad-signature', 'inclusion-failed']);
}, 60_000);
