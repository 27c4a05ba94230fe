/**
 * The relay's direct writer of an unsigned envelope's canonical JSON gives exactly what the general algorithm gives:
 * for real envelopes, and for every shape or type it was not written for (where it must hand over, or fail the same).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../../electron/common/crypto/sodium';
import { canonicalJson } from '../../../../electron/common/protocol/canonical-json';
import type { Post } from '../../../../electron/common/protocol/schemas';
import { canonicalUnsignedEnvelope } from '../../../../electron/relay/canonical-envelope';
import { accepted, compose, createChannel, createDevice } from '../../../support/channel';

beforeAll(initCrypto);

const outcome = (write: () => string) => {
  try {
    return write();
  } catch (error) {
    return `threw ${(error as Error).name}`;
  }
};
const same = (unsigned: Record<string, unknown>) => expect(outcome(() => canonicalUnsignedEnvelope(unsigned))).toBe(outcome(() => canonicalJson(unsigned)));

function unsignedEnvelopes(): Record<string, unknown>[] {
  const channel = createChannel();
  const devices = [createDevice(channel, 'IL'), createDevice(channel, 'IL'), createDevice(channel, 'SY'), createDevice(channel, 'US')];
  const directory = devices.map((d) => d.certificate);
  const recipientSets: Post[][] = [['SY'], ['IL', 'SY'], ['US'], ['IL', 'SY', 'US']];
  return recipientSets.flatMap((recipients, i) => {
    const sender = devices[i]!;
    return ['', 'a', 'שלום "x" \\ \n', '\u2028 \ud83d\ude00'].map((text) => {
      const envelope = compose(sender, directory, { recipients, text });
      accepted(sender, envelope);
      const { sig: _sig, ...unsigned } = envelope;
      return unsigned as unknown as Record<string, unknown>;
    });
  });
}

describe('canonicalUnsignedEnvelope', () => {
  it('writes real envelopes exactly as canonicalJson does (first in a chain and later ones)', () => {
    for (const unsigned of unsignedEnvelopes()) {
      expect(canonicalUnsignedEnvelope(unsigned)).toBe(canonicalJson(unsigned));
    }
  });

  it('gives the general result for anything off the schema\'s shape, failing where it fails', () => {
    const base = unsignedEnvelopes()[1]!;
    const header = base.header as Record<string, unknown>;
    const keys = base.keys as Record<string, unknown>[];
    const variants: Record<string, unknown>[] = [
      { ...base, extra: 1 },
      { ...base, aaa: 'sorts first' },
      { header, keys, nonce: base.nonce },
      { ...base, ciphertext: 5 },
      { ...base, nonce: null },
      { ...base, header: { ...header, extra: 'x' } },
      { ...base, header: { ...header, seq: -0 } },
      { ...base, header: { ...header, createdAt: 1.5 } },
      { ...base, header: { ...header, seq: Number.MAX_SAFE_INTEGER + 1 } },
      { ...base, header: { ...header, prev: undefined } },
      { ...base, header: { ...header, prev: 7 } },
      { ...base, header: { ...header, recipients: 'SY' } },
      { ...base, header: { ...header, recipients: ['SY', 3] } },
      { ...base, header: { ...header, v: '1' } },
      { ...base, header: Object.assign(Object.create(null), header) },
      { ...base, keys: [...keys, { device: 'd' }] },
      { ...base, keys: [{ ...keys[0], sealed: 'é"\\' }] },
      { ...base, keys: [{ ...keys[0], note: 'x' }] },
      { ...base, keys: {} },
      { ...base, keys: [] },
    ];
    variants.forEach(same);
  });
});
