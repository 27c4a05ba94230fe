/**
 * Crash safety: the relay is killed with SIGKILL in the middle of a burst of 1,000 submissions from four devices,
 * restarted on the same data, and the senders resubmit whatever had no receipt. Then every envelope that got a
 * receipt is in the log once, is delivered to every intended device (and only those) exactly once, in each sender's
 * order, and the log's checkpoints are consistent from the first to the last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, initCrypto } from '../../../electron/common/crypto/sodium';
import { checkpointOrigin, openCheckpoint, type Checkpoint } from '../../../electron/common/merkle/checkpoint';
import { verifyConsistency, verifyInclusion } from '../../../electron/common/merkle/merkle';
import { audienceOf, envelopeHash, type Envelope } from '../../../electron/common/protocol/envelope';
import type { Post } from '../../../electron/common/protocol/schemas';
import { accepted, compose, type TestDevice } from '../../support/channel';
import { RelayClient } from '../../support/relay-client';
import { boundRelay, TEST_LIMITS, type Fixture } from '../../support/relay-fixture';
import { RelayProcess } from '../../support/relay-process';

const PER_SENDER = 250;
const KILL_AFTER_RECEIPTS = 300;
/** Sent in chunks, a little at a time, so the relay is still working through the burst when it is killed... */
const CHUNK = 10;
/** ...and each sender holds its last chunk back until after the restart, so the kill is always mid-burst. */
const HELD_BACK = CHUNK;

let fixture: Fixture;
let relay: RelayProcess;

beforeAll(async () => {
  await initCrypto();
  fixture = await boundRelay({ IL: 2, SY: 2, US: 1 });
  relay = fixture.relay;
});
afterAll(async () => {
  await relay?.stop();
});

/** One device's view across connections: what it has processed, by log index, as its cursor would keep it. */
class Receiver {
  readonly processed = new Map<number, Envelope>();
  redeliveries = 0;
  client: RelayClient | null = null;
  constructor(readonly device: TestDevice) {}

  async connect(url: string): Promise<void> {
    const client = await RelayClient.connect(url);
    client.autoAck = false;
    const original = client.frames.push.bind(client.frames);
    client.frames.push = (...frames) => {
      for (const frame of frames) {
        if (frame.type !== 'deliver') continue;
        if (this.processed.has(frame.index)) this.redeliveries += 1;
        else this.processed.set(frame.index, client.delivered.get(frame.index) ?? (frame.envelope as Envelope));
        client.send({ type: 'ack', index: frame.index });
      }
      return original(...frames);
    };
    await client.authenticated(this.device);
    this.client = client;
  }
}

