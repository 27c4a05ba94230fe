import { describe, it, expect } from 'vitest';
import {
  POST_TIME_ZONES,
  formatDtg,
  formatLocalTime,
  parseDtg,
  utcOffsetMinutes,
} from '../../../../../electron/common/time/dtg';

const HOUR = 3_600_000;
const { IL, SY } = POST_TIME_ZONES;

describe('formatDtg', () => {
  it('formats a known instant in UTC', () => {
    expect(formatDtg(Date.UTC(2027, 0, 15, 12, 0))).toBe('151200Z JAN 27');
    expect(formatDtg(new Date('2026-08-03T07:05:00Z'))).toBe('030705Z AUG 26');
  });

  it('drops seconds rather than rounding them', () => {
    expect(formatDtg(Date.UTC(2027, 0, 15, 12, 0, 59, 999))).toBe('151200Z JAN 27');
  });

  it('handles midnight and the year boundary', () => {
    expect(formatDtg(Date.UTC(2026, 11, 31, 23, 59))).toBe('312359Z DEC 26');
    expect(formatDtg(Date.UTC(2027, 0, 1, 0, 0))).toBe('010000Z JAN 27');
    expect(formatDtg(Date.UTC(2099, 11, 31, 0, 0))).toBe('310000Z DEC 99');
    expect(formatDtg(Date.UTC(2000, 0, 1, 0, 0))).toBe('010000Z JAN 00');
  });

  it('uses UTC, not the local time at either post', () => {
    // 01:30 in Jerusalem and Damascus on 1 Jan is still the previous day in UTC.
    expect(formatDtg(Date.UTC(2026, 11, 31, 22, 30))).toBe('312230Z DEC 26');
  });

  it('refuses invalid instants and years a two-digit year cannot carry', () => {
    expect(() => formatDtg(Number.NaN)).toThrow(RangeError);
    expect(() => formatDtg(new Date('nonsense'))).toThrow(RangeError);
    expect(() => formatDtg(Date.UTC(1999, 11, 31))).toThrow(RangeError);
    expect(() => formatDtg(Date.UTC(2100, 0, 1))).toThrow(RangeError);
  });
});

describe('parseDtg', () => {
  it('parses a DTG to epoch ms', () => {
    expect(parseDtg('151200Z JAN 27')).toBe(Date.UTC(2027, 0, 15, 12, 0));
    expect(parseDtg('010000Z JAN 00')).toBe(Date.UTC(2000, 0, 1));
    expect(parseDtg('290000Z FEB 28')).toBe(Date.UTC(2028, 1, 29)); // leap year
  });

  it('accepts Arabic-Indic and Extended Arabic-Indic digits, any case and surrounding bidi marks', () => {
    expect(parseDtg('١٥١٢٠٠Z JAN ٢٧')).toBe(Date.UTC(2027, 0, 15, 12));
    expect(parseDtg('۱۵۱۲۰۰Z JAN ۲۷')).toBe(Date.UTC(2027, 0, 15, 12));
    expect(parseDtg('151200z Jan 27')).toBe(Date.UTC(2027, 0, 15, 12));
    expect(parseDtg('\u200E 151200Z JAN 27\u200F\n')).toBe(Date.UTC(2027, 0, 15, 12));
  });

  it('accepts the compact form signals use, without the spaces', () => {
    for (const text of ['151200ZJAN27', '151200Z JAN27', '151200ZJAN 27', '151200Z  JAN 27', '١٥١٢٠٠zjan٢٧']) expect(parseDtg(text), text).toBe(Date.UTC(2027, 0, 15, 12));
  });

  it('round-trips with formatDtg', () => {
    const instants = [
      Date.UTC(2026, 2, 27, 0, 0),
      Date.UTC(2026, 11, 31, 23, 59),
      Date.UTC(2027, 0, 1, 0, 0),
      Date.UTC(2028, 1, 29, 13, 7),
      Date.UTC(2045, 6, 4, 9, 30),
    ];
    for (const ms of instants) expect(parseDtg(formatDtg(ms))).toBe(ms);
    for (const dtg of ['151200Z JAN 27', '312359Z DEC 26', '010000Z MAR 30']) expect(formatDtg(parseDtg(dtg)!)).toBe(dtg);
  });

  it('rejects invalid DTGs', () => {
    const bad = [
      '', 'garbage', '151200 JAN 27', '151200Z JAN 2027', '1512Z JAN 27', '1512 00Z JAN 27', '151200Z JAN 2 7',
      '151200Z JAX 27', '151200Z JANUARY 27', '152400Z JAN 27', '151260Z JAN 27', '001200Z JAN 27',
      '321200Z JAN 27', '311200Z APR 27', '290000Z FEB 27', '300000Z FEB 28', '1a1200Z JAN 27',
    ];
    for (const text of bad) expect(parseDtg(text), text).toBeNull();
  });
});

// Israel: UTC+3 from the Friday before the last Sunday of March, 02:00 local, until the last Sunday of October,
// 02:00 local. The dates below are derived from that rule independently of Intl, then checked against it.
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

