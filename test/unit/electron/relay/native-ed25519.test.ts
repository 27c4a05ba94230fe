/**
 * The relay's native Ed25519 verifiers (on the calling thread and on the thread pool) give the same verdict as
 * libsodium on every Wycheproof case, and on valid and forged signatures of real envelopes-sized messages; its native
 * signer makes libsodium's signatures byte for byte.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, fromHex, generateSigningKeyPair, initCrypto, randomBytes, signDetached, verifyDetached } from '../../../../electron/common/crypto/sodium';
import { nativeEd25519PooledVerifier, nativeEd25519Signer, nativeEd25519Verifier } from '../../../../electron/relay/native-ed25519';
import { vectorPath } from '../../../support/vectors';

beforeAll(initCrypto);

describe('native Ed25519 verifier', () => {
  it('accepts every valid and rejects every invalid Wycheproof case, exactly as libsodium does', async (context) => {
    const file = vectorPath('wycheproof/ed25519_test.json');
    if (!file) return context.skip();
    const suite = JSON.parse(readFileSync(file, 'utf8')) as { testGroups: { publicKey: { pk: string }; tests: { tcId: number; msg: string; sig: string; result: string }[] }[] };
    const verify = nativeEd25519Verifier();
    const pooled = nativeEd25519PooledVerifier();
    const disagreements: string[] = [];
    let cases = 0;
    for (const group of suite.testGroups) {
      for (const test of group.tests) {
        cases += 1;
        const [sig, msg, pk] = [fromHex(test.sig), fromHex(test.msg), fromHex(group.publicKey.pk)];
        const native = verify(sig, msg, pk);
        if (native !== (test.result === 'valid') || native !== verifyDetached(sig, msg, pk) || native !== (await pooled(sig, msg, pk))) disagreements.push(`tcId ${test.tcId}`);
      }
    }
    console.log(`native ed25519 (calling thread and thread pool): ${cases - disagreements.length}/${cases} Wycheproof cases agree with the expected result and with libsodium`);
    expect(disagreements).toEqual([]);
    expect(cases).toBe(151);
  });

  it('agrees with libsodium on real signatures and forgeries', async () => {
    const verify = nativeEd25519Verifier();
    const pooled = nativeEd25519PooledVerifier();
    for (let i = 0; i < 50; i += 1) {
      const keys = generateSigningKeyPair();
      const message = randomBytes(1400);
      const signature = signDetached(message, keys.secretKey);
      expect(verify(signature, message, keys.publicKey)).toBe(true);
      expect(await pooled(signature, message, keys.publicKey)).toBe(true);
      const forged = signature.slice();
      forged[i % 64]! ^= 1 << (i % 8);
      expect(verify(forged, message, keys.publicKey)).toBe(verifyDetached(forged, message, keys.publicKey));
      expect(await pooled(forged, message, keys.publicKey)).toBe(verifyDetached(forged, message, keys.publicKey));
      expect(verify(signature, message, generateSigningKeyPair().publicKey)).toBe(false);
    }
    expect(verify(new Uint8Array(63), new Uint8Array(1), new Uint8Array(32))).toBe(false);
    expect(await pooled(new Uint8Array(63), new Uint8Array(1), new Uint8Array(32))).toBe(false);
    expect(await pooled(new Uint8Array(64), new Uint8Array(1), new Uint8Array(31))).toBe(false);
  });

  it('signs exactly as libsodium does (RFC 8032 test 1, then random keys and messages), and refuses a mismatched key', () => {
    const seed = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
    const publicKey = fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const expected = fromHex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
    expect(nativeEd25519Signer(concatBytes(seed, publicKey))(new Uint8Array(0))).toEqual(expected);
    for (let i = 0; i < 50; i += 1) {
      const keys = generateSigningKeyPair();
      const message = randomBytes(i * 7);
      expect(nativeEd25519Signer(keys.secretKey)(message)).toEqual(signDetached(message, keys.secretKey));
    }
    expect(() => nativeEd25519Signer(concatBytes(seed, generateSigningKeyPair().publicKey))).toThrow();
  });
});
