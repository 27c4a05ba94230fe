/**
 * Everything the relay must refuse, each with its stable error code, nothing stored, and — where the fault is the
 * frame's and not the connection's — the connection still usable afterwards.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, initCrypto, toBase64Url } from '../../../electron/common/crypto/sodium';
import { signEnvelope, type Envelope } from '../../../electron/common/protocol/envelope';
import { MAX_FRAME_BYTES } from '../../../electron/common/protocol/limits';
import { accepted, compose, createDevice, enrolmentRequest, revocationList, type TestDevice } from '../../support/channel';
import { RelayClient, signAuth } from '../../support/relay-client';
import { boundRelay, publish, type Fixture } from '../../support/relay-fixture';
import { RelayProcess } from '../../support/relay-process';
import { vectorPath } from '../../support/vectors';

let fixture: Fixture;
let il: TestDevice;
let ilClient: RelayClient;

beforeAll(async () => {
  await initCrypto();
  fixture = await boundRelay({ IL: 2, SY: 1, US: 1 }, { extraArgs: ['--nonce-ttl-ms', '400'] });
  il = fixture.device('IL');
  ilClient = await RelayClient.connect(fixture.relay.url);
  await ilClient.authenticated(il);
});

afterAll(async () => {
  ilClient?.terminate();
  await fixture?.relay.stop();
});

const logSize = async () => (await fixture.relay.health()).logSize as number;

/** Submits and expects a refusal with `code`; then checks nothing was stored and the connection still works. */
async function expectRefused(envelope: Envelope, code: string, client = ilClient): Promise<void> {
  const before = await logSize();
  const answer = await client.request({ type: 'submit', envelope });
  expect(answer, JSON.stringify(answer)).toMatchObject({ type: 'error', code });
  expect(await logSize()).toBe(before);
  expect(client.isOpen).toBe(true);
  await client.expectAnswer('checkpoint', { type: 'get-checkpoint' });
}

const next = (device: TestDevice = il, text = 'hello') => compose(device, fixture.directory, { recipients: ['SY'], text });
const resign = (envelope: Envelope, device: TestDevice = il): Envelope => {
  const { sig: _sig, ...unsigned } = envelope;
  return signEnvelope(unsigned, device.sign.secretKey);
};

describe('frames', () => {
  it('refuses malformed frames and an unknown version, and the connection stays usable', async () => {
    for (const raw of ['not json', '[]', '{"type":"no-such-frame"}', '{"type":"ack"}', '{"type":"hello","v":1,"extra":true}']) {
      const seen = ilClient.frames.length;
      ilClient.sendRaw(raw);
      expect(await ilClient.waitFor((f) => f.type === 'error', 5000, seen)).toMatchObject({ code: 'malformed-frame' });
    }
    const seen = ilClient.frames.length;
    ilClient.sendRaw(Buffer.from([1, 2, 3]));
    expect(await ilClient.waitFor((f) => f.type === 'error', 5000, seen)).toMatchObject({ code: 'malformed-frame' });
    expect(await ilClient.request({ type: 'hello', v: 2 })).toMatchObject({ type: 'error', code: 'unsupported-version' });
    await ilClient.expectAnswer('checkpoint', { type: 'get-checkpoint' });
  });

  it('closes a connection that sends a frame over the size limit, storing nothing', async () => {
    const before = await logSize();
    const client = await RelayClient.connect(fixture.relay.url);
    await client.authenticated(il);
    client.sendRaw(JSON.stringify({ type: 'submit', envelope: { padding: 'x'.repeat(MAX_FRAME_BYTES) } }));
    expect((await client.closed).code).toBe(1009);
    expect(await logSize()).toBe(before);
  });

  it('refuses requests before authentication', async () => {
    const client = await RelayClient.connect(fixture.relay.url);
    expect(await client.request({ type: 'submit', envelope: next() })).toMatchObject({ type: 'error', code: 'not-authenticated' });
    expect(await client.request({ type: 'get-directory' })).toMatchObject({ type: 'error', code: 'not-authenticated' });
    await client.close();
  });
});