describe('relay crash', () => {
  it('loses nothing and duplicates nothing when killed mid-burst', async () => {
    const routes: [TestDevice, Post[]][] = [
      [fixture.device('IL', 0), ['SY']],
      [fixture.device('IL', 1), ['US']],
      [fixture.device('SY', 0), ['IL']],
      [fixture.device('SY', 1), ['US']],
    ];
    // Each sender's whole chain, made up front: resubmission sends exactly the same envelopes again.
    const chains = routes.map(([device, recipients]) => {
      const chain: Envelope[] = [];
      for (let i = 0; i < PER_SENDER; i += 1) {
        const envelope = compose(device, fixture.directory, { recipients, text: `${device.post} message ${i}` });
        accepted(device, envelope);
        chain.push(envelope);
      }
      return { device, chain };
    });
    const receipts = new Map<string, { index: number; checkpoint: string }>();
    const checkpoints: string[] = [];

    const receivers = fixture.devices.map((device) => new Receiver(device));
    for (const receiver of receivers) await receiver.connect(relay.url);

    /** Sends, in order, every envelope without a receipt, up to `limit` per sender, in paced chunks until `stop()`. */
    const submitAll = async (senders: RelayClient[], limit = PER_SENDER, stop = () => false) => {
      const pending = chains.map(({ chain }) => chain.slice(0, limit).filter((envelope) => !receipts.has(envelopeHash(envelope))));
      for (let offset = 0; pending.some((list) => offset < list.length) && !stop(); offset += CHUNK) {
        pending.forEach((list, i) => list.slice(offset, offset + CHUNK).forEach((envelope) => senders[i]!.send({ type: 'submit', envelope })));
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    };
    const listen = (client: RelayClient) => {
      const original = client.frames.push.bind(client.frames);
      client.frames.push = (...frames) => {
        for (const frame of frames) {
          if (frame.type === 'receipt') {
            receipts.set(frame.hash, { index: frame.index, checkpoint: frame.checkpoint });
            checkpoints.push(frame.checkpoint);
          }
        }
        return original(...frames);
      };
    };

    // The burst, and the kill in the middle of it.
    const connectSenders = () =>
      Promise.all(
        chains.map(async ({ device }) => {
          const client = await RelayClient.connect(relay.url);
          // The device's Receiver is what processes and acknowledges its deliveries; the cursor is the device's, so a
          // second connection that acknowledged what the Receiver had not yet processed would skip it after the crash.
          client.autoAck = false;
          await client.authenticated(device);
          listen(client);
          return client;
        }),
      );
    const senders = await connectSenders();
    const deadline = Date.now() + 30_000;
    const killNow = () => receipts.size >= KILL_AFTER_RECEIPTS || Date.now() > deadline;
    await submitAll(senders, PER_SENDER - HELD_BACK, killNow);
    while (!killNow()) await new Promise((resolve) => setTimeout(resolve, 1));
    await relay.kill();
    const receiptsBeforeCrash = receipts.size;
    expect(receiptsBeforeCrash).toBeGreaterThanOrEqual(KILL_AFTER_RECEIPTS);
    expect(receiptsBeforeCrash).toBeLessThan(chains.length * PER_SENDER);
    senders.forEach((client) => client.terminate());
    receivers.forEach((receiver) => receiver.client?.terminate());

    // Restart on the same data; everyone reconnects; senders resubmit what had no receipt.
    relay = await RelayProcess.start({ dataDir: relay.dataDir, port: relay.port, extraArgs: TEST_LIMITS });
    for (const receiver of receivers) await receiver.connect(relay.url);
    const again = await connectSenders();
    await submitAll(again);
    const total = chains.length * PER_SENDER;
    while (receipts.size < total && Date.now() < deadline + 30_000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(receipts.size).toBe(total);
    const health = await relay.health();
    expect(health.logSize).toBe(total); // each envelope once in the log

    // Delivery: every intended device has every envelope for its post, exactly once, in each sender's order.
    const all = chains.flatMap(({ chain }) => chain);
    for (const receiver of receivers) {
      const expected = all.filter((e) => audienceOf(e.header).has(receiver.device.post)).map((e) => receipts.get(envelopeHash(e))!.index).sort((a, b) => a - b);
      const until = Date.now() + 20_000;
      while (receiver.processed.size < expected.length && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
      expect([...receiver.processed.keys()].sort((a, b) => a - b), receiver.device.post).toEqual(expected);
      const bySender = new Map<string, number[]>();
      for (const [, envelope] of [...receiver.processed].sort(([a], [b]) => a - b)) {
        bySender.set(envelope.header.sender, [...(bySender.get(envelope.header.sender) ?? []), envelope.header.seq]);
      }
      for (const [sender, seqs] of bySender) expect(seqs, `order of ${sender}`).toEqual(seqs.map((_, i) => i + 1));
      receiver.client?.terminate();
    }
    console.log(`crash test: ${receiptsBeforeCrash} receipts before SIGKILL, ${total - receiptsBeforeCrash} after restart; redeliveries of unacknowledged envelopes ignored by cursor: ${receivers.map((r) => r.redeliveries).join(', ')}`);

    // The log: every checkpoint signed, each consistent with the next, every envelope included in the last.
    const probe = await RelayClient.connect(relay.url);
    const relayKey = fromBase64Url((await probe.challenge()).relay);
    const origin = checkpointOrigin(fixture.channel.channelId);
    const heads = new Map<number, Checkpoint>();
    for (const note of checkpoints) {
      const checkpoint = openCheckpoint(note, origin, relayKey);
      expect(checkpoint).not.toBeNull();
      heads.set(checkpoint!.size, checkpoint!);
    }
    const sizes = [...heads.keys()].sort((a, b) => a - b);
    for (let i = 1; i < sizes.length; i += 1) {
      const [from, to] = [heads.get(sizes[i - 1]!)!, heads.get(sizes[i]!)!];
      const proof = await probe.expectAnswer('consistency', { type: 'get-consistency', from: from.size, to: to.size });
      expect(verifyConsistency(from.size, to.size, from.rootHash, to.rootHash, proof.proof.map(fromBase64Url)), `${from.size} -> ${to.size}`).toBe(true);
    }
    const last = heads.get(sizes.at(-1)!)!;
    expect(last.size).toBe(total);
    for (const [hash, { index }] of receipts) {
      const proof = await probe.expectAnswer('inclusion', { type: 'get-inclusion', index, size: last.size });
      expect(verifyInclusion(index, last.size, fromBase64Url(hash), proof.proof.map(fromBase64Url), last.rootHash)).toBe(true);
    }
    console.log(`crash test: ${sizes.length} checkpoints verified consistent from size ${sizes[0]} to ${last.size}; ${receipts.size} inclusion proofs verified`);
    again.forEach((client) => client.terminate());
    await probe.close();
  });
});
