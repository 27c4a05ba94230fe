/** RFC 4180 reading and writing, and the formula-injection protection that must survive a round trip exactly. */
import { describe, expect, it } from 'vitest';
import { protectCell, readCsv, unprotectCell, writeCsv } from '../../../../../electron/common/translation/csv';

const fieldsOf = (text: string) => readCsv(text).map((record) => record.fields);

describe('reading', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF or LF line ends', () => {
    expect(fieldsOf('a,"b,c","say ""hi"""\r\n"line\r\nbreak",x,\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['line\r\nbreak', 'x', ''],
    ]);
  });

  it('drops the BOM and reads a last record without a line end', () => {
    expect(fieldsOf('\uFEFFid,en\r\n1,convoy')).toEqual([
      ['id', 'en'],
      ['1', 'convoy'],
    ]);
  });

  it('gives each record the line it starts on, counting line breaks inside quoted fields', () => {
    expect(readCsv('h\r\n"a\r\nb\nc"\r\nd\r\n').map((record) => record.line)).toEqual([1, 2, 5]);
  });

  it('marks a stray quote and an unterminated quoted field, keeping the other records', () => {
    const records = readCsv('ok,1\r\nbad"quote,2\r\n"closed"then,3\r\nfine,4\r\n"open,5\r\nrest');
    expect(records.map((record) => record.error ?? null)).toEqual([null, 'csv-stray-quote', 'csv-stray-quote', null, 'csv-unterminated-quote']);
    expect(records[3]!.fields).toEqual(['fine', '4']);
  });
});

describe('writing', () => {
  it('starts with a BOM, ends every record with CRLF and quotes only where needed', () => {
    expect(writeCsv([['id', 'a,b'], ['x"y', 'two\nlines']])).toBe('\uFEFFid,"a,b"\r\n"x""y","two\nlines"\r\n');
  });

  it('puts an apostrophe before every cell a spreadsheet would run as a formula', () => {
    for (const formula of ['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(protectCell(formula)).toBe(`'${formula}`);
    }
    expect(protectCell('convoy')).toBe('convoy');
    expect(protectCell('a=b')).toBe('a=b');
  });

  it('round-trips every value exactly, including apostrophes typed before a formula character or another apostrophe', () => {
    const values = ['=1+1', "'=1+1", "''", "'", "'word", '-', '@', 'plain', '', ' lead', 'מחסום', 'حاجز', '"', '\r\n', '\n=x'];
    const rows = [values, values.map((value) => `${value}${value}`)];
    expect(fieldsOf(writeCsv(rows))).toEqual(rows);
    for (const value of values) expect(unprotectCell(protectCell(value))).toBe(value);
  });

  it('leaves an apostrophe a person typed before an ordinary word when importing', () => {
    expect(unprotectCell("'tis")).toBe("'tis");
  });
});
