/** The crypto wrapper's own constructions interoperate with libsodium's reference functions. */
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBoxKeyPair, initCrypto, openSealed, randomBytes, sealTo } from '../../../../../electron/common/crypto/sodium';

beforeAll(async () => {
  await initCrypto();
  await sodium.ready;
});

describe('crypto wrapper', () => {
  it("seals boxes that libsodium's crypto_box_seal_open opens, and opens libsodium's sealed boxes", () => {
    const recipient = generateBoxKeyPair();
    const message = randomBytes(32);
    const ours = sealTo(message, recipient.publicKey);
    expect(ours.length).toBe(32 + 48);
    expect(sodium.crypto_box_seal_open(ours, recipient.publicKey, recipient.secretKey)).toEqual(message);
    expect(openSealed(sodium.crypto_box_seal(message, recipient.publicKey), recipient)).toEqual(message);
    expect(openSealed(ours, generateBoxKeyPair())).toBeNull();
  });

  it('draws fresh random bytes each time, in any length', () => {
    expect(randomBytes(32)).not.toEqual(randomBytes(32));
    const large = randomBytes(200_000);
    expect(large.length).toBe(200_000);
    expect(large.subarray(150_000, 150_064).some((b) => b !== 0)).toBe(true);
  });
});