describe('authentication', () => {
  it('refuses a stale nonce', async () => {
    const client = await RelayClient.connect(fixture.relay.url);
    const challenge = await client.challenge();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await client.request({ type: 'auth', ...signAuth(il, challenge) })).toMatchObject({ type: 'error', code: 'auth-nonce-expired' });
    await client.close();
  });

  it('refuses a nonce used before, on the same connection or replayed on another', async () => {
    const client = await RelayClient.connect(fixture.relay.url);
    const challenge = await client.challenge();
    const auth = signAuth(il, challenge);
    expect(await client.request({ type: 'auth', ...auth, sig: toBase64Url(new Uint8Array(64)) })).toMatchObject({ code: 'auth-failed' });
    expect(await client.request({ type: 'auth', ...auth })).toMatchObject({ type: 'error', code: 'auth-nonce-unknown' });
    const other = await RelayClient.connect(fixture.relay.url);
    await other.challenge();
    expect(await other.request({ type: 'auth', ...auth })).toMatchObject({ type: 'error', code: 'auth-nonce-unknown' });
    await Promise.all([client.close(), other.close()]);
  });

  it('refuses devices that are unknown, certified by another root, expired or revoked', async () => {
    const stranger = createDevice(fixture.channel, 'IL', { signingRoot: generateSigningKeyPair() });
    const client = await RelayClient.connect(fixture.relay.url);
    expect(await client.request({ type: 'publish-certificate', certificate: stranger.certificate })).toMatchObject({ type: 'error', code: 'bad-certificate' });
    expect(await client.authenticate(stranger)).toMatchObject({ type: 'error', code: 'unknown-device' });

    const expired = createDevice(fixture.channel, 'SY', { notBefore: Date.now() - 10_000, notAfter: Date.now() - 1000 });
    const revoked = createDevice(fixture.channel, 'SY');
    await publish(fixture.relay, [expired.certificate, revoked.certificate]);
    expect(await client.authenticate(expired)).toMatchObject({ type: 'error', code: 'device-expired' });
    await client.expectAnswer('revocations-published', { type: 'publish-revocations', list: revocationList(fixture.channel, [revoked.deviceId]) });
    expect(await client.authenticate(revoked)).toMatchObject({ type: 'error', code: 'device-revoked' });
    await client.close();
  });
});

describe('envelopes', () => {
  it('refuses a bad signature', async () => {
    const envelope = next();
    const flipped = envelope.ciphertext.startsWith('A') ? `B${envelope.ciphertext.slice(1)}` : `A${envelope.ciphertext.slice(1)}`;
    await expectRefused({ ...envelope, ciphertext: flipped }, 'bad-signature');
  });

  it('refuses a signature in non-canonical base64url, and stays up', async () => {
    const envelope = next();
    const last = envelope.sig.at(-1)!;
    const sig = `${envelope.sig.slice(0, -1)}${last === 'B' ? 'C' : 'B'}`; // B and C set the last character's unused bits
    await expectRefused({ ...envelope, sig }, 'bad-signature');
    const client = await RelayClient.connect(fixture.relay.url);
    const challenge = await client.challenge();
    expect(await client.request({ type: 'auth', ...signAuth(il, challenge), sig: `${'A'.repeat(85)}B` })).toMatchObject({ type: 'error', code: 'auth-failed' });
    await client.close();
  });

  it("refuses an envelope whose sender post is not the certificate's", async () => {
    const envelope = next();
    await expectRefused(resign({ ...envelope, header: { ...envelope.header, senderPost: 'SY' } }), 'sender-post-mismatch');
  });

  it("refuses another device's envelope (a replay by someone else) and a reused sequence number", async () => {
    const envelope = next(il, 'original');
    await ilClient.expectAnswer('receipt', { type: 'submit', envelope });
    accepted(il, envelope);
    const other = await RelayClient.connect(fixture.relay.url);
    await other.authenticated(fixture.device('IL', 1));
    await expectRefused(envelope, 'sender-mismatch', other);
    await other.close();
    const reused = compose({ ...il, seq: il.seq - 1, lastHash: envelope.header.prev }, fixture.directory, { recipients: ['SY'], text: 'replayed number' });
    await expectRefused(reused, 'sequence-replay');
  });

  it('refuses a sequence gap and a forked chain', async () => {
    await expectRefused(compose({ ...il, seq: il.seq + 1 }, fixture.directory, { recipients: ['SY'], text: 'gap' }), 'sequence-gap');
    await expectRefused(compose({ ...il, lastHash: toBase64Url(new Uint8Array(32)) }, fixture.directory, { recipients: ['SY'], text: 'fork' }), 'chain-fork');
  });

  it('refuses an envelope not sealed to the desk, or missing a device of a recipient post', async () => {
    const withoutDesk = fixture.directory.filter((c) => c.body.post !== 'US');
    await expectRefused(compose(il, fixture.directory, { recipients: ['SY'], text: 'no desk', sealTo: withoutDesk }), 'not-sealed-to-desk');
    const withoutSyria = fixture.directory.filter((c) => c.body.post !== 'SY');
    await expectRefused(compose(il, fixture.directory, { recipients: ['SY'], text: 'no syria', sealTo: withoutSyria }), 'missing-recipient-device');
    const outsider = createDevice(fixture.channel, 'SY');
    await expectRefused(compose(il, fixture.directory, { recipients: ['SY'], text: 'stranger', sealTo: [...fixture.directory, outsider.certificate] }), 'sealed-to-unknown-device');
    // The envelope sealed correctly is then accepted with the same sequence number: refusals did not advance the chain.
    const good = next(il, 'finally');
    await ilClient.expectAnswer('receipt', { type: 'submit', envelope: good });
    accepted(il, good);
  });

  it('limits how fast one device may submit', async () => {
    const relay = await RelayProcess.start({ extraArgs: ['--submit-burst', '3', '--submit-per-second', '1'] });
    try {
      const limited = await boundRelayFor(relay);
      const codes: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const envelope = compose(limited.device, limited.directory, { recipients: ['SY'], text: `burst ${i}` });
        const answer = await limited.client.request({ type: 'submit', envelope });
        if (answer.type === 'receipt') accepted(limited.device, envelope);
        codes.push(answer.type === 'error' ? answer.code : answer.type);
      }
      expect(codes).toEqual(['receipt', 'receipt', 'receipt', 'rate-limited', 'rate-limited', 'rate-limited']);
      limited.client.terminate();
    } finally {
      await relay.stop();
    }
  });
});

