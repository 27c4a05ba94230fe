// Calendar dates: numeric ("15/01/2027", "15.01.27", "2027-01-15", "15/01"), or with the month's name in English,
// Hebrew ("15 בינואר 2027") or Arabic, in the Levantine names used in Syria ("15 كانون الثاني 2027") or the
// Egyptian-style ones ("15 يناير"), or both ("كانون الثاني/يناير"). Numeric dates are read day first in every
// language: both posts write them so, and a desk officer's month-first date is exactly the ambiguity the check is
// there to catch (it shows as a different date). A date without a year only matches a date without a year.
import { LETTER, precededBy, type ScannedText } from './scanned-text';

export interface CalendarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number | null;
}

// Folded spellings (no hamza on alef, no madda, teh marbuta as heh), lower case.
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'ינואר', 'كانون الثاني', 'يناير'],
  ['february', 'feb', 'פברואר', 'شباط', 'فبراير'],
  ['march', 'mar', 'מרץ', 'מרס', 'اذار', 'مارس'],
  ['april', 'apr', 'אפריל', 'نيسان', 'ابريل'],
  ['may', 'מאי', 'ايار', 'مايو'],
  ['june', 'jun', 'יוני', 'حزيران', 'يونيو'],
  ['july', 'jul', 'יולי', 'تموز', 'يوليو'],
  ['august', 'aug', 'אוגוסט', 'اب', 'اغسطس'],
  ['september', 'sept', 'sep', 'ספטמבר', 'ايلول', 'سبتمبر'],
  ['october', 'oct', 'אוקטובר', 'تشرين الاول', 'اكتوبر'],
  ['november', 'nov', 'נובמבר', 'تشرين الثاني', 'نوفمبر'],
  ['december', 'dec', 'דצמבר', 'كانون الاول', 'ديسمبر'],
];
const MONTH_OF = new Map(MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
const MONTH = `(?:${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})(?![${LETTER}])`;
// Hebrew puts ב before the month ("15 בינואר"); Arabic may say "من"; either may give a second name after a slash.
const NAMED = String.raw`(?:of |من )?(?:[-\u05BE]|ב-?)?(${MONTH})(?: ?[/(] ?(?:${MONTH}) ?\)?)?`;
// A year after a named month is a four-digit year of this era, and follows without a comma after a day ("15 January
// 2027"), so that "since 1 January, 1,250 shells" keeps its number.
const YEAR_AFTER_DAY = String.raw`(?: ?((?:19|20)\d{2})(?!\d))?`;
const YEAR_AFTER_MONTH_DAY = String.raw`(?:,? ?((?:19|20)\d{2})(?!\d))?`;

const NUMERIC_OR_DAY_FIRST = new RegExp(
  [
    String.raw`(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])`, // 1-3 ISO
    String.raw`(\d{1,2})([./-])(\d{1,2})\5(\d{4}|\d{2})(?![\d]|\.\d)`, // 4-7 numeric with year
    String.raw`(\d{1,2})\/(\d{2})(?![\d\/])`, // 8-9 day/month: two-digit month only, so "3/4" stays a ratio
    String.raw`(\d{1,2})(?:st|nd|rd|th)? ?${NAMED}${YEAR_AFTER_DAY}`, // 10-12 day, month name
  ].join('|'),
  'gu',
);
// Month first ("January 15, 2027"): found from the day, with the month in a lookbehind, so the scan only stops at
// a space before a digit.
const MONTH_FIRST = new RegExp(String.raw`(?<=(?<![${LETTER}])(${MONTH})) (\d{1,2})(?:st|nd|rd|th)?(?![\d:])${YEAR_AFTER_MONTH_DAY}`, 'gu');
/** Not inside a longer number, nor after "2027-" or "1/" of another date. */
const NOT_AFTER = /[\d./-]/u;

function numberOr(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

function read(m: RegExpExecArray): CalendarDate | null {
  let day: number | null;
  let month: number | null;
  let year: number | null;
  if (m[1] !== undefined) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (m[4] !== undefined) [day, month, year] = [Number(m[4]), Number(m[6]), Number(m[7])];
  else if (m[8] !== undefined) [day, month, year] = [Number(m[8]), Number(m[9]), null];
  else if (m[10] !== undefined) [day, month, year] = [Number(m[10]), MONTH_OF.get(m[11] ?? '') ?? null, numberOr(m[12])];
  else return null;
  if (year !== null && year < 100) year += 2000;
  if (month === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { day, month, year };
}

function readMonthFirst(m: RegExpExecArray): CalendarDate | null {
  const [month, day, year] = [MONTH_OF.get(m[1] ?? ''), Number(m[2]), numberOr(m[3])];
  return month === undefined || day < 1 || day > 31 ? null : { day, month, year };
}

export function extractDates(scan: ScannedText): CalendarDate[] {
  const dayFirst = scan.take(NUMERIC_OR_DAY_FIRST, (m) => {
    // "ב-15/01" is a date; "2027-15" is not the start of one.
    const hyphenAfterDigit = m.input.charAt(m.index - 1) === '-' && /\d/u.test(m.input.charAt(m.index - 2));
    const date = (precededBy(m, NOT_AFTER) && m.input.charAt(m.index - 1) !== '-') || hyphenAfterDigit ? null : read(m);
    return date === null ? null : { value: date };
  });
  const monthFirst = scan.take(MONTH_FIRST, (m) => {
    const date = readMonthFirst(m);
    return date === null ? null : { value: date };
  });
  return [...dayFirst, ...monthFirst];
}

export const formatDate = (date: CalendarDate): string =>
  `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}${date.year === null ? '' : `/${date.year}`}`;
