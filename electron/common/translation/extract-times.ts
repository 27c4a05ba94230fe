// Times of day, with their zones, and date-time groups. A time is hours and minutes ("14:30", "2:30 pm", "١٤:٣٠",
// "1430Z", and the military "0930 hours", "at 0630", "الساعة ٠٩٣٠", "בשעה 0930": see isMilitaryTime); its zone is
// the marker written right after it, or, for a range or list ("between 09:00 and 11:00 Damascus time"), the zone of
// the next time when only a few connecting words stand between them.
import { formatDtg, parseDtg } from '../time/dtg';
import { unitAt } from './extract-quantities';
import { LETTER, LETTER_OR_DIGIT, precededBy, type ScannedText } from './scanned-text';
import { zoneMarkerAt, type Zone } from './time-zones';

export interface TimeOfDay {
  /** Minutes after midnight. */
  readonly minutes: number;
  readonly zone: Zone | null;
}

export interface DateTimeGroup {
  readonly epochMs: number;
  readonly canonical: string;
}

const DTG = new RegExp(String.raw`(\d{6}) ?z ?([a-z]{3}) ?(\d{2})(?![${LETTER}0-9])`, 'gu');

// "14:30", "9:05", with an optional am/pm (English) or ص/م (Arabic); or four digits directly marked as UTC ("1430Z");
// or four digits alone, with "hours" or "hrs" after them if written (a military time, read only in its context).
const TIME = new RegExp(
  String.raw`(?:([01]?\d|2[0-3]):([0-5]\d)(?![\d:])(?: ?(a\.?m\.?|p\.?m\.?|ص|صباحا|م|مساء|مساءا)(?![${LETTER}]))?|([01]\d|2[0-3])([0-5]\d)(?= ?(?:z|utc)(?![${LETTER}]))|([01]\d|2[0-3])([0-5]\d)(?![\d]|[.,:/]\d)( ?(?:hours|hrs|hr)(?![${LETTER}]))?)`,
  'gu',
);

// Four digits are a time of day only where the words say so, since most four-digit numbers are years and quantities
// ("in 2026", "1400 litres"): followed by "hours"/"hrs" (not after a word of duration: "for 1400 hours" is a length
// of time), or right after the word for the hour, "الساعة" (Arabic, with its prefixes) or "שעה" (Hebrew, with its
// prefixes: "בשעה"), and not followed by a unit; or after "at" (English) where what follows is not a count's noun
// ("at 0630 the patrol", "at 0630, from", not "at 2000 feet"). A thousands separator is gone from the folded text,
// so "1,400 hours" reads like "1400 hours": the duration words keep the common "for 1,400 hours" a quantity.
const HOUR_WORD_BEFORE = /(?:^|[^\u0621-\u064A\u05D0-\u05EA])(?:[وف]?(?:[بل]?ال|لل)?ساعه|[ובלמהשכ]{0,3}שעה)\s*$/u;
const AT_BEFORE = /(?:^|[^a-z])at\s+$/u;
const DURATION_BEFORE = /(?:^|[^a-z])(?:for|within|during|lasting|over|of|than|about|some|every)\s+$/u;
/** What may follow "at HHMM": the end, punctuation, or a word that starts a new phrase. */
const AFTER_AT_TIME =
  /^(?:\s*(?:$|[^\sa-z0-9%\u066A])|\s+(?:on|and|or|to|until|till|from|the|a|an|tomorrow|today|tonight|this|next|sharp|local|in|near|by|with|when|then|via|we|they|you|our|all)(?![a-z]))/u;
