/**
 * The protocol's building blocks, as a client or an attacker meets them: the deterministic encoding, envelopes that
 * open only for their recipients and only unaltered, certificates that verify only under their root, fingerprints,
 * and checkpoints that are refused when anything in them is changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBoxKeyPair, generateSigningKeyPair, initCrypto, toBase64Url, utf8Decode, utf8Encode, fromBase64Url } from '../../../../../electron/common/crypto/sodium';
import { checkpointOrigin, openCheckpoint, signCheckpoint } from '../../../../../electron/common/merkle/checkpoint';
import { canonicalJson } from '../../../../../electron/common/protocol/canonical-json';
import { verifyCertificate, verifyEnrolmentRequest } from '../../../../../electron/common/protocol/certificates';
import {
  Envelope,
  envelopeBytes,
  envelopeBytesAndSigningInput,
  envelopeHash,
  envelopeSigningInput,
  openEnvelope,
  sealEnvelope,
  verifyEnvelopeSignature,
  type EnvelopeHeader,
} from '../../../../../electron/common/protocol/envelope';
import { fingerprint } from '../../../../../electron/common/protocol/identity';
import { createChannel, createDevice, enrolmentRequest } from '../../../../support/channel';

beforeAll(initCrypto);

describe('canonical JSON', () => {
  it('sorts members by UTF-16 code units, writes no whitespace, and escapes as JSON.stringify does', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], '\u00e9': 0, A: { d: -3, c: 'q"\\\n' } })).toBe(
      '{"A":{"c":"q\\"\\\\\\n","d":-3},"a":[true,null,"x"],"b":1,"\u00e9":0}',
    );
    // Code-unit order puts U+FB33 (BMP) after U+1F600 (a surrogate pair starting 0xD83D): JCS, not code-point order.
    expect(canonicalJson({ '\ufb33': 1, '\u{1f600}': 2 })).toBe('{"\u{1f600}":2,"\ufb33":1}');
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
  });

  it('refuses values two implementations could write differently', () => {
    for (const value of [1.5, -0, Number.NaN, 2 ** 53, undefined, { a: undefined }, new Date(0), () => 1]) {
      expect(() => canonicalJson(value), String(value)).toThrow();
    }
  });
});

describe('envelopes', () => {
  const channel = () => createChannel();

  function sealed(recipientKeys: { deviceId: string; boxKey: Uint8Array }[], sender = generateSigningKeyPair()) {
    const header: EnvelopeHeader = {
      v: 1,
      id: toBase64Url(new Uint8Array(16).fill(7)),
      kind: 'message',
      sender: 'AAAAAAAAAAAAAAAAAAAAAA',
      senderPost: 'IL',
      recipients: ['SY'],
      createdAt: 1_800_000_000_000,
      seq: 1,
      prev: null,
    };
    return { sender, envelope: sealEnvelope({ header, plaintext: utf8Encode('שלום سلام hello 31°45′N'), recipients: recipientKeys, senderSecretKey: sender.secretKey }) };
  }

  it('opens for each device it is sealed to, and for no other', () => {
    const [a, b, outsider] = [generateBoxKeyPair(), generateBoxKeyPair(), generateBoxKeyPair()];
    const { envelope, sender } = sealed([
      { deviceId: 'BBBBBBBBBBBBBBBBBBBBBA', boxKey: b.publicKey },
      { deviceId: 'AAAAAAAAAAAAAAAAAAAAAA', boxKey: a.publicKey },
    ]);
    expect(Envelope.parse(envelope)).toEqual(envelope);
    expect(envelope.keys.map((k) => k.device)).toEqual(['AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBA']);
    expect(utf8Decode(openEnvelope(envelope, 'AAAAAAAAAAAAAAAAAAAAAA', a)!)).toBe('שלום سلام hello 31°45′N');
    expect(utf8Decode(openEnvelope(envelope, 'BBBBBBBBBBBBBBBBBBBBBA', b)!)).toBe('שלום سلام hello 31°45′N');
    expect(openEnvelope(envelope, 'AAAAAAAAAAAAAAAAAAAAAA', outsider)).toBeNull();
    expect(openEnvelope(envelope, 'CCCCCCCCCCCCCCCCCCCCCA', a)).toBeNull();
    expect(verifyEnvelopeSignature(envelope, sender.publicKey)).toBe(true);
    expect(verifyEnvelopeSignature(envelope, generateSigningKeyPair().publicKey)).toBe(false);
    // One serialisation gives both the canonical bytes and the signed bytes, exactly as the two separate ones do.
    const encoded = envelopeBytesAndSigningInput(envelope);
    expect(encoded.bytes).toEqual(envelopeBytes(envelope));
    expect(encoded.signingInput).toEqual(envelopeSigningInput(envelope));
    expect(verifyEnvelopeSignature(envelope, sender.publicKey, encoded.signingInput)).toBe(true);
  });

  it('refuses an altered header, ciphertext or key list', () => {
    const a = generateBoxKeyPair();
    const { envelope, sender } = sealed([{ deviceId: 'AAAAAAAAAAAAAAAAAAAAAA', boxKey: a.publicKey }]);
    const rerouted = { ...envelope, header: { ...envelope.header, recipients: ['IL' as const, 'SY' as const] } };
    expect(verifyEnvelopeSignature(rerouted, sender.publicKey)).toBe(false);
    // Even with the signature ignored, the header is the ciphertext's associated data: it will not open.
    expect(openEnvelope(rerouted, 'AAAAAAAAAAAAAAAAAAAAAA', a)).toBeNull();
    const bytes = fromBase64Url(envelope.ciphertext);
    bytes[0]! ^= 1;
    const flipped = { ...envelope, ciphertext: toBase64Url(bytes) };
    expect(verifyEnvelopeSignature(flipped, sender.publicKey)).toBe(false);
    expect(openEnvelope(flipped, 'AAAAAAAAAAAAAAAAAAAAAA', a)).toBeNull();
    expect(envelopeHash(flipped)).not.toBe(envelopeHash(envelope));
  });

  it('has a header schema that keeps the chain rule: prev is null exactly at seq 1', () => {
    const { envelope } = sealed([{ deviceId: 'AAAAAAAAAAAAAAAAAAAAAA', boxKey: generateBoxKeyPair().publicKey }]);
    expect(Envelope.safeParse({ ...envelope, header: { ...envelope.header, seq: 2 } }).success).toBe(false);
    expect(Envelope.safeParse({ ...envelope, header: { ...envelope.header, prev: toBase64Url(new Uint8Array(32)) } }).success).toBe(false);
    expect(channel().channelId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('certificates and enrolment', () => {
  it('verifies a certificate only under its own root and channel', () => {
    const channel = createChannel();
    const device = createDevice(channel, 'SY');
    expect(verifyCertificate(device.certificate, channel.root.publicKey, channel.channelId)).toBe(true);
    const other = createChannel();
    expect(verifyCertificate(device.certificate, other.root.publicKey, channel.channelId)).toBe(false);
    expect(verifyCertificate(device.certificate, channel.root.publicKey, other.channelId)).toBe(false);
    const promoted = { ...device.certificate, body: { ...device.certificate.body, post: 'US' as const } };
    expect(verifyCertificate(promoted, channel.root.publicKey, channel.channelId)).toBe(false);
  });

  it('accepts an enrolment request only self-signed by the key it names', () => {
    const channel = createChannel();
    const request = enrolmentRequest(channel, 'IL', 'Duty officer');
    expect(verifyEnrolmentRequest(request, channel.channelId)).toBe(true);
    const swapped = { ...request, body: { ...request.body, signKey: toBase64Url(generateSigningKeyPair().publicKey) } };
    expect(verifyEnrolmentRequest(swapped, channel.channelId)).toBe(false);
  });

  it('gives a 30-digit fingerprint in six groups that changes with either key', () => {
    const [sign, box] = [toBase64Url(generateSigningKeyPair().publicKey), toBase64Url(generateBoxKeyPair().publicKey)];
    const print = fingerprint(sign, box);
    expect(print).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(fingerprint(sign, box)).toBe(print);
    expect(fingerprint(sign, toBase64Url(generateBoxKeyPair().publicKey))).not.toBe(print);
  });
});

describe('checkpoints', () => {
  const origin = checkpointOrigin('oDf5zKmnPpXUQx_HaiCy-w');
  const root = new Uint8Array(32).fill(9);
  let relay: ReturnType<typeof generateSigningKeyPair>;
  let note: string;
  beforeAll(() => {
    relay = generateSigningKeyPair();
    note = signCheckpoint({ origin, size: 42, rootHash: root }, relay.secretKey, relay.publicKey);
  });

  it('round-trips as a C2SP signed note', () => {
    expect(note.split('\n').slice(0, 4)).toEqual([origin, '42', 'CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk=', '']);
    expect(note.split('\n')[4]).toMatch(new RegExp(`^\u2014 ${origin} [A-Za-z0-9+/]+=*$`));
    expect(openCheckpoint(note, origin, relay.publicKey)).toEqual({ origin, size: 42, rootHash: root });
  });

  it('is refused with another key, another origin, or any changed line', () => {
    expect(openCheckpoint(note, origin, generateSigningKeyPair().publicKey)).toBeNull();
    expect(openCheckpoint(note, checkpointOrigin('AAAAAAAAAAAAAAAAAAAAAA'), relay.publicKey)).toBeNull();
    expect(openCheckpoint(note.replace('\n42\n', '\n43\n'), origin, relay.publicKey)).toBeNull();
    expect(openCheckpoint(note.replace('\n42\n', '\n042\n'), origin, relay.publicKey)).toBeNull();
    expect(openCheckpoint(note.replace('CQkJ', 'CQkK'), origin, relay.publicKey)).toBeNull();
    expect(openCheckpoint(note.slice(0, -1), origin, relay.publicKey)).toBeNull();
  });
});
