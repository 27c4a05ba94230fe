// Date-time groups and the local times at the two posts (DESIGN §3). A DTG is the authoritative time of a message:
// always UTC, always ASCII, never localised, so that all three parties quote the same token. Local times are only
// a convenience shown beside it.

import { normalizeDigits, toDigitStyle, type DigitStyle } from '../digits';

/** IANA zones of the posts. Damascus has been UTC+3 all year since Syria abolished DST in October 2022. */
export const POST_TIME_ZONES = { IL: 'Asia/Jerusalem', SY: 'Asia/Damascus' } as const;

// Fixed English abbreviations rather than Intl month names: a DTG must read the same in every UI language.
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

function toEpochMs(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid instant');
  return ms;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Formats an instant as a DTG, e.g. `151200Z JAN 27` (seconds are dropped, as in the military format). The year
 * has two digits and is read back as 20YY, so instants outside 2000–2099 are refused rather than made ambiguous.
 */
export function formatDtg(instant: Date | number): string {
  const d = new Date(toEpochMs(instant));
  const year = d.getUTCFullYear();
  if (year < 2000 || year > 2099) throw new RangeError(`DTG year out of range 2000-2099: ${year}`);
  const day = pad2(d.getUTCDate()) + pad2(d.getUTCHours()) + pad2(d.getUTCMinutes());
  return `${day}Z ${MONTHS[d.getUTCMonth()]} ${pad2(year % 100)}`;
}

/** Spaces between the time, month and year are optional: "151200ZJAN27" is how many signals write it. */
const DTG_SHAPE = /^(\d{2})(\d{2})(\d{2})Z\s*([A-Z]{3})\s*(\d{2})$/;

/**
 * Parses a DTG into epoch milliseconds. Digits may be ASCII, Arabic-Indic or Extended Arabic-Indic (a DTG typed on
 * an Arabic keyboard); the month abbreviation and 'Z' are case-insensitive; the spaces after 'Z' and the month may be
 * left out. Surrounding whitespace and bidi marks are ignored. Returns null for anything malformed or for a date that does not exist (31 APR, 29 FEB 27, 2400Z).
 */
export function parseDtg(text: string): number | null {
  const cleaned = normalizeDigits(text)
    .replace(/^[\s\u200E\u200F\u061C]+|[\s\u200E\u200F\u061C]+$/gu, '')
    .toUpperCase();
  const m = DTG_SHAPE.exec(cleaned);
  if (m === null) return null;
  const [day, hour, minute, year] = [m[1], m[2], m[3], m[5]].map(Number) as [number, number, number, number];
  const month = MONTHS.indexOf(m[4] as (typeof MONTHS)[number]);
  if (month < 0 || hour > 23 || minute > 59 || day < 1) return null;
  const ms = Date.UTC(2000 + year, month, day, hour, minute);
  // Date.UTC rolls over silently (31 APR becomes 1 MAY); a round trip through the day of month catches that.
  return new Date(ms).getUTCDate() === day ? ms : null;
}

/**
 * Intl.DateTimeFormat objects are costly to build (tens of microseconds, far more than formatting with one) and a
 * list of messages formats thousands of times with a handful of option sets, so each set's formatter is built once.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * The zone's offset from UTC at that instant, in minutes (e.g. 120 for Jerusalem in winter, 180 in summer). Taken
 * from Intl's tz data ('longOffset' gives "GMT+02:00", or "GMT" at zero) so that DST rules are never hand-coded.
 */
export function utcOffsetMinutes(instant: Date | number, timeZone: string): number {
  const parts = formatter('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(toEpochMs(instant));
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (name === 'GMT' || name === 'UTC') return 0;
  const m = /^(?:GMT|UTC)([+\-\u2212])(\d{1,2}):?(\d{2})?/u.exec(name);
  if (m === null) throw new RangeError(`Unexpected offset "${name}" for ${timeZone}`);
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '+' ? minutes : -minutes;
}

export interface LocalTimeOptions {
  /** UI locale; it picks the calendar conventions but not the digits. */
  locale: string;
  /** Digits to use, pinned explicitly so the locale's default numbering system never applies. */
  digits: DigitStyle;
}

/**
 * Local wall-clock time with its offset, e.g. `14:00 (UTC+2)` or, with Arabic-Indic digits, `١٤:٠٠ (UTC+٢)`. The
 * offset is shown because a post's clock changes twice a year (Israel) while a reader elsewhere may not know it.
 * Hour and minute are taken from formatToParts and joined by ':' so the shape is the same in every locale; 'h23'
 * (not hour12: false) avoids the "24:00" some engines produce at midnight.
 */
export function formatLocalTime(instant: Date | number, timeZone: string, options: LocalTimeOptions): string {
  const ms = toEpochMs(instant);
  const parts = formatter(options.locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    numberingSystem: options.digits,
  }).formatToParts(ms);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '';
  const offset = utcOffsetMinutes(ms, timeZone);
  const abs = Math.abs(offset);
  const offsetText = `${offset < 0 ? '-' : '+'}${Math.floor(abs / 60)}${abs % 60 === 0 ? '' : `:${pad2(abs % 60)}`}`;
  return `${hour}:${minute} (UTC${toDigitStyle(offsetText, options.digits)})`;
}
