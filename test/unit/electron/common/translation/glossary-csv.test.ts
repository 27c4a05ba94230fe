/** The glossary through a CSV file and back, and what import does with bad rows. */
import { describe, expect, it } from 'vitest';
import { GlossaryCsvExportError, glossaryFromCsv, glossaryToCsv } from '../../../../../electron/common/translation/glossary-csv';
import { GlossaryEntry } from '../../../../../electron/common/translation/glossary-entry';
import { canonical, naughtyEntries, ORDINARY_ENTRIES } from './glossary-fixtures';

const HEADER = 'id,en,he,ar,forms_en,forms_he,forms_ar,forbidden_en,forbidden_he,forbidden_ar,note';

describe('round trip', () => {
  it('gives back the same entries, variants one per line in their cell', () => {
    const csv = glossaryToCsv(ORDINARY_ENTRIES);
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csv).toContain('"border gate\ncheckpoint"');
    expect(glossaryFromCsv(csv)).toEqual({ entries: canonical(ORDINARY_ENTRIES), errors: [] });
  });

  it('gives back every naughty string exactly, formula-like ones protected in the file', (context) => {
    const entries = naughtyEntries({ variants: false });
    if (entries === null) return context.skip();
    // Variants with a line break cannot be exported (see below); the rest go in as variants too.
    const withVariants = entries.map((entry) => (/[\r\n]/u.test(entry.terms.en!) ? entry : { ...entry, forms: { ar: [entry.terms.en!] }, forbidden: { he: [entry.terms.en!] } }));
    const csv = glossaryToCsv(withVariants);
    expect(csv).not.toMatch(/(^|,|\r\n)[=+\-@]/u);
    const back = glossaryFromCsv(csv);
    expect(back.errors).toEqual([]);
    expect(back.entries).toEqual(canonical(withVariants));
    console.log(`glossary CSV: ${entries.length} naughty strings round-tripped`);
  });

  it('refuses to export a forbidden variant holding a line break, naming the entry', () => {
    const entry = GlossaryEntry.parse({ id: 'two-lines', terms: { en: 'a', he: 'ב' }, forbidden: { en: ['one\ntwo'] } });
    expect(() => glossaryToCsv([entry])).toThrow(GlossaryCsvExportError);
  });
});

describe('import', () => {
  it('keeps the good rows and reports each bad one by line with a code', () => {
    const csv = [
      HEADER,
      'ok-1,convoy,שיירה,قافلة,,,,',
      'bad id!,convoy,שיירה,,,,,',
      'one-language,convoy,,,,,,',
      '"multi-line-ok","convoy","שיירה',
      'second line",,,,,',
      'ok-1,duplicate,כפול,,,,,',
      'too,many,cells,,,,,,,,,,',
      'stray"quote,a,b,,,,,',
      `long,${'x'.repeat(201)},ש,,,,,`,
      'ok-2,"patrol",סיור,,patrols,,,"recon\n\nsweep",,,',
    ].join('\r\n');
    const result = glossaryFromCsv(csv);
    expect(result.errors).toEqual([
      { line: 3, code: 'invalid-id' },
      { line: 4, code: 'too-few-terms' },
      { line: 7, code: 'duplicate-id' },
      { line: 8, code: 'wrong-field-count' },
      { line: 9, code: 'csv-stray-quote' },
      { line: 10, code: 'invalid-term' },
    ]);
    expect(result.entries.map((entry) => entry.id)).toEqual(['ok-1', 'multi-line-ok', 'ok-2']);
    expect(result.entries[1]!.terms.he).toBe('שיירה\r\nsecond line');
    expect(result.entries[2]).toMatchObject({ forms: { en: ['patrols'] }, forbidden: { en: ['recon', 'sweep'] } });
  });

  it('takes columns in any order and case, and rows that leave the last cells out', () => {
    const result = glossaryFromCsv('Note,EN,id,he\r\nno note needed,convoy,c1,שיירה\r\n,patrol,c2,סיור');
    expect(result.errors).toEqual([]);
    expect(result.entries).toEqual([
      { id: 'c1', terms: { en: 'convoy', he: 'שיירה' }, forbidden: {}, note: 'no note needed' },
      { id: 'c2', terms: { en: 'patrol', he: 'סיור' }, forbidden: {}, note: '' },
    ]);
  });

  it('refuses a file whose header it cannot read, as a whole', () => {
    expect(glossaryFromCsv('')).toEqual({ entries: [], errors: [{ line: 1, code: 'empty-file' }] });
    expect(glossaryFromCsv('id,en,fr\r\nx,a,b').errors).toEqual([{ line: 1, code: 'unknown-column' }]);
    expect(glossaryFromCsv('en,he\r\na,b').errors).toEqual([{ line: 1, code: 'missing-id-column' }]);
    expect(glossaryFromCsv('id,en,EN\r\nx,a,b').errors).toEqual([{ line: 1, code: 'duplicate-column' }]);
  });

  it('skips blank rows, as spreadsheets leave them at the end', () => {
    expect(glossaryFromCsv(`${HEADER}\r\nc1,convoy,שיירה,,,,,\r\n,,,,,,,\r\n\r\n`).entries).toHaveLength(1);
  });
});
