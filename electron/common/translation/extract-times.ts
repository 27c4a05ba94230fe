// Times of day, with their zones, and date-time groups. A time is hours and minutes ("14:30", "2:30 pm", "١٤:٣٠",
// "1430Z"); its zone is the marker written right after it, or, for a range or list ("between 09:00 and 11:00 Damascus
// time"), the zone of the next time when only a few connecting words stand between them.
import { formatDtg, parseDtg } from '../time/dtg';
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

// "14:30", "9:05", with an optional am/pm (English) or ص/م (Arabic); or four digits directly marked as UTC ("1430Z").
const TIME = new RegExp(
  String.raw`(?:([01]?\d|2[0-3]):([0-5]\d)(?![\d:])(?: ?(a\.?m\.?|p\.?m\.?|ص|صباحا|م|مساء|مساءا)(?![${LETTER}]))?|([01]\d|2[0-3])([0-5]\d)(?= ?(?:z|utc)(?![${LETTER}])))`,
  'gu',
);
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
  const found = scan.take(TIME, (m) => {
    if (precededBy(m, /[\d.:]/u)) return null;
    let hour = Number(m[1] ?? m[4]);
    const minute = Number(m[2] ?? m[5]);
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