describe('Israeli summer-time switch days', () => {
  const cases = [
    // spring: 02:00 IST (UTC+2) = 00:00 UTC; autumn: 02:00 IDT (UTC+3) = 23:00 UTC the day before.
    { year: 2026, spring: Date.UTC(2026, 2, 27, 0), autumn: Date.UTC(2026, 9, 24, 23) },
    { year: 2027, spring: Date.UTC(2027, 2, 26, 0), autumn: Date.UTC(2027, 9, 30, 23) },
  ];

  it('the switch dates follow the rule', () => {
    for (const { year, spring, autumn } of cases) {
      expect(new Date(spring).getUTCDate()).toBe(lastSunday(year, 2) - 2);
      expect(new Date(autumn + HOUR).getUTCDate()).toBe(lastSunday(year, 9));
    }
  });

  it('offsets an hour either side of each switch', () => {
    for (const { spring, autumn } of cases) {
      expect(utcOffsetMinutes(spring - HOUR, IL)).toBe(120);
      expect(utcOffsetMinutes(spring - 1, IL)).toBe(120);
      expect(utcOffsetMinutes(spring, IL)).toBe(180);
      expect(utcOffsetMinutes(spring + HOUR, IL)).toBe(180);
      expect(utcOffsetMinutes(autumn - HOUR, IL)).toBe(180);
      expect(utcOffsetMinutes(autumn - 1, IL)).toBe(180);
      expect(utcOffsetMinutes(autumn, IL)).toBe(120);
      expect(utcOffsetMinutes(autumn + HOUR, IL)).toBe(120);
    }
  });

  it('local time skips 02:00-03:00 in spring and repeats 01:00-02:00 in autumn', () => {
    const opts = { locale: 'he', digits: 'latn' } as const;
    for (const { spring, autumn } of cases) {
      expect(formatLocalTime(spring - HOUR, IL, opts)).toBe('01:00 (UTC+2)');
      expect(formatLocalTime(spring, IL, opts)).toBe('03:00 (UTC+3)');
      expect(formatLocalTime(spring + HOUR, IL, opts)).toBe('04:00 (UTC+3)');
      expect(formatLocalTime(autumn - HOUR, IL, opts)).toBe('01:00 (UTC+3)');
      expect(formatLocalTime(autumn, IL, opts)).toBe('01:00 (UTC+2)');
      expect(formatLocalTime(autumn + HOUR, IL, opts)).toBe('02:00 (UTC+2)');
    }
  });
});

describe('Damascus', () => {
  it('is UTC+3 in January and in July (no DST since October 2022)', () => {
    expect(utcOffsetMinutes(Date.UTC(2027, 0, 15, 12), SY)).toBe(180);
    expect(utcOffsetMinutes(Date.UTC(2027, 6, 15, 12), SY)).toBe(180);
    expect(formatLocalTime(Date.UTC(2027, 0, 15, 12), SY, { locale: 'ar', digits: 'latn' })).toBe('15:00 (UTC+3)');
    expect(formatLocalTime(Date.UTC(2027, 6, 15, 12), SY, { locale: 'ar', digits: 'latn' })).toBe('15:00 (UTC+3)');
  });

  it('differs from Jerusalem by one hour in winter and none in summer', () => {
    expect(formatLocalTime(Date.UTC(2027, 0, 15, 12), IL, { locale: 'en', digits: 'latn' })).toBe('14:00 (UTC+2)');
    expect(formatLocalTime(Date.UTC(2027, 6, 15, 12), IL, { locale: 'en', digits: 'latn' })).toBe('15:00 (UTC+3)');
  });
});

describe('formatLocalTime', () => {
  const noon = Date.UTC(2027, 0, 15, 12);

  it('renders the pinned digit style whatever the locale', () => {
    for (const locale of ['en', 'he', 'ar', 'ar-SY', 'fa']) {
      expect(formatLocalTime(noon, SY, { locale, digits: 'latn' })).toBe('15:00 (UTC+3)');
      expect(formatLocalTime(noon, SY, { locale, digits: 'arab' })).toBe('١٥:٠٠ (UTC+٣)');
      expect(formatLocalTime(noon, IL, { locale, digits: 'arabext' })).toBe('۱۴:۰۰ (UTC+۲)');
    }
  });

  it('shows midnight as 00:00, not 24:00', () => {
    expect(formatLocalTime(Date.UTC(2027, 0, 14, 22), IL, { locale: 'en', digits: 'latn' })).toBe('00:00 (UTC+2)');
  });

  it('shows non-whole-hour and negative offsets', () => {
    expect(utcOffsetMinutes(noon, 'Asia/Kolkata')).toBe(330);
    expect(formatLocalTime(noon, 'Asia/Kolkata', { locale: 'en', digits: 'latn' })).toBe('17:30 (UTC+5:30)');
    expect(formatLocalTime(noon, 'America/New_York', { locale: 'en', digits: 'latn' })).toBe('07:00 (UTC-5)');
    expect(formatLocalTime(noon, 'UTC', { locale: 'en', digits: 'latn' })).toBe('12:00 (UTC+0)');
  });
});
