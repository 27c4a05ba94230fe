import { describe, it, expect } from 'vitest';
import {
  DIGIT_STYLES,
  formatNumber,
  normalizeDigits,
  parseNumber,
  toDigitStyle,
} from '../../../../electron/common/digits';

const LRM = '\u200E';
const RLM = '\u200F';
const ALM = '\u061C';

describe('normalizeDigits', () => {
  it('rewrites both Arabic digit sets as ASCII', () => {
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('maps the Arabic decimal separator and drops the thousands separator between digits', () => {
    expect(normalizeDigits('١٬٢٣٤٫٥')).toBe('1234.5');
    expect(normalizeDigits('۱٬۲۳۴٫۵')).toBe('1234.5');
    expect(normalizeDigits('a٬b')).toBe('a٬b');
  });

  it('leaves running text alone', () => {
    expect(normalizeDigits('الساعة ١٤:٠٠ - 3 km')).toBe('الساعة 14:00 - 3 km');
  });
});

describe('parseNumber', () => {
  it('parses integers in each digit set', () => {
    expect(parseNumber('1234')).toBe(1234);
    expect(parseNumber('١٢٣٤')).toBe(1234);
    expect(parseNumber('۱۲۳۴')).toBe(1234);
    expect(parseNumber('0')).toBe(0);
  });

  it('parses decimals with "." and U+066B', () => {
    expect(parseNumber('12.75')).toBe(12.75);
    expect(parseNumber('١٢٫٧٥')).toBe(12.75);
    expect(parseNumber('۱۲٫۷۵')).toBe(12.75);
    expect(parseNumber('١٢.٧٥')).toBe(12.75);
  });

  it('parses grouping with "," and U+066C', () => {
    expect(parseNumber('1,234,567.5')).toBe(1234567.5);
    expect(parseNumber('١٬٢٣٤٬٥٦٧٫٥')).toBe(1234567.5);
    expect(parseNumber('۱٬۲۳۴٬۵۶۷')).toBe(1234567);
    expect(parseNumber('999,999')).toBe(999999);
  });

  it('parses signs: "-", U+2212 and "+"', () => {
    expect(parseNumber('-42')).toBe(-42);
    expect(parseNumber('\u2212١٢٫٥')).toBe(-12.5);
    expect(parseNumber('-۱٬۰۰۰')).toBe(-1000);
    expect(parseNumber('+7')).toBe(7);
  });

  it('ignores surrounding whitespace and bidi marks', () => {
    expect(parseNumber(`  ${LRM}1,234${RLM} `)).toBe(1234);
    expect(parseNumber(`${ALM}-١٢`)).toBe(-12);
    expect(parseNumber(`${LRM}-${LRM}۱۲`)).toBe(-12);
  });

  it('rejects mixed digit sets within one number', () => {
    expect(parseNumber('1٢3')).toBeNull();
    expect(parseNumber('١۲')).toBeNull();
    expect(parseNumber('١٢.5')).toBeNull();
  });

  it('rejects bad grouping', () => {
    for (const bad of ['1,23', '1234,567', '12,3456', '1,234٬567', ',123', '1,', '1,5', '١٬٢٣']) {
      expect(parseNumber(bad), bad).toBeNull();
    }
  });

  it('rejects empty strings and garbage', () => {
    for (const bad of ['', '   ', LRM, '-', '--1', 'abc', '12a', '1e3', '.5', '5.', '1.2.3', 'Infinity', 'NaN', '1 234']) {
      expect(parseNumber(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('formatNumber', () => {
  it('formats 1234.5 in each style, with the style\'s own separators', () => {
    expect(formatNumber(1234.5, 'latn')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'arab')).toBe('١٬٢٣٤٫٥');
    expect(formatNumber(1234.5, 'arabext')).toBe('۱٬۲۳۴٫۵');
  });

  it('formats negatives as Intl does, with bidi marks around the sign', () => {
    expect(formatNumber(-1234.5, 'latn')).toBe('-1,234.5');
    expect(formatNumber(-1234.5, 'arab')).toBe(`${ALM}-١٬٢٣٤٫٥`);
    expect(formatNumber(-1234.5, 'arabext')).toBe(`${LRM}-${LRM}۱٬۲۳۴٫۵`);
  });

  it('honours maximumFractionDigits and useGrouping', () => {
    expect(formatNumber(1234.5678, 'latn', { maximumFractionDigits: 2 })).toBe('1,234.57');
    expect(formatNumber(1234.5, 'arab', { maximumFractionDigits: 0 })).toBe('١٬٢٣٥');
    expect(formatNumber(1234.5, 'arabext', { useGrouping: false })).toBe('۱۲۳۴٫۵');
  });

  it('never shows a minus on a value that rounds to zero', () => {
    expect(formatNumber(-0, 'latn')).toBe('0');
    expect(formatNumber(-0.001, 'arab', { maximumFractionDigits: 2 })).toBe('٠');
  });

  it('refuses non-finite values', () => {
    expect(() => formatNumber(Number.NaN, 'latn')).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY, 'arab')).toThrow(RangeError);
  });

  it('parses back to the same value in every style', () => {
    const values = [0, 7, -7, 0.25, 1234.5, -1234.5, 1_000_000, 987_654.321, -0.125];
    for (const style of DIGIT_STYLES) {
      for (const value of values) {
        expect(parseNumber(formatNumber(value, style)), `${style} ${value}`).toBe(value);
        expect(parseNumber(formatNumber(value, style, { useGrouping: false })), `${style} ${value}`).toBe(value);
      }
    }
  });
});

describe('toDigitStyle', () => {
  it('rewrites only the ASCII digits', () => {
    expect(toDigitStyle('151200Z JAN 27', 'arab')).toBe('١٥١٢٠٠Z JAN ٢٧');
    expect(toDigitStyle('36S YA 12345 67890', 'arabext')).toBe('۳۶S YA ۱۲۳۴۵ ۶۷۸۹۰');
    expect(toDigitStyle('151200Z JAN 27', 'latn')).toBe('151200Z JAN 27');
  });

  it('is undone by normalizeDigits', () => {
    for (const style of DIGIT_STYLES) {
      expect(normalizeDigits(toDigitStyle('0123456789 N33°07\'', style))).toBe('0123456789 N33°07\'');
    }
  });
});