// A range reads both ends as times when one end says so: "from 0900 to 1130 hours" (the first end looks ahead),
// "at 0900 to 1130", "الساعة ٠٩٠٠ حتى ١١٣٠", "בשעה 0900 עד 1130" (the second end follows a time read as military).
const RANGE_CONNECTOR = String.raw`\s*(?:-|–|to|and|until|till|through|ל-?|עד|و|حتى|الى)\s*`;
const RANGE_TO_HOURS = new RegExp(String.raw`^${RANGE_CONNECTOR}(?:[01]\d|2[0-3])[0-5]\d ?(?:hours|hrs|hr)(?![a-z])`, 'u');
const RANGE_FROM_TIME = new RegExp(String.raw`^${RANGE_CONNECTOR}$`, 'u');
/** How far back the context words are looked for. */
const CONTEXT_REACH = 12;

/** Whether four digits (with "hours" if written: m[8]) are a time; `previous` is where the last such time ended. */
function isMilitaryTime(m: RegExpExecArray, previous: number): boolean {
  const before = m.input.slice(Math.max(0, m.index - CONTEXT_REACH), m.index);
  if (m[8] !== undefined) return !DURATION_BEFORE.test(before);
  const after = m.input.slice(m.index + m[0].length);
  const notCounted = unitAt(after) === null && !/^\s?[%\u066A]/u.test(after);
  if (HOUR_WORD_BEFORE.test(before) || RANGE_TO_HOURS.test(after)) return notCounted;
  if (previous >= 0 && previous <= m.index && RANGE_FROM_TIME.test(m.input.slice(previous, m.index))) return notCounted;
  return AT_BEFORE.test(before) && (AFTER_AT_TIME.test(after) || zoneMarkerAt(after) !== null);
}

const PM = new Set(['pm', 'p.m.', 'p.m', 'pm.', 'م', 'مساء', 'مساءا']);

/** Longer than any zone marker with what may stand before it ("(according to Damascus time"). */
const MARKER_REACH = 40;

/** Between two times of one range or list: short, and no sentence boundary. */
const RANGE_GAP = /^[^.;!?؟\n]{0,16}$/u;

export function extractDtgs(scan: ScannedText): DateTimeGroup[] {
  return scan.take(DTG, (m) => {
    if (precededBy(m, LETTER_OR_DIGIT)) return null;
    const canonical = `${m[1] ?? ''}Z ${(m[2] ?? '').toUpperCase()} ${m[3] ?? ''}`;
    const epochMs = parseDtg(canonical);
    return epochMs === null ? null : { value: { epochMs, canonical: formatDtg(epochMs) } };
  });
}

export function extractTimes(scan: ScannedText): TimeOfDay[] {
  const text = scan.text;
  let militaryEnd = -1;
  const found = scan.take(TIME, (m) => {
    if (precededBy(m, /[\d.:]/u)) return null;
    if (m[6] !== undefined) {
      if (!isMilitaryTime(m, militaryEnd)) return null;
      militaryEnd = m.index + m[0].length;
    }
    let hour = Number(m[1] ?? m[4] ?? m[6]);
    const minute = Number(m[2] ?? m[5] ?? m[7]);
    const half = m[3];
    // On a 24-hour time ("14:30 م") the marker only repeats what the hour says.
    if (half !== undefined && hour >= 1 && hour <= 12) hour = (hour % 12) + (PM.has(half) ? 12 : 0);
    const marker = zoneMarkerAt(m.input.slice(m.index + m[0].length, m.index + m[0].length + MARKER_REACH));
    const time = { minutes: hour * 60 + minute, zone: marker?.zone ?? null, start: m.index, end: m.index + m[0].length };
    return { value: time, trailing: marker?.length ?? 0 };
  });
  // Right to left, so a zone written once after a range reaches every time of it.
  for (let i = found.length - 2; i >= 0; i -= 1) {
    const time = found[i];
    const next = found[i + 1];
    if (time === undefined || next === undefined || time.zone !== null) continue;
    if (RANGE_GAP.test(text.slice(time.end, next.start))) found[i] = { ...time, zone: next.zone };
  }
  return found.map(({ minutes, zone }) => ({ minutes, zone }));
}

export const formatTimeOfDay = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
