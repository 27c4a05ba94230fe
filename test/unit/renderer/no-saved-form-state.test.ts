/**
 * Every text field of the UI says autocomplete="off": Chromium saves the value of other fields as form state (for
 * session restore and autofill) in the profile folder, which would put drafts, search terms and passphrases on disk
 * in plaintext. The canary end-to-end test proves the effect; this keeps each new field honest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../../support/vectors';

function* tsxFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* tsxFiles(full);
    else if (entry.name.endsWith('.tsx')) yield full;
  }
}

it('gives every text input and textarea autoComplete="off"', () => {
  const offenders: string[] = [];
  for (const file of tsxFiles(path.join(repoRoot, 'renderer'))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/<(input|textarea)\b[^>]*?\/?>/gs)) {
      const element = match[0];
      if (/type="(checkbox|radio)"/.test(element)) continue;
      if (!/autoComplete="off"/.test(element)) offenders.push(`${path.relative(repoRoot, file)}: ${element.slice(0, 80).replace(/\s+/g, ' ')}`);
    }
  }
  expect(offenders).toEqual([]);
});
