/**
 * Project Wycheproof vectors through the project's own crypto wrapper: every case counts. Valid cases must be accepted
 * with the expected output, invalid ones rejected, acceptable ones may go either way but must match when accepted.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { aeadDecrypt, aeadEncrypt, concatBytes, fromHex, initCrypto, toHex, verifyDetached, x25519 } from '../../../../../electron/common/crypto/sodium';
import { vectorPath } from '../../../../support/vectors';

interface Suite<T> {
  testGroups: ({ tests: (T & { tcId: number; result: 'valid' | 'invalid' | 'acceptable' })[] } & Record<string, unknown>)[];
}

function load<T>(file: string): Suite<T> | null {
  const full = vectorPath(`wycheproof/${file}`);
  return full ? (JSON.parse(readFileSync(full, 'utf8')) as Suite<T>) : null;
}

type Counts = Record<'valid' | 'invalid' | 'acceptable', { passed: number; total: number }>;
const newCounts = (): Counts => ({ valid: { passed: 0, total: 0 }, invalid: { passed: 0, total: 0 }, acceptable: { passed: 0, total: 0 } });
const report = (name: string, counts: Counts) =>
  console.log(`wycheproof ${name}: ${Object.entries(counts).map(([kind, c]) => `${kind} ${c.passed}/${c.total}`).join(', ')}`);

/** Runs every case; `outcome` returns the computed value as hex, or null when the operation refused. */
function runAll<T>(suite: Suite<T>, outcome: (test: T, group: Record<string, unknown>) => string | null, expected: (test: T) => string): { counts: Counts; failures: string[] } {
  const counts = newCounts();
  const failures: string[] = [];
  for (const group of suite.testGroups) {
    for (const test of group.tests) {
      counts[test.result].total += 1;
      let got: string | null;
      try {
        got = outcome(test, group);
      } catch {
        got = null;
      }
      const ok = test.result === 'valid' ? got === expected(test) : test.result === 'invalid' ? got === null : got === null || got === expected(test);
      if (ok) counts[test.result].passed += 1;
      else failures.push(`tcId ${test.tcId} (${test.result}): got ${got}`);
    }
  }
  return { counts, failures };
}

beforeAll(initCrypto);

describe('Wycheproof', () => {
  it('XChaCha20-Poly1305: encrypt matches and decrypt accepts every valid case, and rejects every invalid one', (context) => {
    const suite = load<{ key: string; iv: string; aad: string; msg: string; ct: string; tag: string }>('xchacha20_poly1305_test.json');
    if (!suite) return context.skip();
    const { counts, failures } = runAll(
      suite,
      (t) => {
        const key = fromHex(t.key);
        const nonce = fromHex(t.iv);
        const aad = fromHex(t.aad);
        const sealed = concatBytes(fromHex(t.ct), fromHex(t.tag));
        const opened = aeadDecrypt(sealed, aad, nonce, key);
        if (opened === null) return null;
        // Decryption must give the message back and encryption must give the exact ciphertext and tag.
        if (toHex(opened) !== t.msg) return `decrypted ${toHex(opened)}`;
        return toHex(aeadEncrypt(fromHex(t.msg), aad, nonce, key));
      },
      (t) => t.ct + t.tag,
    );
    report('xchacha20-poly1305', counts);
    expect(failures).toEqual([]);
    expect(counts.valid.total + counts.invalid.total).toBe(315);
  });

  it('Ed25519: verification accepts every valid signature and rejects every invalid one', (context) => {
    const suite = load<{ msg: string; sig: string }>('ed25519_test.json');
    if (!suite) return context.skip();
    const { counts, failures } = runAll(
      suite,
      (t, group) => (verifyDetached(fromHex(t.sig), fromHex(t.msg), fromHex((group.publicKey as { pk: string }).pk)) ? 'verified' : null),
      () => 'verified',
    );
    report('ed25519', counts);
    expect(failures).toEqual([]);
    expect(counts.valid.total + counts.invalid.total).toBe(151);
  });

  it('X25519: every valid shared secret is computed exactly; acceptable cases match or are refused', (context) => {
    const suite = load<{ public: string; private: string; shared: string }>('x25519_test.json');
    if (!suite) return context.skip();
    const { counts, failures } = runAll(suite, (t) => toHex(x25519(fromHex(t.private), fromHex(t.public))), (t) => t.shared);
    report('x25519', counts);
    expect(failures).toEqual([]);
    expect(counts.valid.total + counts.acceptable.total + counts.invalid.total).toBe(518);
  });
});
