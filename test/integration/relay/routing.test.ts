/**
 * The relay with three posts and two devices each, over real loopback sockets: binding, routing (each device gets
 * exactly what its post is in the audience of; the desk gets everything), receipts that prove inclusion, catch-up
 * after being offline, restart, and revocation closing the door on an open connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, initCrypto, toBase64Url, utf8Decode } from '../../../electron/common/crypto/sodium';
import { checkpointOrigin, openCheckpoint } from '../../../electron/common/merkle/checkpoint';
import { verifyInclusion } from '../../../electron/common/merkle/merkle';
import { audienceOf, envelopeHash, openEnvelope, type Envelope } from '../../../electron/common/protocol/envelope';
import type { Post } from '../../../electron/common/protocol/schemas';
import { accepted, compose, revocationList, type TestDevice } from '../../support/channel';
import { RelayClient } from '../../support/relay-client';
import { boundRelay, type Fixture } from '../../support/relay-fixture';
import { RelayProcess } from '../../support/relay-process';

let fixture: Fixture;
const clients = new Map<string, RelayClient>();

beforeAll(async () => {
  await initCrypto();
  fixture = await boundRelay({ IL: 2, SY: 2, US: 2 });
});

afterAll(async () => {
  for (const client of clients.values()) client.terminate();
  await fixture?.relay.stop();
});

async function connect(device: TestDevice): Promise<RelayClient> {
  const client = await RelayClient.connect(fixture.relay.url);
  await client.authenticated(device);
  clients.set(device.deviceId, client);
  return client;
}

async function submit(client: RelayClient, device: TestDevice, envelope: Envelope) {
  const receipt = await client.expectAnswer('receipt', { type: 'submit', envelope });
  accepted(device, envelope);
  return receipt;
}

const waitUntil = async (condition: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('relay routing', () => {
  it('reports its state on /health: bound to the channel', async () => {
    expect(await fixture.relay.health()).toMatchObject({ status: 'ok', state: 'bound', channel: fixture.channel.channelId });
  });

  it('delivers each envelope to exactly the devices of its audience, and every device can open it', async () => {
    for (const device of fixture.devices) await connect(device);
    const sent: { envelope: Envelope; index: number; audience: ReadonlySet<Post> }[] = [];
    const routes: [Post, Post[]][] = [
      ['IL', ['SY']],
      ['SY', ['IL']],
      ['US', ['IL']],
      ['IL', ['US']],
    ];
    for (const [from, to] of routes) {
      const sender = fixture.device(from);
      const envelope = compose(sender, fixture.directory, { recipients: to, text: `from ${from} to ${to.join('+')}` });
      const receipt = await submit(clients.get(sender.deviceId)!, sender, envelope);
      expect(receipt.hash).toBe(envelopeHash(envelope));
      sent.push({ envelope, index: receipt.index, audience: audienceOf(envelope.header) });
    }

    for (const device of fixture.devices) {
      const client = clients.get(device.deviceId)!;
      const expected = sent.filter((s) => s.audience.has(device.post)).map((s) => s.index);
      await waitUntil(() => client.delivered.size >= expected.length);
      await new Promise((resolve) => setTimeout(resolve, 100)); // nothing more may arrive
      expect([...client.delivered.keys()].sort((a, b) => a - b), `${device.post} device`).toEqual(expected);
      for (const [index, envelope] of client.delivered) {
        const text = openEnvelope(envelope, device.deviceId, device.box);
        expect(text && utf8Decode(text)).toBe(utf8Decode(openEnvelope(sent.find((s) => s.index === index)!.envelope, device.deviceId, device.box)!));
      }
      expect(client.duplicateDeliveries).toBe(0);
    }
    // The desk's devices see every envelope.
    expect(clients.get(fixture.device('US', 1).deviceId)!.delivered.size).toBe(sent.length);
  });

  it("a receipt's checkpoint is signed by the relay and proves the envelope is in the log", async () => {
    const sender = fixture.device('SY', 1);
    const client = clients.get(sender.deviceId)!;
    const envelope = compose(sender, fixture.directory, { recipients: ['IL'], text: 'inclusion check' });
    const receipt = await submit(client, sender, envelope);
    const challenge = await client.challenge();
    const checkpoint = openCheckpoint(receipt.checkpoint, checkpointOrigin(fixture.channel.channelId), fromBase64Url(challenge.relay));
    expect(checkpoint).not.toBeNull();
    expect(checkpoint!.size).toBeGreaterThan(receipt.index);
    const proof = await client.expectAnswer('inclusion', { type: 'get-inclusion', index: receipt.index, size: checkpoint!.size });
    expect(verifyInclusion(receipt.index, checkpoint!.size, fromBase64Url(receipt.hash), proof.proof.map(fromBase64Url), checkpoint!.rootHash)).toBe(true);
    // And not for another envelope's hash.
    const other = fromBase64Url(envelopeHash(compose(sender, fixture.directory, { recipients: ['IL'], text: 'not sent' })));
    expect(verifyInclusion(receipt.index, checkpoint!.size, other, proof.proof.map(fromBase64Url), checkpoint!.rootHash)).toBe(false);
  });

  it('proves many envelopes in one request, each as its own request would, and refuses an index outside the tree', async () => {
    const sender = fixture.device('IL', 1);
    const client = clients.get(sender.deviceId)!;
    const receipts = [];
    for (const text of ['first of three', 'second of three', 'third of three']) {
      receipts.push(await submit(client, sender, compose(sender, fixture.directory, { recipients: ['SY'], text })));
    }
    const challenge = await client.challenge();
    const checkpoint = openCheckpoint(receipts.at(-1)!.checkpoint, checkpointOrigin(fixture.channel.channelId), fromBase64Url(challenge.relay))!;
    const indexes = receipts.map((receipt) => receipt.index);
    const answer = await client.expectAnswer('inclusions', { type: 'get-inclusions', indexes, size: checkpoint.size });
    expect(answer).toMatchObject({ indexes, size: checkpoint.size });
    for (const [i, receipt] of receipts.entries()) {
      const single = await client.expectAnswer('inclusion', { type: 'get-inclusion', index: receipt.index, size: checkpoint.size });
      expect(answer.proofs[i]).toEqual(single.proof);
      expect(verifyInclusion(receipt.index, checkpoint.size, fromBase64Url(receipt.hash), answer.proofs[i]!.map(fromBase64Url), checkpoint.rootHash)).toBe(true);
    }
    const outside = await client.request({ type: 'get-inclusions', indexes: [indexes[0]!, checkpoint.size], size: checkpoint.size });
    expect(outside).toMatchObject({ type: 'error', code: 'unknown-index' });
  });

  it('resubmitting an accepted envelope returns the same receipt and stores nothing twice', async () => {
    const sender = fixture.device('IL', 1);
    const client = clients.get(sender.deviceId)!;
    const envelope = compose(sender, fixture.directory, { recipients: ['SY'], text: 'twice' });
    const first = await submit(client, sender, envelope);
    const again = await client.expectAnswer('receipt', { type: 'submit', envelope });
    expect([again.hash, again.index]).toEqual([first.hash, first.index]);
    const health = await fixture.relay.health();
    expect(health.logSize).toBe(first.index + 1);
  });

  it('a device that was offline catches up from its last acknowledged index, then receives live', async () => {
    const offline = fixture.device('SY', 1);
    clients.get(offline.deviceId)!.terminate();
    const deliveredBefore = clients.get(offline.deviceId)!.delivered;
    const sender = fixture.device('IL');
    const missed: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      missed.push((await submit(clients.get(sender.deviceId)!, sender, compose(sender, fixture.directory, { recipients: ['SY'], text: `while away ${i}` }))).index);
    }
    const back = await RelayClient.connect(fixture.relay.url);
    const ready = await back.authenticated(offline);
    expect(ready.cursor).toBe(Math.max(...deliveredBefore.keys()));
    clients.set(offline.deviceId, back);
    await waitUntil(() => missed.every((index) => back.delivered.has(index)));
    expect([...back.delivered.keys()].every((index) => index > ready.cursor)).toBe(true);
    const live = await submit(clients.get(sender.deviceId)!, sender, compose(sender, fixture.directory, { recipients: ['SY'], text: 'live again' }));
    await waitUntil(() => back.delivered.has(live.index));
    expect(back.duplicateDeliveries).toBe(0);
  });

  it('keeps its binding, log and cursors across a restart', async () => {
    const sizeBefore = (await fixture.relay.health()).logSize as number;
    await fixture.relay.stop();
    for (const client of clients.values()) client.terminate();
    clients.clear();
    fixture = { ...fixture, relay: await RelayProcess.start({ dataDir: fixture.relay.dataDir, port: fixture.relay.port }) };
    expect(fixture.relay.bindToken).toBeNull();
    expect(await fixture.relay.health()).toMatchObject({ state: 'bound', channel: fixture.channel.channelId, logSize: sizeBefore });
    const device = fixture.device('US');
    const client = await connect(device);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.delivered.size).toBe(0); // everything was acknowledged before the restart
  });

  it('neither the data folder nor the log ever holds a plaintext canary sent inside envelopes', async () => {
    const canary = `CANARY-${toBase64Url(new Uint8Array(12).map(() => Math.floor(Math.random() * 256)))}`;
    const sender = fixture.device('SY');
    const client = clients.get(sender.deviceId) ?? (await connect(sender));
    for (let i = 0; i < 3; i += 1) await submit(client, sender, compose(sender, fixture.directory, { recipients: ['IL'], text: `${canary} ${i} ${canary}` }));
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const files = readdirSync(fixture.relay.dataDir).map((f) => path.join(fixture.relay.dataDir, f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(canary, 'utf8')), file).toBe(false);
      expect(bytes.includes(Buffer.from(canary, 'utf16le')), file).toBe(false);
    }
    // Nor does its log, which carries routing facts only.
    expect(fixture.relay.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(fixture.relay.logs)).not.toContain(canary);
  });
  it('revocation closes an open connection at once, and the device cannot come back', async () => {
    const victim = fixture.device('IL', 1);
    const client = await connect(victim);
    const desk = fixture.device('US');
    const deskClient = clients.get(desk.deviceId) ?? (await connect(desk));
    await deskClient.expectAnswer('revocations-published', { type: 'publish-revocations', list: revocationList(fixture.channel, [victim.deviceId]) });
    const closed = await client.closed;
    expect(closed.code).toBe(4003);
    expect(client.frames.some((f) => f.type === 'error' && f.code === 'device-revoked')).toBe(true);
    const retry = await RelayClient.connect(fixture.relay.url);
    const answer = await retry.authenticate(victim);
    expect(answer).toMatchObject({ type: 'error', code: 'device-revoked' });
    await retry.close();
  });

});