async function boundRelayFor(relay: RelayProcess) {
  const { createChannel } = await import('../../support/channel');
  const { bindRelay } = await import('../../support/relay-fixture');
  const channel = createChannel();
  await bindRelay(relay, channel);
  const devices = [createDevice(channel, 'IL'), createDevice(channel, 'SY'), createDevice(channel, 'US')];
  await publish(relay, devices.map((d) => d.certificate));
  const client = await RelayClient.connect(relay.url);
  await client.authenticated(devices[0]!);
  return { device: devices[0]!, directory: devices.map((d) => d.certificate), client };
}

describe('hostile strings (Big List of Naughty Strings)', () => {
  it('refuses every naughty string in every header field, and stores every accepted display name intact', async (context) => {
    const file = vectorPath('naughty-strings/blns.json');
    if (!file) return context.skip();
    const strings = JSON.parse(readFileSync(file, 'utf8')) as string[];
    const before = await logSize();
    const template = next(il, 'naughty');
    const fields = ['id', 'kind', 'sender', 'senderPost', 'prev'] as const;
    let refusedHeaders = 0;
    for (const text of strings) {
      for (const field of fields) {
        const answer = await ilClient.request({ type: 'submit', envelope: { ...template, header: { ...template.header, [field]: text } } });
        expect(answer, `${field} = ${JSON.stringify(text)}`).toMatchObject({ type: 'error', code: 'malformed-frame' });
        refusedHeaders += 1;
      }
      const answer = await ilClient.request({ type: 'submit', envelope: { ...template, header: { ...template.header, recipients: [text] } } });
      expect(answer).toMatchObject({ type: 'error', code: 'malformed-frame' });
      refusedHeaders += 1;
    }
    expect(await logSize()).toBe(before);

    // Display names are the free text the relay does keep: each is stored exactly, or refused with a clear code.
    const desk = await RelayClient.connect(fixture.relay.url);
    await desk.authenticated(fixture.device('US'));
    const sent = new Map<string, string>();
    let refusedNames = 0;
    for (const name of strings) {
      const request = enrolmentRequest(fixture.channel, 'SY', 'placeholder');
      const hostile = { ...request, body: { ...request.body, name } };
      const answer = await desk.request({ type: 'enrol', request: hostile });
      if (answer.type === 'enrol-received') sent.set(answer.deviceId, name);
      else {
        expect(answer, JSON.stringify(name)).toMatchObject({ type: 'error' });
        expect(['malformed-frame', 'bad-enrolment']).toContain((answer as { code: string }).code);
        refusedNames += 1;
      }
    }
    // A hostile name breaks the request's self-signature, so it must never be accepted as it was signed.
    expect(sent.size).toBe(0);
    // Signed properly, a name is stored and returned byte for byte, or refused by the schema.
    const stored = new Map<string, string>();
    for (const name of strings) {
      const { signEnrolmentRequest, EnrolmentRequestBody } = await import('../../../electron/common/protocol/certificates');
      const base = enrolmentRequest(fixture.channel, 'SY', 'placeholder');
      if (!EnrolmentRequestBody.safeParse({ ...base.body, name }).success) continue;
      const { deviceKeys } = await import('../../support/channel');
      const keys = deviceKeys();
      const request = signEnrolmentRequest({ ...base.body, name, deviceId: keys.deviceId, signKey: toBase64Url(keys.sign.publicKey), boxKey: toBase64Url(keys.box.publicKey) }, keys.sign.secretKey);
      const answer = await desk.request({ type: 'enrol', request });
      expect(answer, JSON.stringify(name)).toMatchObject({ type: 'enrol-received' });
      stored.set(keys.deviceId, name);
    }
    const listed = await desk.expectAnswer('enrolments', { type: 'get-enrolments' });
    for (const [deviceId, name] of stored) {
      expect(listed.requests.find((r) => r.request.body.deviceId === deviceId)?.request.body.name).toBe(name);
    }
    console.log(`naughty strings: ${strings.length} strings; ${refusedHeaders} header frames refused; ${refusedNames} unsigned names refused; ${stored.size} signed names stored intact, ${strings.length - stored.size} refused by the name rules`);
    expect(stored.size).toBeGreaterThan(100);
    await desk.close();
    expect((await fixture.relay.health()).status).toBe('ok');
  });
});
