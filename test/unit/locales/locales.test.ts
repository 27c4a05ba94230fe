/**
 * Every string exists in Hebrew, Arabic and English, and every plural has exactly the CLDR categories of its language,
 * taken from the running engine's Intl.PluralRules (so Arabic needs zero/one/two/few/many/other, Hebrew one/two/other).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../locales');
const LANGUAGES = ['en', 'he', 'ar'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') entries.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) entries.set(k, v);
  }
  return entries;
}

function load(language: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(path.join(localesDir, language)).filter((f) => f.endsWith('.json'))) {
    const namespace = file.replace(/\.json$/, '');
    const tree = JSON.parse(readFileSync(path.join(localesDir, language, file), 'utf8')) as Tree;
    for (const [key, value] of flatten(tree)) all.set(`${namespace}:${key}`, value);
  }
  return all;
}

/** Plural base key -> the categories present, e.g. "common:status.outbox" -> {one, other}. */
function plurals(strings: Map<string, string>): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const key of strings.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) continue;
    const base = key.slice(0, -match[0].length);
    found.set(base, (found.get(base) ?? new Set()).add(match[1]!));
  }
  return found;
}

const singular = (strings: Map<string, string>) => new Set([...strings.keys()].filter((key) => !PLURAL_SUFFIX.test(key)));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const strings = Object.fromEntries(LANGUAGES.map((language) => [language, load(language)])) as Record<(typeof LANGUAGES)[number], Map<string, string>>;
  const englishPlurals = plurals(strings.en);

  it('has the same namespaces in every language', () => {
    const files = (language: string) => readdirSync(path.join(localesDir, language)).sort();
    for (const language of LANGUAGES) expect(files(language), language).toEqual(files('en'));
  });

  it('has English strings and at least one plural to check', () => {
    expect(strings.en.size).toBeGreaterThan(20);
    expect(englishPlurals.size).toBeGreaterThan(0);
  });

  for (const language of LANGUAGES) {
    it(`${language}: every key of English exists, and no key English lacks`, () => {
      expect([...singular(strings[language])].sort()).toEqual([...singular(strings.en)].sort());
      expect([...plurals(strings[language]).keys()].sort()).toEqual([...englishPlurals.keys()].sort());
    });

    it(`${language}: every plural has exactly the CLDR categories ${new Intl.PluralRules(language).resolvedOptions().pluralCategories.join('/')}`, () => {
      const required = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
      for (const [base, categories] of plurals(strings[language])) {
        expect([...categories].sort(), base).toEqual(required);
      }
    });

    it(`${language}: no string is empty, and each uses only placeholders its English original has`, () => {
      for (const [key, value] of strings[language]) {
        expect(value.trim(), key).not.toBe('');
        const base = key.replace(PLURAL_SUFFIX, '');
        const englishForms = [...strings.en].filter(([k]) => k.replace(PLURAL_SUFFIX, '') === base).map(([, v]) => v);
        const allowed = new Set(englishForms.flatMap(placeholders));
        for (const name of placeholders(value)) expect(allowed.has(name), `${key} uses {{${name}}}`).toBe(true);
      }
    });
  }
});
