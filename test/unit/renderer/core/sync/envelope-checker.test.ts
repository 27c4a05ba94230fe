/**
 * The envelope checker computes, ahead of the receiver, what checking an envelope costs: its bytes and hash, its
 * signature under the sender's key, its payload opened with this device's key. On this thread, or through a check
 * worker's message port (here a real MessageChannel to the worker's own code, check-service.ts): the same facts, in
 * the same order, whatever order the answers come in; a worker that fails loses nothing; the lock wipes its key.
 */
import { MessageChannel as NodeMessageChannel } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBoxKeyPair, generateSigningKeyPair, initCrypto, toBase64Url, type BoxKeyPair } from '../../../../../electron/common/crypto/sodium';
import { envelopeBytes, envelopeHash, type Envelope } from '../../../../../electron/common/protocol/envelope';
import type { CheckPort } from '../../../../../renderer/core/sync/check-protocol';
import { serveChecks } from '../../../../../renderer/core/sync/check-service';
import { InlineChecker, WorkerChecker } from '../../../../../renderer/core/sync/envelope-checker';
import { cryptoFrom, type EnvelopeFacts } from '../../../../../renderer/core/sync/envelope-facts';
import { checkEnvelope } from '../../../../../renderer/core/sync/envelope-check';
import { CoreError } from '../../../../../renderer/core/core-error';
import { envelope, ME, payload, SENDER, tampered, world, type World } from './sync-driver';

beforeAll(initCrypto);

