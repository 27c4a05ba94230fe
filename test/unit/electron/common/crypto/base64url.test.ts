/**
 * The protocol's base64url codec against libsodium's (the reference it replaced for speed): the same text for every
 * byte string, the same bytes back, and the same refusals — padding, the standard alphabet, stray characters, a
 * dangling character, and non-zero unused bits (a second spelling of the same bytes, which a signature check upstream
 * must never see).
 */
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../../../../electron/common/crypto/base64url';

beforeAll(async () => {
  await sodium.ready;
});

const reference = (bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);

describe('base64url', () => {
  it('encodes every length and byte as libsodium does, and decodes back', () => {
    for (let length = 0; length < 200; length += 1) {
      const bytes = sodium.randombytes_buf(length);
      const text = encodeBase64Url(bytes);
      expect(text).toBe(reference(bytes));
      expect(decodeBase64Url(text)).toEqual(bytes);
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encodeBase64Url(all)).toBe(reference(all));
    const large = sodium.randombytes_buf(100_000);
    expect(decodeBase64Url(encodeBase64Url(large))).toEqual(large);
  });

  it('refuses anything but the one canonical spelling', () => {
    for (const text of ['A', 'AAAAA', 'AA==', 'AA=', 'A+B/', 'ab cd', 'abc\n', 'ab\u00e9d', 'AB', 'AAB', 'AAAAAB']) {
      expect(() => decodeBase64Url(text), JSON.stringify(text)).toThrow(/base64url/);
    }
    // The canonical neighbours of the last ones are accepted.
    expect(decodeBase64Url('AA')).toEqual(new Uint8Array([0]));
    expect(decodeBase64Url('AAA')).toEqual(new Uint8Array([0, 0]));
    expect(decodeBase64Url('AQ')).toEqual(new Uint8Array([1]));
    expect(decodeBase64Url('')).toEqual(new Uint8Array());
  });
});
