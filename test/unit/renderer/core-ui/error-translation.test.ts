/**
 * Every failure the core can report and every alarm it can raise has its sentence in Hebrew, Arabic and English, and
 * a failure's parameters reach the translation in the shape the sentence expects.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALARM_KINDS } from '../../../../renderer/core/api';
import { CORE_ERROR_CODES } from '../../../../renderer/core/core-error';
import { RpcError } from '../../../../renderer/core/rpc';
import { errorTranslation } from '../../../../renderer/core-ui/error-translation';

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../locales');
const LANGUAGES = ['en', 'he', 'ar'] as const;

type Tree = { [key: string]: string | Tree };

/** The string at a dotted key, or, for a plural, its 'other' form (the locale tests check the other categories). */
function lookup(tree: Tree, key: string): string | undefined {
  const parts = key.split('.');
  const last = parts.pop()!;
  let node: Tree | string | undefined = tree;
  for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'object') return undefined;
  const value = node[last] ?? node[`${last}_other`];
  return typeof value === 'string' ? value : undefined;
}

const namespace = (language: string, name: string) =>
  JSON.parse(readFileSync(path.join(localesDir, language, `${name}.json`), 'utf8')) as Tree;

describe('translations of the core', () => {
  for (const language of LANGUAGES) {
    it(`${language}: every core error code has a sentence`, () => {
      const errors = namespace(language, 'errors');
      const missing = CORE_ERROR_CODES.filter((code) => lookup(errors, code) === undefined);
      expect(missing).toEqual([]);
    });

    it(`${language}: every alarm kind has a sentence`, () => {
      const alarms = namespace(language, 'alarms');
      const missing = ALARM_KINDS.filter((kind) => lookup(alarms, `kind.${kind}`) === undefined);
      expect(missing).toEqual([]);
    });
  }

  it('has no sentence for a code the core does not have', () => {
    const flatten = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'string' ? [`${prefix}${key}`.replace(/_(zero|one|two|few|many|other)$/, '')] : flatten(value, `${prefix}${key}.`),
      );
    const known = new Set<string>(CORE_ERROR_CODES);
    expect([...new Set(flatten(namespace('en', 'errors')))].filter((key) => !known.has(key))).toEqual([]);
  });
});

describe('errorTranslation', () => {
  it('uses the code as the key and passes the parameters through', () => {
    expect(errorTranslation(new RpcError('vault.wrongPassphrase', { failures: 3 }))).toEqual({
      key: 'vault.wrongPassphrase',
      params: { failures: 3 },
    });
    expect(errorTranslation(new RpcError('relay.bad-signature', {}))).toEqual({ key: 'relay.bad-signature', params: {} });
  });

  it('shows a wait in whole seconds, rounded up, as the plural count', () => {
    expect(errorTranslation(new RpcError('vault.throttled', { retryAfterMs: 4_001 })).params).toEqual({ retryAfterMs: 4_001, count: 5 });
    expect(errorTranslation(new RpcError('vault.throttled', { retryAfterMs: 3_000 })).params.count).toBe(3);
    expect(errorTranslation(new RpcError('vault.throttled', { retryAfterMs: 1 })).params.count).toBe(1);
  });

  it('treats anything that is not a coded failure of the core as an internal error', () => {
    expect(errorTranslation(new Error('boom'))).toEqual({ key: 'core.internal', params: {} });
    expect(errorTranslation('nope')).toEqual({ key: 'core.internal', params: {} });
    expect(errorTranslation(new RpcError('no.suchCode' as never, {}))).toEqual({ key: 'core.internal', params: {} });
  });
});