/** The check worker's code behind a real message port; `answer` may hold back or reorder its answers. */
function workerPair(w: World, options: { hold?: boolean } = {}) {
  const channel = new NodeMessageChannel();
  const inside = channel.port2 as unknown as CheckPort & { close(): void };
  let ended = false;
  const held: { message: unknown; transfer: Transferable[] | undefined }[] = [];
  const realPost = inside.postMessage.bind(inside);
  if (options.hold) inside.postMessage = (message: unknown, transfer?: Transferable[]) => void held.push({ message, transfer });
  serveChecks(inside, () => {
    ended = true;
    inside.close();
  });
  // The worker's own copy of the key pair, as it arrived (to see it wiped).
  let received: BoxKeyPair | null = null;
  const serve = inside.onmessage!;
  inside.onmessage = (event) => {
    const request = event.data as { type: string; box?: BoxKeyPair };
    if (request.type === 'keys') received = request.box!;
    serve(event);
  };
  let stopped = false;
  const checker = new WorkerChecker(channel.port1 as unknown as CheckPort, { deviceId: ME, box: w.box }, () => (stopped = true));
  return {
    checker,
    ended: () => ended,
    held: () => held.length,
    workerKey: () => received,
    stopped: () => stopped,
    /** Sends the held answers, last first. */
    release: () => {
      for (const { message, transfer } of held.splice(0).reverse()) realPost(message, transfer);
    },
    close: () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

function expectFacts(facts: EnvelopeFacts, e: Envelope, text: string | null, valid = true): void {
  expect(facts.hash).toBe(envelopeHash(e));
  expect(Buffer.from(facts.bytes).equals(Buffer.from(envelopeBytes(e)))).toBe(true);
  expect(facts.signature?.valid).toBe(valid);
  if (text === null) expect(facts.payload).toBeNull();
  else expect(facts.payload?.content).toEqual({ type: 'text', lang: 'en', text });
}

describe('on this thread', () => {
  it('gives each envelope its bytes, hash, signature and payload, in order', async () => {
    const w = world();
    const envelopes = Array.from({ length: 150 }, (_, i) => envelope(w, i + 1));
    const facts = await new InlineChecker({ deviceId: ME, box: w.box }).facts(envelopes, w.signKeys);
    expect(facts).toHaveLength(150);
    envelopes.forEach((e, i) => expectFacts(facts[i]!, e, `message ${i + 1}`));
  });

  it('records a bad signature and a payload that does not open as facts, for the receiver to judge', async () => {
    const w = world();
    const good = envelope(w, 1);
    const forged = tampered(envelope(w, 2));
    const foreign = envelope(w, 3, 'sealed to someone else', generateBoxKeyPair());
    const facts = await new InlineChecker({ deviceId: ME, box: w.box }).facts([good, forged, foreign], w.signKeys);
    expectFacts(facts[0]!, good, 'message 1');
    expect(facts[1]!.signature).toEqual({ key: w.signKeys.get(SENDER), valid: false });
    expectFacts(facts[2]!, foreign, null);
    const me = { deviceId: ME, post: 'SY' as const, box: w.box, since: 0 };
    const certificate = { body: { deviceId: SENDER, post: 'IL', name: 'קצין', signKey: w.signKeys.get(SENDER)!, notBefore: 0, notAfter: Number.MAX_SAFE_INTEGER } };
    const directory = { certificates: [certificate] as never, revocations: null };
    expect(checkEnvelope(forged, directory, me, cryptoFrom(forged, facts[1]!, me))).toMatchObject({ ok: false, alarm: 'bad-signature' });
    expect(checkEnvelope(foreign, directory, me, cryptoFrom(foreign, facts[2]!, me))).toMatchObject({ ok: false, alarm: 'undecryptable' });
    expect(checkEnvelope(good, directory, me, cryptoFrom(good, facts[0]!, me))).toMatchObject({ ok: true, payload: payload('message 1') });
  });

  it('checks a signature again when the directory gives the sender another key than the facts were computed with', async () => {
    const w = world();
    const e = envelope(w, 1);
    const [facts] = await new InlineChecker({ deviceId: ME, box: w.box }).facts([e], new Map());
    expect(facts!.signature).toBeNull();
    const me = { deviceId: ME, box: w.box };
    expect(cryptoFrom(e, facts!, me).signatureValid(w.signKeys.get(SENDER)!)).toBe(true);
    expect(cryptoFrom(e, facts!, me).signatureValid(toBase64Url(generateSigningKeyPair().publicKey))).toBe(false);
  });

  it('refuses work once closed (the vault is locked)', async () => {
    const w = world();
    const checker = new InlineChecker({ deviceId: ME, box: w.box });
    checker.close();
    await expect(checker.facts([envelope(w, 1)], w.signKeys)).rejects.toEqual(new CoreError('vault.locked'));
  });
});

describe('through a check worker', () => {
  it('answers each request with its own facts, whatever order the answers arrive in', async () => {
    const w = world();
    const pair = workerPair(w, { hold: true });
    try {
      const first = Array.from({ length: 5 }, (_, i) => envelope(w, i + 1));
      const second = Array.from({ length: 3 }, (_, i) => envelope(w, i + 10));
      const answers = Promise.all([pair.checker.facts(first, w.signKeys), pair.checker.facts(second, w.signKeys)]);
      // Both are computed, then answered second first.
      await expect.poll(() => pair.held()).toBe(2);
      pair.release();
      const [a, b] = await answers;
      first.forEach((e, i) => expectFacts(a[i]!, e, `message ${i + 1}`));
      second.forEach((e, i) => expectFacts(b[i]!, e, `message ${i + 10}`));
    } finally {
      pair.close();
    }
  });

  it('falls back to this thread for what a failed worker was asked, and for everything after', async () => {
    const w = world();
    const pair = workerPair(w, { hold: true });
    try {
      const envelopes = [envelope(w, 1), tampered(envelope(w, 2))];
      const pending = pair.checker.facts(envelopes, w.signKeys);
      pair.checker.failed();
      const facts = await pending;
      expectFacts(facts[0]!, envelopes[0]!, 'message 1');
      expect(facts[1]!.signature?.valid).toBe(false);
      const third = envelope(w, 3);
      const later = await pair.checker.facts([third], w.signKeys);
      expectFacts(later[0]!, third, 'message 3');
    } finally {
      pair.close();
    }
  });

  it('on lock: the worker wipes its copy of the box key and ends, and nothing more is computed', async () => {
    const w = world();
    const pair = workerPair(w);
    try {
      const first = envelope(w, 1);
      const facts = await pair.checker.facts([first], w.signKeys);
      expectFacts(facts[0]!, first, 'message 1');
      const pending = pair.checker.facts([envelope(w, 2)], w.signKeys);
      pair.checker.close();
      await expect(pending).rejects.toEqual(new CoreError('vault.locked'));
      await expect(pair.checker.facts([envelope(w, 3)], w.signKeys)).rejects.toEqual(new CoreError('vault.locked'));
      expect(pair.stopped()).toBe(true);
      await expect.poll(() => pair.ended()).toBe(true);
      expect(pair.workerKey()!.secretKey).toEqual(new Uint8Array(w.box.secretKey.length));
      expect(pair.workerKey()!.secretKey).not.toBe(w.box.secretKey);
      // This thread's key pair is the session's own: the vault wipes it on lock, the checker leaves it alone.
      expect(w.box.secretKey.some((byte) => byte !== 0)).toBe(true);
    } finally {
      pair.close();
    }
  });
});
