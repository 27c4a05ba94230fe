/** The record encoding: binary fields travel as bytes beside the JSON, never as text, and malformed input is refused. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, toBase64, toBase64Url, toHex } from '../../../../../electron/common/crypto/sodium';
import { decodeRecord, encodeRecord } from '../../../../../renderer/core/vault/record-codec';

beforeAll(initCrypto);

describe('record codec', () => {
  it('round-trips JSON with binary fields at any depth, returning fresh copies', () => {
    const secret = Uint8Array.from([1, 2, 3, 250]);
    const record = { id: 'k', key: secret, nested: [{ more: new Uint8Array(0) }, 'text', 3, null, true] };
    const decoded = decodeRecord(encodeRecord(record)) as typeof record;
    expect(decoded).toEqual(record);
    expect(decoded.key).not.toBe(secret);
  });

  it('never writes a binary field as text (base64, hex or a list of numbers)', () => {
    const secret = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);
    const encoded = new TextDecoder('utf-8', { fatal: false }).decode(encodeRecord({ secretKey: secret }));
    for (const text of [toBase64(secret), toBase64Url(secret), toHex(secret), Array.from(secret).join(',')]) expect(encoded).not.toContain(text);
  });

  it('refuses truncated, padded or inconsistent encodings', () => {
    const good = encodeRecord({ a: new Uint8Array([9, 9]), b: 'x' });
    expect(() => decodeRecord(good.subarray(0, good.length - 1))).toThrow();
    expect(() => decodeRecord(Uint8Array.from([...good, 0, 0, 0, 9]))).toThrow();
    expect(() => decodeRecord(encodeRecord({ '\u0000bytes': 5 }))).toThrow();
    expect(() => decodeRecord(new Uint8Array([0, 0, 0]))).toThrow();
  });
});
