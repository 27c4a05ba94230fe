/**
 * Bursts: many submissions arriving together are checked in batches (signatures verified on the thread pool, group
 * commits), and every check still applies to every envelope, in order: forged envelopes in the middle of a burst are
 * refused and stored nowhere, resubmissions get their first receipts again, the rest are accepted in sequence, and
 * receipts come in the order of the submissions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../electron/common/crypto/sodium';
import { envelopeHash, type Envelope } from '../../../electron/common/protocol/envelope';
import type { RelayFrame } from '../../../electron/common/protocol/frames';
import { accepted, compose, type TestDevice } from '../../support/channel';
import { RelayClient } from '../../support/relay-client';
import { boundRelay, type Fixture } from '../../support/relay-fixture';

/** More than one verification chunk (64), so the burst is checked in several batches that must keep their order. */
const BURST = 150;
/** Forged just before the genuine one is sent; resubmitted after a later one was sent. */
const FORGED = [10, 100];
const RESUBMITTED: Record<number, number> = { 20: 5, 120: 70 };

let fixture: Fixture;
let il: TestDevice;
let client: RelayClient;

beforeAll(async () => {
  await initCrypto();
  fixture = await boundRelay({ IL: 1, SY: 1, US: 1 });
  il = fixture.device('IL');
  client = await RelayClient.connect(fixture.relay.url);
  await client.authenticated(il);
});

afterAll(async () => {
  client?.terminate();
  await fixture?.relay.stop();
});

/** Flips one bit of the ciphertext: the envelope keeps its shape, its signature no longer covers it. */
const forged = (envelope: Envelope): Envelope => {
  const ciphertext = envelope.ciphertext.startsWith('A') ? `B${envelope.ciphertext.slice(1)}` : `A${envelope.ciphertext.slice(1)}`;
  return { ...envelope, ciphertext };
};

describe('a burst of submissions', () => {
  it('is checked envelope by envelope, answered in order, and only the valid ones are stored', async () => {
    const chain: Envelope[] = [];
    for (let i = 0; i < BURST; i += 1) {
      const envelope = compose(il, fixture.directory, { recipients: ['SY'], text: `burst ${i}` });
      accepted(il, envelope);
      chain.push(envelope);
    }
    // The chain in order, with forgeries just before some envelopes and earlier ones sent again after others.
    const frames: { envelope: Envelope; expect: 'receipt' | 'bad-signature'; original?: number }[] = [];
    chain.forEach((envelope, i) => {
      if (FORGED.includes(i)) frames.push({ envelope: forged(envelope), expect: 'bad-signature' });
      frames.push({ envelope, expect: 'receipt' });
      const again = RESUBMITTED[i];
      if (again !== undefined) frames.push({ envelope: chain[again]!, expect: 'receipt', original: again });
    });
    const before = (await fixture.relay.health()).logSize as number;
    const logsBefore = fixture.relay.logs.length;
    const from = client.frames.length;
    // Sent in one go, so they reach the relay together and are checked as one batch.
    const rids = frames.map((_, i) => `burst-${i}`);
    frames.forEach(({ envelope }, i) => client.send({ type: 'submit', rid: rids[i], envelope }));
    const answers = await Promise.all(rids.map((rid) => client.waitFor((f) => f.rid === rid, 20_000, from)));

    answers.forEach((answer, i) => {
      const frame = frames[i]!;
      if (frame.expect === 'receipt') expect(answer, `frame ${i}`).toMatchObject({ type: 'receipt', hash: envelopeHash(frame.envelope) });
      else expect(answer, `frame ${i}`).toMatchObject({ type: 'error', code: 'bad-signature' });
    });
    const receiptOf = (i: number) => answers[frames.findIndex((f) => f.envelope === chain[i] && f.original === undefined)] as Extract<RelayFrame, { type: 'receipt' }>;
    expect(chain.map((_, i) => receiptOf(i).index)).toEqual(chain.map((_, i) => before + i));
    for (const again of Object.values(RESUBMITTED)) {
      expect((answers[frames.findIndex((f) => f.original === again)] as Extract<RelayFrame, { type: 'receipt' }>).index).toBe(before + again);
    }
    // Receipts in submission order on this connection.
    const receiptOrder = client.frames.slice(from).filter((f) => f.type === 'receipt').map((f) => f.rid);
    expect(receiptOrder).toEqual(rids.filter((_, i) => frames[i]!.expect === 'receipt'));
    expect((await fixture.relay.health()).logSize).toBe(before + BURST);
    // It really was a burst: group-committed in batches large enough for the thread pool (8 or more).
    const commits = fixture.relay.logs.slice(logsBefore).filter((entry) => entry.event === 'log.appended').map((entry) => entry.count as number);
    expect(Math.max(...commits)).toBeGreaterThanOrEqual(8);
  });
});
