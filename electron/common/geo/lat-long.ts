// Latitude/longitude as people type it: decimal degrees ("33.1234, 35.8123", "33.1234N 35.8123E", "N33.1234
// E35.8123", "-33.5 -70.2") and degrees-minutes(-seconds) (`33°07'24.2"N 35°48'44.3"E`, "33 07 24.2 N 035 48 44.3 E",
// "33°07.403'N 35°48.739'E"). Latitude always comes first: the order is never guessed from the values.

import type { LatLong, LatLongLocation, LocationErrorCode, LocationResult } from './location';
import { cleanLocationText, MAX_LOCATION_LENGTH } from './input';
import { tokenize, type Axis, type Token } from './lat-long-tokens';

type Coordinate = { ok: true; value: number; dms: boolean } | { ok: false; error: LocationErrorCode };
type Split = { ok: true; lat: Token[]; lon: Token[] } | { ok: false; error: LocationErrorCode };

const fail = (error: LocationErrorCode): { ok: false; error: LocationErrorCode } => ({ ok: false, error });
const isHemisphere = (t: Token): boolean => t.kind === 'hemisphere' || t.kind === 'ambiguousHemisphere';

/**
 * One coordinate: an optional sign or hemisphere (before or after), then degrees, minutes and seconds, each an
 * unmarked number or one followed by its mark. Marks must come in order, and only the last number may have a
 * fraction ("33.5°07'" is refused rather than read as either).
 */
function parseCoordinate(tokens: readonly Token[], axis: Axis): Coordinate {
  const body = [...tokens];
  const prefix = body[0] !== undefined && isHemisphere(body[0]) ? body.shift() : undefined;
  const sign = body[0]?.kind === 'sign' ? body.shift() : undefined;
  const last = body.at(-1);
  const suffix = last !== undefined && isHemisphere(last) ? body.pop() : undefined;
  if (prefix !== undefined && suffix !== undefined) return fail('unrecognised');
  const hemisphere = prefix ?? suffix;
  if (hemisphere?.kind === 'ambiguousHemisphere') return fail('hemisphereAmbiguous');
  if (hemisphere !== undefined && sign !== undefined) return fail('hemisphereAndSign');
  if (hemisphere?.kind === 'hemisphere' && hemisphere.axis !== axis) return fail('latLongOrder');

  const parts: { value: number; fraction: boolean }[] = [];
  for (let i = 0; i < body.length; i += 1) {
    const token = body[i];
    if (token?.kind !== 'number') return fail('unrecognised');
    const mark = body[i + 1];
    if (mark?.kind === 'unit') {
      if (mark.unit !== parts.length) return fail('unrecognised'); // out of order, or minutes without degrees
      i += 1;
    }
    parts.push(token);
  }
  if (parts.length === 0) return fail('latLongIncomplete');
  if (parts.length > 3) return fail('unrecognised');
  if (parts.slice(0, -1).some((p) => p.fraction)) return fail('fractionNotLast');
  const [degrees = 0, minutes = 0, seconds = 0] = parts.map((p) => p.value);
  if (minutes >= 60) return fail('minutesRange');
  if (seconds >= 60) return fail('secondsRange');
  const value = degrees + minutes / 60 + seconds / 3600;
  if (!(value <= (axis === 'lat' ? 90 : 180))) return fail(axis === 'lat' ? 'latitudeRange' : 'longitudeRange');
  const dms = parts.length > 1;
  // Decimal degrees conventionally carry a sign, so an unsigned one is north or east. DMS is conventionally written
  // with a hemisphere, so a bare one is more likely an omission than a deliberate north or east.
  if (dms && hemisphere === undefined && sign === undefined) return fail('hemisphereMissing');
  const negative = hemisphere?.kind === 'hemisphere' ? hemisphere.negative : sign?.kind === 'sign' && sign.negative;
  return { ok: true, value: negative ? -value : value, dms };
}

/** Whether the tokens read as one coordinate: then the other one is missing, rather than wrongly written. */
const isOneCoordinate = (tokens: readonly Token[]): boolean => parseCoordinate(tokens, 'lat').ok || parseCoordinate(tokens, 'lon').ok;

/**
 * Where latitude ends and longitude begins: at a ',' or ';' if there is one; else after a suffix hemisphere or
 * before the second prefix hemisphere; else, with no hemispheres, before a second sign or a second number marked
 * in degrees, or between exactly two bare numbers.
 */
