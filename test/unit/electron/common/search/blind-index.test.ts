/** Blind tokens: the same word gives the same hash under one key, and nothing recognisable under any key. */
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto, randomBytes } from '../../../../../electron/common/crypto/sodium';
import { blindToken } from '../../../../../electron/common/search/blind-index';
import { searchTokens } from '../../../../../electron/common/search/normalize';

beforeAll(initCrypto);

describe('blind index', () => {
  it('hashes a token the same way however the word was written, and differently under another key', () => {
    const key = randomBytes(32);
    const blindTokensOf = (text: string) => searchTokens(text).map((token) => blindToken(key, token));
    expect(blindTokensOf('שָׁלוֹם')).toEqual(blindTokensOf('שלום'));
    expect(blindTokensOf('SHALOM')).toEqual([blindToken(key, 'shalom')]);
    expect(blindToken(randomBytes(32), 'shalom')).not.toBe(blindToken(key, 'shalom'));
  });

  it('gives 128-bit base64url values that contain nothing of the word', () => {
    const key = randomBytes(32);
    const hash = blindToken(key, 'quneitra');
    expect(hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(hash.toLowerCase()).not.toContain('quneitra');
  });
});
