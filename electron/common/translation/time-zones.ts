// Time-zone markers written after a time ("14:30Z", "14:30 UTC", "14:30 Damascus time", "14:30 שעון ישראל",
// "14:30 بتوقيت دمشق"), and the offsets each zone may have. A time is compared with its zone: "14:30 Damascus time"
// and "14:30 Israel time" are different statements even on a summer day when the clocks agree, because a reader
// acts on the zone written.
import { POST_TIME_ZONES, utcOffsetMinutes } from '../time/dtg';

/** 'utc', 'il', 'sy', 'local', or 'utc+180' for an explicit offset in minutes. */
export type Zone = string;

// Folded text (lower case, no hamza on alef, teh marbuta as heh). Arabic takes the preposition ب or the article.
const UTC = String.raw`z|utc|gmt|zulu|זולו|שעון גריניץ'?|ب?توقيت غرينتش|ب?التوقيت العالمي`;
const ISRAEL = String.raw`israel(?:i)? time|jerusalem time|שעון ישראל|שעון ירושלים|ب?توقيت (?:اسرائيل|القدس)|ب?التوقيت الاسرائيلي`;
const SYRIA = String.raw`damascus time|syrian? time|שעון דמשק|שעון סוריה|ب?توقيت (?:دمشق|سوريا|سوريه)|ب?التوقيت السوري`;
const LOCAL = String.raw`local time|שעון מקומי|ب?التوقيت المحلي|ب?توقيت محلي`;
const OFFSET = String.raw`(?:utc|gmt) ?([+\-\u2212]) ?(\d{1,2})(?::?(\d{2}))?`;

const MARKER_AFTER = new RegExp(
  String.raw`^[\s(\[,]*(?:(?:by|in|according to|לפי|حسب|وفق)\s+)?(?:(${OFFSET})|(${UTC})|(${ISRAEL})|(${SYRIA})|(${LOCAL}))(?![\p{L}\p{N}])`,
  'u',
);

/** The zone marker at the start of `rest`, and how many characters it takes; null if there is none. */
export function zoneMarkerAt(rest: string): { zone: Zone; length: number } | null {
  const m = MARKER_AFTER.exec(rest);
  if (m === null) return null;
  let zone: Zone;
  if (m[1] !== undefined) {
    const minutes = Number(m[3]) * 60 + Number(m[4] ?? 0);
    zone = minutes === 0 ? 'utc' : `utc${m[2] === '+' ? '+' : '-'}${minutes}`;
  } else {
    zone = m[5] !== undefined ? 'utc' : m[6] !== undefined ? 'il' : m[7] !== undefined ? 'sy' : 'local';
  }
  return { zone, length: m[0].length };
}

/**
 * The offsets from UTC, in minutes, that a zone may have at the reference instant (a DTG or dated day of the
 * message), or on any day when there is none: Israel is UTC+2 or UTC+3 depending on the season. Local time has none:
 * whose local time it is depends on who wrote it, so it is only ever compared with itself.
 */
export function zoneOffsets(zone: Zone, reference: number | null): readonly number[] {
  const key = `${zone} ${reference ?? ''}`;
  let offsets = knownOffsets.get(key);
  if (offsets === undefined) {
    // Reading an offset from Intl costs microseconds; a message asks for the same few over and over.
    if (knownOffsets.size > 256) knownOffsets.clear();
    offsets = offsetsOf(zone, reference);
    knownOffsets.set(key, offsets);
  }
  return offsets;
}
const knownOffsets = new Map<string, readonly number[]>();

function offsetsOf(zone: Zone, reference: number | null): readonly number[] {
  if (zone === 'utc') return [0];
  if (zone === 'il') return reference === null ? [120, 180] : [utcOffsetMinutes(reference, POST_TIME_ZONES.IL)];
  if (zone === 'sy') return reference === null ? [180] : [utcOffsetMinutes(reference, POST_TIME_ZONES.SY)];
  const offset = /^utc([+-])(\d+)$/.exec(zone);
  return offset === null ? [] : [Number(offset[2]) * (offset[1] === '+' ? 1 : -1)];
}

export function describeZone(zone: Zone | null): string {
  if (zone === null) return '';
  const names: Readonly<Record<string, string>> = { utc: 'UTC', il: 'Israel time', sy: 'Damascus time', local: 'local time' };
  const offset = /^utc([+-])(\d+)$/.exec(zone);
  if (offset === null) return names[zone] ?? zone;
  const minutes = Number(offset[2]);
  return `UTC${offset[1]}${Math.floor(minutes / 60)}${minutes % 60 === 0 ? '' : `:${String(minutes % 60).padStart(2, '0')}`}`;
}
