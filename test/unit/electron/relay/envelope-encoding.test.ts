/**
 * The relay's one-pass envelope encoding gives exactly the protocol's bytes, hash and signing input (envelope.ts), for
 * real envelopes and for header text full of escapes and non-ASCII; and its base64url decoder refuses exactly what
 * the protocol's strict decoder refuses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, initCrypto, randomBytes, toBase64Url } from '../../../../electron/common/crypto/sodium';
import { canonicalBytes } from '../../../../electron/common/protocol/canonical-json';
import { envelopeBytes, envelopeHash, envelopeSigningInput, type Envelope } from '../../../../electron/common/protocol/envelope';
import { encodeEnvelope, strictBase64Url } from '../../../../electron/relay/envelope-encoding';
import { compose, createChannel, createDevice } from '../../../support/channel';

beforeAll(initCrypto);

describe('encodeEnvelope', () => {
  it('matches envelopeBytes, envelopeHash and envelopeSigningInput', () => {
    const channel = createChannel();
    const devices = [createDevice(channel, 'IL'), createDevice(channel, 'SY'), createDevice(channel, 'US')];
    const texts = ['', 'hello', 'שלום "quoted" \\ back\nslash', 'مرحبا \u2028 \ud83d\ude00', 'x'.repeat(5000)];
    for (const text of texts) {
      const envelope = compose(devices[0]!, devices.map((d) => d.certificate), { recipients: ['SY'], text });
      const encoded = encodeEnvelope(envelope);
      expect(new Uint8Array(encoded.bytes)).toEqual(envelopeBytes(envelope));
      expect(encoded.json).toBe(new TextDecoder().decode(envelopeBytes(envelope)));
      expect(encoded.hash).toBe(envelopeHash(envelope));
      expect(new Uint8Array(encoded.signingInput)).toEqual(envelopeSigningInput(envelope));
      expect(new Uint8Array(encoded.signature!)).toEqual(fromBase64Url(envelope.sig));
    }
  });

  it('serialises the whole envelope when a member would sort after sig (the schema forbids one; the encoding stays exact)', () => {
    const odd = { header: { a: 1 }, keys: [], nonce: 'n', ciphertext: 'c', sig: 's', zeta: 'z' } as unknown as Envelope;
    expect(new Uint8Array(encodeEnvelope(odd).bytes)).toEqual(canonicalBytes(odd));
  });
});

describe('strictBase64Url', () => {
  const strict = (text: string) => {
    try {
      return fromBase64Url(text);
    } catch {
      return null;
    }
  };

  it('refuses exactly what the protocol decoder refuses', () => {
    const samples = ['', 'A', 'AA', 'AB', 'AAA', 'AAB', 'AAAA', 'QQ', 'QR', 'QQ==', 'a+b/', 'a-b_', 'ab c', 'Zm9v', 'Zm9vYg', 'Zm9vYh', 'Zm9vYmE', 'Zm9vYmF'];
    for (let i = 0; i < 200; i += 1) {
      const text = toBase64Url(randomBytes(i % 70));
      samples.push(text);
      if (text.length > 0) samples.push(text.slice(0, -1) + 'B', text.slice(0, -1) + '_', text + '=');
    }
    for (const text of samples) {
      const expected = strict(text);
      const actual = strictBase64Url(text);
      expect(actual === null ? null : new Uint8Array(actual), JSON.stringify(text)).toEqual(expected);
    }
  });
});
