/**
 * The stylesheets use logical properties only, so that Hebrew and Arabic mirror the layout from `<html dir>` alone:
 * no left/right/top/bottom property or value, no width/height, and no three- or four-value margin, padding or inset
 * shorthand (those name physical sides). Two-value shorthands are symmetric, so they are direction-free.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const stylesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../renderer/styles');

const PHYSICAL: readonly [RegExp, string][] = [
  [/(^|[\s;{])(margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right|top|bottom)\b/, 'physical side property'],
  [/(^|[\s;{])border-(top|bottom)-(left|right)-radius\b/, 'physical corner'],
  [/(^|[\s;{])(left|right|top|bottom)\s*:/, 'physical offset'],
  [/(^|[\s;{])(min-|max-)?(width|height)\s*:/, 'physical size (use inline-size / block-size)'],
  [/(^|[\s;{])(text-align|float|clear|resize)\s*:\s*(left|right)\b/, 'physical value'],
  [/(^|[\s;{])(margin|padding|inset)\s*:\s*[^;{}]*\S\s+\S+\s+\S+[^;{}]*;/, 'three- or four-value shorthand'],
];

/** Declarations only: comments and custom-property values say nothing about layout. */
const declarations = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/--[\w-]+\s*:[^;]*;/g, '');

describe('stylesheets', () => {
  const files = readdirSync(stylesDir).filter((file) => file.endsWith('.css'));

  it('exist', () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    it(`${file} uses logical properties only`, () => {
      const found: string[] = [];
      declarations(readFileSync(path.join(stylesDir, file), 'utf8'))
        .split('\n')
        .forEach((line, index) => {
          for (const [pattern, what] of PHYSICAL) if (pattern.test(line)) found.push(`${index + 1}: ${what}: ${line.trim()}`);
        });
      expect(found).toEqual([]);
    });
  }

  it('would catch a physical property', () => {
    const sample = '.x {\n  margin-left: 1rem;\n  padding: 1px 2px 3px 4px;\n  width: 2rem;\n  text-align: right;\n}';
    const hits = declarations(sample)
      .split('\n')
      .filter((line) => PHYSICAL.some(([pattern]) => pattern.test(line)));
    expect(hits).toHaveLength(4);
  });
});
