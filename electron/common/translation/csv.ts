/**
 * RFC 4180 CSV, for glossary files that people edit in a spreadsheet. Reading accepts what spreadsheets write: a UTF-8
 * BOM, CRLF or LF line ends, quoted fields with embedded quotes and line breaks. Writing emits CRLF, a BOM (so Excel
 * reads the file as UTF-8 rather than the machine's code page), and quotes only where needed.
 *
 * Formula injection: a spreadsheet runs a cell starting with = + - @ (or tab/CR, which some strip first) as a formula,
 * so a hostile term such as `=HYPERLINK(...)` would run on the desk's machine when the export is opened. The writer
 * puts an apostrophe before such a cell (the spreadsheet shows it as text and hides the apostrophe), and before a cell
 * that already starts with an apostrophe. The reader removes exactly that one apostrophe — where it is followed by one
 * of those characters or by another apostrophe — so every value survives export then import unchanged, while an
 * apostrophe a person typed before an ordinary word stays.
 */

/** Errors on one record; the record's fields are still returned, as far as they could be read. */
export const CSV_ERROR_CODES = ['csv-unterminated-quote', 'csv-stray-quote'] as const;
export type CsvErrorCode = (typeof CSV_ERROR_CODES)[number];

export interface CsvRecord {
  readonly fields: readonly string[];
  /** 1-based physical line on which the record starts (a quoted field may span several). */
  readonly line: number;
  readonly error?: CsvErrorCode;
}

const FORMULA_START = /^[=+\-@\t\r]/u;
const PROTECTED = /^'[=+\-@\t\r']/u;

/** The cell as written to a file: an apostrophe before anything a spreadsheet would run (see the header). */
export const protectCell = (value: string): string => (FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value);

/** The inverse of `protectCell`. */
export const unprotectCell = (cell: string): string => (PROTECTED.test(cell) ? cell.slice(1) : cell);

const NEEDS_QUOTES = /[",\r\n]/u;

const quoteCell = (cell: string): string => (NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A whole file: BOM, header and rows, CRLF after every record; every cell protected against formulas. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => `${row.map((value) => quoteCell(protectCell(value))).join(',')}\r\n`).join('')}`;
}

class RecordBuilder {
  fields: string[] = [];
  field = '';
  line = 1;
  error: CsvErrorCode | undefined;

  endField(): void {
    this.fields.push(unprotectCell(this.field));
    this.field = '';
  }

  take(): CsvRecord {
    this.endField();
    const record: CsvRecord = this.error === undefined ? { fields: this.fields, line: this.line } : { fields: this.fields, line: this.line, error: this.error };
    this.fields = [];
    this.error = undefined;
    return record;
  }
}

/**
 * Every record of the file, with its line. A record with a quote where RFC 4180 allows none (inside an unquoted
 * field, or after a closing quote) is returned with `csv-stray-quote` and the quote kept as text; an unterminated
 * quoted field runs to the end of the file and is returned with `csv-unterminated-quote`. A blank last line is not a
 * record.
 */
export function readCsv(text: string): CsvRecord[] {
  const input = text.replace(/^\uFEFF/u, '');
  const records: CsvRecord[] = [];
  const record = new RecordBuilder();
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === '"' && record.field === '') {
      // A quoted field: up to the closing quote, "" being one quote; line breaks inside belong to the value.
      let closed = false;
      for (i += 1; i < input.length; i += 1) {
        const inner = input[i]!;
        if (inner === '"' && input[i + 1] === '"') {
          record.field += '"';
          i += 1;
        } else if (inner === '"') {
          closed = true;
          i += 1;
          break;
        } else {
          if (inner === '\n' || (inner === '\r' && input[i + 1] !== '\n')) line += 1;
          record.field += inner;
        }
      }
      if (!closed) record.error = 'csv-unterminated-quote';
      else if (i < input.length && !',\r\n'.includes(input[i]!)) record.error = 'csv-stray-quote';
      continue;
    }
    if (ch === ',') record.endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i += 1;
      records.push(record.take());
      line += 1;
      record.line = line;
    } else {
      if (ch === '"') record.error = 'csv-stray-quote';
      record.field += ch;
    }
    i += 1;
  }
  if (record.fields.length > 0 || record.field !== '' || record.error !== undefined) records.push(record.take());
  return records;
}
