// Coordinates in running text: MGRS references and latitude/longitude pairs (decimal or DMS, hemispheres in any of
// the three languages). Candidates are found by shape and then read by the geo parsers, so a coordinate is the same
// value here as in a templated field. Two coordinates are the same when their canonical forms are equal: the
// translation must keep the reference as written (MGRS stays MGRS, DMS stays DMS), because a converted reference
// cannot be checked to the last digit and a translator has no business converting one.
import { formatLocation, parseLatLong, parseMgrs } from '../geo/location';
import { LETTER, precededBy, type ScannedText } from './scanned-text';

export interface Coordinate {
  /** Canonical ASCII form, e.g. "36S YB 12345 67890" or `33°07'24.2"N 035°48'44.3"E`. */
  readonly canonical: string;
}

// Zone, band, square letters, then digits (one run, or two groups). The text is case-folded, so lower case.
// Digits are required: a bare 100 km square ("36S YB") is too coarse to be meant in a message, and too like words
// ("30 UTC" would read as zone 30, band U, square TC).
const MGRS_CANDIDATE = new RegExp(String.raw`\d{1,2} ?[a-z] ?[a-z] ?[a-z](?: ?\d{1,5} \d{1,5}| ?\d{2,10})(?![${LETTER}0-9])`, 'gu');

// One side of a lat/long pair. Hemisphere words as the geo tokenizer knows them (folded: no hamza, no tanween).
const HEMISPHERE = String.raw`(?:[nsew]|צפון|דרום|מזרח|מערב|[צד]|شمالا?|جنوبا?|شرقا?|غربا?|[شجقغ])(?![${LETTER}])`;
const DEGREES = String.raw`\d{1,3}(?:\.\d+)?`;
const PART = String.raw`\d{1,2}(?:\.\d+)?`;
const MARKS = String.raw` ?[°º˚]?(?: ?${PART} ?['′’׳])?(?: ?${PART} ?(?:["″”״]|''))?`;
// A sign counts only where it does not join a word (Hebrew writes "ב-33.1": at 33.1, not at -33.1).
const SIDE = String.raw`(?:${HEMISPHERE} ?)?(?:(?<![${LETTER}])[-+\u2212])?${DEGREES}${MARKS}(?: ?${HEMISPHERE})?`;
// The pattern starts at the first digit, so that the scan only stops at digits; a hemisphere or sign written before
// it is taken from the text just before (see extractCoordinates).
const LAT_LONG_CANDIDATE = new RegExp(String.raw`${DEGREES}${MARKS}(?: ?${HEMISPHERE})? ?[,،;]? ?${SIDE}`, 'gu');
const LEADING = new RegExp(String.raw`(?:(?:^|[^${LETTER}])(${HEMISPHERE}) ?|(?:^|[^${LETTER}0-9])([-+\u2212]))$`, 'u');
const NOT_AFTER = new RegExp(`[${LETTER}0-9:.]`, 'u');
/** A text without a degree, minute or second mark, or a number with three decimals, has no lat/long to find. */
const MAY_HAVE_LAT_LONG = /[°º˚'′’׳"″”״]|\d\.\d{3}/u;
const MARKED = /[°º˚'′’׳"″”״]|[nsew](?![a-z])|[\u05D0-\u05EA\u0621-\u064A]/u;
// A pair of bare decimals reads as a coordinate only with at least three decimals on each side ("33.123, 35.812"):
// shorter pairs ("2.5, 3.5") are far more often plain numbers.
const BARE_DECIMAL_PAIR = /^[-+\u2212]?\d{1,3}\.\d{3,} ?[,،;]? ?[-+\u2212]?\d{1,3}\.\d{3,}$/u;

export function extractCoordinates(scan: ScannedText): Coordinate[] {
  const mgrs = scan.take(MGRS_CANDIDATE, (m) => {
    if (precededBy(m, NOT_AFTER)) return null;
    const parsed = parseMgrs(m[0]);
    return parsed.ok ? { value: { canonical: formatLocation(parsed.location) } } : null;
  });
  if (!MAY_HAVE_LAT_LONG.test(scan.text)) return mgrs;
  const latLong = scan.take(LAT_LONG_CANDIDATE, (m) => {
    const leading = LEADING.exec(m.input.slice(Math.max(0, m.index - 8), m.index));
    const [hemisphere, sign] = [leading?.[1], leading?.[2]];
    if (hemisphere === undefined && sign === undefined && precededBy(m, NOT_AFTER)) return null;
    const text = `${hemisphere === undefined ? '' : `${hemisphere} `}${sign ?? ''}${m[0].trim()}`;
    if (!MARKED.test(text) && !BARE_DECIMAL_PAIR.test(text)) return null;
    const parsed = parseLatLong(text.replaceAll('،', ','));
    return parsed.ok ? { value: { canonical: parsed.canonical } } : null;
  });
  return [...mgrs, ...latLong];
}