function split(tokens: readonly Token[]): Split {
  const at = (index: number): Split =>
    index <= 0 || index >= tokens.length ? fail('latLongIncomplete') : { ok: true, lat: tokens.slice(0, index), lon: tokens.slice(index) };
  const separators = tokens.flatMap((t, i) => (t.kind === 'separator' ? [i] : []));
  if (separators.length > 1) return fail('unrecognised');
  if (separators.length === 1) {
    const index = separators[0] ?? 0;
    if (index === 0 || index === tokens.length - 1) return fail('latLongIncomplete');
    return { ok: true, lat: tokens.slice(0, index), lon: tokens.slice(index + 1) };
  }

  const hemispheres = tokens.flatMap((t, i) => (isHemisphere(t) ? [i] : []));
  const [first, second] = hemispheres;
  if (hemispheres.length > 2) return fail('unrecognised');
  if (first !== undefined && second !== undefined) return first === 0 ? at(second) : at(first + 1);
  if (first !== undefined) return fail(isOneCoordinate(tokens) ? 'latLongIncomplete' : 'hemisphereMissing');

  const marksDegrees = (i: number): boolean => {
    const next = tokens[i + 1];
    return tokens[i]?.kind === 'number' && next?.kind === 'unit' && next.unit === 0;
  };
  const firstNumber = tokens.findIndex((t) => t.kind === 'number');
  const start = tokens.findIndex((t, i) => i > firstNumber && (t.kind === 'sign' || marksDegrees(i)));
  if (start > 0) return at(start);
  const numbers = tokens.flatMap((t, i) => (t.kind === 'number' ? [i] : []));
  if (numbers.length === 2 && !tokens.some((t) => t.kind === 'unit')) return at(numbers[1] ?? 0);
  return fail(isOneCoordinate(tokens) ? 'latLongIncomplete' : 'hemisphereMissing');
}

/** Parses a latitude/longitude pair, latitude first. */
export function parseLatLong(text: string): LocationResult {
  if (text.length > MAX_LOCATION_LENGTH) return fail('unrecognised');
  const cleaned = cleanLocationText(text);
  if (cleaned === '') return fail('empty');
  // ',' is never a decimal separator (see digits.ts), but "33,5, 35,8" is plainly meant as one: say so.
  if ((cleaned.match(/,/g) ?? []).length > 1 && /\d,\d/.test(cleaned)) return fail('decimalComma');
  const tokens = tokenize(cleaned);
  if (tokens === null || !tokens.some((t) => t.kind === 'number')) return fail('unrecognised');

  const parts = split(tokens);
  if (!parts.ok) return parts;
  // Hemispheres on one coordinate only ("33.1N 35.8") leave the other to a default: refuse rather than guess.
  if (parts.lat.some(isHemisphere) !== parts.lon.some(isHemisphere)) return fail('hemisphereMissing');
  const lat = parseCoordinate(parts.lat, 'lat');
  if (!lat.ok) return lat;
  const lon = parseCoordinate(parts.lon, 'lon');
  if (!lon.ok) return lon;

  const location: LatLongLocation = {
    kind: 'latlong',
    format: lat.dms || lon.dms ? 'dms' : 'decimal',
    position: { lat: lat.value, lon: lon.value },
  };
  return { ok: true, location, canonical: formatLatLong(location) };
}

const TENTHS_OF_SECOND_PER_DEGREE = 36_000;

function formatDms(value: number, degreeDigits: number, hemispheres: readonly [string, string]): string {
  // Rounded once, in whole tenths of a second, so 59.96" carries into the minute instead of printing as 60.0".
  const tenths = Math.round(Math.abs(value) * TENTHS_OF_SECOND_PER_DEGREE);
  const degrees = Math.floor(tenths / TENTHS_OF_SECOND_PER_DEGREE);
  const minutes = Math.floor((tenths % TENTHS_OF_SECOND_PER_DEGREE) / 600);
  const seconds = (tenths % 600) / 10;
  const hemisphere = value < 0 && tenths > 0 ? hemispheres[1] : hemispheres[0];
  return `${String(degrees).padStart(degreeDigits, '0')}°${String(minutes).padStart(2, '0')}'${seconds.toFixed(1).padStart(4, '0')}"${hemisphere}`;
}

function formatDecimal(value: number, hemispheres: readonly [string, string]): string {
  const text = Math.abs(value).toFixed(5);
  // A value that rounds to zero is on the equator or the prime meridian: no southern or western zero.
  const hemisphere = value < 0 && Number(text) > 0 ? hemispheres[1] : hemispheres[0];
  return `${text}°${hemisphere}`;
}

/** Canonical text: "33.12340°N 35.81230°E" or `33°07'24.2"N 035°48'44.3"E`. */
export function formatLatLong(location: { readonly format: 'decimal' | 'dms'; readonly position: LatLong }): string {
  const { lat, lon } = location.position;
  return location.format === 'dms'
    ? `${formatDms(lat, 2, ['N', 'S'])} ${formatDms(lon, 3, ['E', 'W'])}`
    : `${formatDecimal(lat, ['N', 'S'])} ${formatDecimal(lon, ['E', 'W'])}`;
}
