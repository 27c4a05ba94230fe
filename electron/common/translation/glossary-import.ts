/**
 * What importing a glossary file (CSV or TBX) gives back: the good entries, and for each problem its line and a code
 * the UI translates (never an English sentence). A problem with one entry costs that entry only.
 */
import { GlossaryEntry } from './glossary-entry';
import { CSV_ERROR_CODES } from './csv';
import { XML_ERROR_CODES } from './xml-reader';

export const GLOSSARY_IMPORT_ERROR_CODES = [
  // The whole file.
  'empty-file',
  'unknown-column',
  'duplicate-column',
  'missing-id-column',
  'not-tbx',
  ...XML_ERROR_CODES.map((code) => `xml-${code}` as const),
  // One entry, which is left out.
  ...CSV_ERROR_CODES,
  'wrong-field-count',
  'invalid-id',
  'duplicate-id',
  'invalid-term',
  'too-few-terms',
  'several-preferred-terms',
  'invalid-variant',
  'invalid-note',
  'invalid-entry',
] as const;
export type GlossaryImportErrorCode = (typeof GLOSSARY_IMPORT_ERROR_CODES)[number];

export interface GlossaryImportError {
  /** 1-based line in the file (the header is line 1 of a CSV file). */
  readonly line: number;
  readonly code: GlossaryImportErrorCode;
}

export interface GlossaryImport {
  readonly entries: GlossaryEntry[];
  readonly errors: GlossaryImportError[];
}

/** Gathers an import's entries and errors; entries are judged by the schema and must have distinct ids. */
export class GlossaryImportCollector {
  private readonly entries: GlossaryEntry[] = [];
  private readonly errors: GlossaryImportError[] = [];
  private readonly ids = new Set<string>();

  error(line: number, code: GlossaryImportErrorCode): void {
    this.errors.push({ line, code });
  }

  /** Keeps the candidate if it is a valid entry with a new id, else records why not. */
  add(candidate: unknown, line: number): void {
    const parsed = GlossaryEntry.safeParse(candidate);
    if (!parsed.success) this.error(line, glossaryIssueCode(parsed.error.issues[0]?.path ?? []));
    else if (this.ids.has(parsed.data.id)) this.error(line, 'duplicate-id');
    else {
      this.ids.add(parsed.data.id);
      this.entries.push(withoutEmptyVariants(parsed.data));
    }
  }

  result(): GlossaryImport {
    return { entries: this.entries, errors: this.errors };
  }
}

/** The code for the first schema problem of an entry, from the path zod reports it at. */
function glossaryIssueCode(path: readonly PropertyKey[]): GlossaryImportErrorCode {
  switch (path[0]) {
    case 'id':
      return 'invalid-id';
    case 'terms':
      // The at-least-two-languages rule is reported on the terms object itself; a bad single term on its language.
      return path.length === 1 ? 'too-few-terms' : 'invalid-term';
    case 'forms':
    case 'forbidden':
      return 'invalid-variant';
    case 'note':
      return 'invalid-note';
    default:
      return 'invalid-entry';
  }
}

type VariantLists = GlossaryEntry['forbidden'];

const nonEmptyLists = (lists: VariantLists): VariantLists =>
  Object.fromEntries(Object.entries(lists).filter(([, variants]) => variants !== undefined && variants.length > 0));

/**
 * The one spelling of "no variants (forbidden, or other forms) in this language": the key absent, and `forms` absent
 * altogether when it has none. A file cannot tell an empty list from an absent one, so imports give this form, and a
 * round trip is exact up to it.
 */
export function withoutEmptyVariants(entry: GlossaryEntry): GlossaryEntry {
  const { forms, ...rest } = entry;
  const keptForms = nonEmptyLists(forms ?? {});
  return { ...rest, forbidden: nonEmptyLists(entry.forbidden), ...(Object.keys(keptForms).length > 0 ? { forms: keptForms } : {}) };
}
