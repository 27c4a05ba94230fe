/**
 * The glossary as a CSV file for a spreadsheet: one entry per row, columns
 * `id, en, he, ar, forms_en, forms_he, forms_ar, forbidden_en, forbidden_he, forbidden_ar, note`.
 *
 * Other accepted forms and forbidden variants share one cell per language, one variant per line (a multi-line cell,
 * Alt+Enter in Excel): a variant is a wording matched inside a sentence, so it never holds a line break itself,
 * whereas any printable separator (`|`, `;`, `/`) can occur in a term. The schema does not forbid a line break inside
 * a variant, so export refuses such an entry rather than turning one variant into two.
 *
 * Import keeps every good row and reports each bad one by its line, with a code the UI translates. Columns may come in
 * any order; an unknown column fails the whole file (it is more likely a misnamed column than data to drop).
 */
import { readCsv, writeCsv } from './csv';
import type { GlossaryEntry } from './glossary-entry';
import { type GlossaryImport, GlossaryImportCollector, type GlossaryImportError } from './glossary-import';
import { LANGUAGES, type Language } from '../settings';

export const GLOSSARY_CSV_COLUMNS = ['id', 'en', 'he', 'ar', 'forms_en', 'forms_he', 'forms_ar', 'forbidden_en', 'forbidden_he', 'forbidden_ar', 'note'] as const;
type Column = (typeof GLOSSARY_CSV_COLUMNS)[number];

/** The two kinds of variant list, each with one column per language. */
const VARIANT_LISTS = ['forms', 'forbidden'] as const;
type VariantList = (typeof VARIANT_LISTS)[number];
const variantColumn = (list: VariantList, language: Language): Column => `${list}_${language}`;

const LINE_BREAK = /\r\n|\r|\n/u;

export class GlossaryCsvExportError extends Error {
  readonly code = 'variant-line-break';
  constructor(readonly entryId: string) {
    super(`glossary entry ${entryId} has a variant with a line break, which a CSV cell cannot separate`);
    this.name = 'GlossaryCsvExportError';
  }
}

function rowOf(entry: GlossaryEntry): string[] {
  const cells = new Map<Column, string>([
    ['id', entry.id],
    ['note', entry.note],
  ]);
  for (const language of LANGUAGES) {
    cells.set(language, entry.terms[language] ?? '');
    for (const list of VARIANT_LISTS) {
      const variants = entry[list]?.[language] ?? [];
      if (variants.some((variant) => LINE_BREAK.test(variant))) throw new GlossaryCsvExportError(entry.id);
      cells.set(variantColumn(list, language), variants.join('\n'));
    }
  }
  return GLOSSARY_CSV_COLUMNS.map((column) => cells.get(column) ?? '');
}

/** The file's text (BOM, CRLF, formula-protected cells). Throws `GlossaryCsvExportError` for an unrepresentable entry. */
export function glossaryToCsv(entries: readonly GlossaryEntry[]): string {
  return writeCsv([[...GLOSSARY_CSV_COLUMNS], ...entries.map(rowOf)]);
}

/** Which column is where; null with the error when the header is unusable. */
function readHeader(fields: readonly string[]): Map<Column, number> | GlossaryImportError {
  const positions = new Map<Column, number>();
  for (const [index, raw] of fields.entries()) {
    const name = raw.trim().toLowerCase();
    const column = GLOSSARY_CSV_COLUMNS.find((known) => known === name);
    if (column === undefined) return { line: 1, code: 'unknown-column' };
    if (positions.has(column)) return { line: 1, code: 'duplicate-column' };
    positions.set(column, index);
  }
  return positions.has('id') ? positions : { line: 1, code: 'missing-id-column' };
}

function entryOf(fields: readonly string[], columns: ReadonlyMap<Column, number>): unknown {
  const cell = (column: Column): string => {
    const index = columns.get(column);
    return index === undefined ? '' : (fields[index] ?? '');
  };
  const terms: Partial<Record<Language, string>> = {};
  const lists: Record<VariantList, Partial<Record<Language, string[]>>> = { forms: {}, forbidden: {} };
  for (const language of LANGUAGES) {
    // An empty cell is no term (the schema would trim it to nothing and refuse it); a blank line inside a variants
    // cell, as a spreadsheet leaves after a trailing Alt+Enter, is no variant.
    if (cell(language).trim() !== '') terms[language] = cell(language);
    for (const list of VARIANT_LISTS) {
      const variants = cell(variantColumn(list, language))
        .split(LINE_BREAK)
        .filter((variant) => variant.trim() !== '');
      if (variants.length > 0) lists[list][language] = variants;
    }
  }
  return { id: cell('id').trim(), terms, ...lists, note: cell('note') };
}

export function glossaryFromCsv(text: string): GlossaryImport {
  const [header, ...rows] = readCsv(text);
  if (header === undefined) return { entries: [], errors: [{ line: 1, code: 'empty-file' }] };
  const columns = readHeader(header.fields);
  if (!(columns instanceof Map)) return { entries: [], errors: [columns] };
  const collector = new GlossaryImportCollector();
  for (const row of rows) {
    if (row.fields.every((field) => field.trim() === '')) continue;
    if (row.error !== undefined) collector.error(row.line, row.error);
    // Fewer cells than columns is what a hand-written file has when it leaves the last ones empty; more is a shifted row.
    else if (row.fields.length > header.fields.length) collector.error(row.line, 'wrong-field-count');
    else collector.add(entryOf(row.fields, columns), row.line);
  }
  return collector.result();
}
