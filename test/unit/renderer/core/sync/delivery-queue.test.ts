/**
 * The receiver's queue hands deliveries to the envelope checker as they arrive, so their facts are ready when their
 * batch is judged: in chunks, in order, never for a redelivery, and with the sender's key the directory gives at
 * the time — asked again if the directory changed that key meanwhile (a refresh during a catch-up's first seconds).
 */
import { beforeAll, expect, it } from 'vitest';
import { generateSigningKeyPair, initCrypto, toBase64Url } from '../../../../../electron/common/crypto/sodium';
import type { RelayFrameOf } from '../../../../../electron/common/protocol/frames';
import type { SignedCertificate } from '../../../../../electron/common/protocol/certificates';
import { envelopeHash, type Envelope } from '../../../../../electron/common/protocol/envelope';
import { DeliveryQueue } from '../../../../../renderer/core/sync/delivery-queue';
import { InlineChecker, type EnvelopeChecker } from '../../../../../renderer/core/sync/envelope-checker';
import type { SyncContext } from '../../../../../renderer/core/sync/sync-context';
import { envelope, ME, SENDER, world, type World } from './sync-driver';

beforeAll(initCrypto);

const frame = (index: number, e: Envelope): RelayFrameOf<'deliver'> => ({ type: 'deliver', rid: 'r', index, envelope: e }) as RelayFrameOf<'deliver'>;
const directoryNaming = (signKey: string | null): SyncContext['directory'] => ({
  certificates: signKey === null ? [] : [{ body: { deviceId: SENDER, signKey } } as unknown as SignedCertificate],
  revocations: null,
});
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The real checker on this thread, with what it was asked recorded. */
function recordingChecker(w: World) {
  const inline = new InlineChecker({ deviceId: ME, box: w.box });
  const asked: { count: number; key: string | undefined }[] = [];
  const checker: EnvelopeChecker = {
    facts: (envelopes, signKeys) => {
      asked.push({ count: envelopes.length, key: signKeys.get(SENDER) });
      return inline.facts(envelopes, signKeys);
    },
    close: () => inline.close(),
  };
  return { checker, asked };
}

it('asks in chunks of 256 as deliveries arrive, the rest after a pause, and gives the facts back in order', async () => {
  const w = world();
  const { checker, asked } = recordingChecker(w);
  const queue = new DeliveryQueue({ checker, directory: directoryNaming(w.signKeys.get(SENDER)!) }, () => -1);
  const envelopes = Array.from({ length: 300 }, (_, i) => envelope(w, i + 1));
  envelopes.forEach((e, i) => queue.push(frame(i, e)));
  expect(asked.map((a) => a.count)).toEqual([256]);
  await nextTask();
  expect(asked.map((a) => a.count)).toEqual([256, 44]);
  const taken = queue.take(1024);
  expect(queue.size).toBe(0);
  const facts = await queue.factsOf(taken);
  expect(facts.map((f) => f?.hash)).toEqual(envelopes.map(envelopeHash));
  expect(facts.every((f) => f?.signature?.valid === true && f.payload !== null)).toBe(true);
  expect(asked).toHaveLength(2);
});

it('asks nothing for redeliveries at or below the read position', async () => {
  const w = world();
  const { checker, asked } = recordingChecker(w);
  const queue = new DeliveryQueue({ checker, directory: directoryNaming(w.signKeys.get(SENDER)!) }, () => 5);
  for (let i = 0; i < 10; i++) queue.push(frame(i, envelope(w, i + 1)));
  const facts = await queue.factsOf(queue.take(10));
  expect(asked.map((a) => a.count)).toEqual([4]);
  expect(facts.map((f) => f !== null)).toEqual([false, false, false, false, false, false, true, true, true, true]);
});

it("holds a sender the directory does not name yet until its batch is taken, then asks with the key known by then", async () => {
  const w = world();
  const { checker, asked } = recordingChecker(w);
  const context = { checker, directory: directoryNaming(null) };
  const queue = new DeliveryQueue(context, () => -1);
  for (let i = 0; i < 3; i++) queue.push(frame(i, envelope(w, i + 1)));
  await nextTask();
  expect(asked).toEqual([]);
  context.directory = directoryNaming(w.signKeys.get(SENDER)!);
  const facts = await queue.factsOf(queue.take(3));
  expect(asked).toEqual([{ count: 3, key: w.signKeys.get(SENDER) }]);
  expect(facts.every((f) => f?.signature?.valid === true)).toBe(true);
});

it("asks again for deliveries whose sender's key the directory changed after they were asked for", async () => {
  const w = world();
  const { checker, asked } = recordingChecker(w);
  const context = { checker, directory: directoryNaming(toBase64Url(generateSigningKeyPair().publicKey)) };
  const queue = new DeliveryQueue(context, () => -1);
  for (let i = 0; i < 2; i++) queue.push(frame(i, envelope(w, i + 1)));
  await nextTask();
  const taken = queue.take(2);
  context.directory = directoryNaming(w.signKeys.get(SENDER)!);
  const facts = await queue.factsOf(taken);
  // First with the old key, then those two again with the new one.
  expect(asked.map((a) => [a.count, a.key === w.signKeys.get(SENDER)])).toEqual([
    [2, false],
    [2, true],
  ]);
  expect(facts.every((f) => f?.signature?.valid === true)).toBe(true);
});
