// A location as written in a message (DESIGN §3): an MGRS reference with its full grid zone designator, or a
// latitude/longitude in decimal degrees or DMS. Parsing returns an error code, never text and never an exception:
// the UI translates the code (locales/*/location.json, key error.<code>). The canonical form is ASCII so that the
// same place reads the same in all three languages and the translation checks can compare it after digit
// normalisation; the display may still restyle its digits (toDigitStyle).

import { formatLatLong, parseLatLong } from './lat-long';
import { formatMgrs, parseMgrs } from './mgrs';

export { parseLatLong } from './lat-long';
export { parseMgrs, mgrsFromLatLong } from './mgrs';

export const LOCATION_ERROR_CODES = [
  'empty',
  'unrecognised',
  // MGRS
  'mgrsZoneMissing', // letters and digits but no zone number: "YB 1234 5678"
  'mgrsZone', // zone number not 1–60
  'mgrsBand', // latitude band not C–X (I and O unused; polar A, B, Y, Z not supported)
  'mgrsLetters', // not exactly band + two square letters after the zone
  'mgrsSquare', // 100 km square letters not used in this zone
  'mgrsDigitsOdd', // easting and northing need the same number of digits
  'mgrsDigitsCount', // more than 5 + 5 digits
  'mgrsDigitsSplit', // written as groups of unequal length
  'mgrsOutsideBand', // the square does not lie in the latitude band named
  // Latitude/longitude
  'latitudeRange',
  'longitudeRange',
  'minutesRange',
  'secondsRange',
  'hemisphereMissing', // one coordinate has a hemisphere and the other not, or DMS without hemisphere or sign
  'hemisphereAmbiguous', // Hebrew מ alone: east (מזרח) or west (מערב)?
  'hemisphereAndSign', // "-33.5S": a sign and a hemisphere contradict or double up
  'latLongOrder', // latitude (N/S) must come first, then longitude (E/W)
  'latLongIncomplete', // only one coordinate
  'fractionNotLast', // a fraction on degrees followed by minutes, or on minutes followed by seconds
  'decimalComma', // "33,5, 35,8": ',' separates the coordinates; the decimal separator is '.' or '٫'
] as const;
export type LocationErrorCode = (typeof LOCATION_ERROR_CODES)[number];

/** Degrees on WGS84; latitude positive north, longitude positive east. */
export interface LatLong {
  readonly lat: number;
  readonly lon: number;
}

export interface MgrsLocation {
  readonly kind: 'mgrs';
  readonly zone: number;
  readonly band: string;
  /** Column then row letter of the 100 km square, e.g. "YB". */
  readonly square: string;
  /** Digits as written (0–5 each, same count for both); their count is the precision. */
  readonly easting: string;
  readonly northing: string;
  /** Side of the referenced square: 1 m for 5 + 5 digits up to 100 km for none. */
  readonly precisionMetres: number;
  /** South-west corner of the referenced square. */
  readonly position: LatLong;
}

export interface LatLongLocation {
  readonly kind: 'latlong';
  /** How it was written, and how it is formatted back: 'dms' also covers degrees and decimal minutes. */
  readonly format: 'decimal' | 'dms';
  readonly position: LatLong;
}

export type Location = MgrsLocation | LatLongLocation;

export type LocationResult =
  | { readonly ok: true; readonly location: Location; readonly canonical: string }
  | { readonly ok: false; readonly error: LocationErrorCode };

/**
 * Reads a location in any accepted form. Lat/long is tried first, then MGRS; if neither parses, text shaped like a
 * grid reference gets the MGRS error (it says what is wrong with the reference), anything else the lat/long one.
 */
export function parseLocation(text: string): LocationResult {
  const latLong = parseLatLong(text);
  if (latLong.ok) return latLong;
  const mgrs = parseMgrs(text);
  if (mgrs.ok || mgrs.error !== 'unrecognised') return mgrs;
  return latLong;
}

/**
 * The canonical text of a location, ASCII digits: "36S YB 12345 67890", "33.12340°N 35.81230°E" (five decimals,
 * about a metre) or `33°07'24.2"N 035°48'44.3"E` (tenths of a second, about three metres). Parsing it gives the
 * same location, up to that rounding.
 */
export function formatLocation(location: Location): string {
  return location.kind === 'mgrs' ? formatMgrs(location) : formatLatLong(location);
}
