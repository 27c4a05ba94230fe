// MGRS references (NGA.SIG.0012 lettering, the "AA" scheme used with WGS84): grid zone designator, 100 km square,
// then easting and northing digits. The zone designator is required: the Golan is in 36S and Damascus in 37S, and
// the same square letters recur in every zone, so a reference without it names a place in any of them.

import type { LatLong, LocationErrorCode, LocationResult, MgrsLocation } from './location';
import { cleanLocationText, MAX_LOCATION_LENGTH } from './input';
import { centralMeridian, fromUtm, toUtm } from './utm';

/** Latitude bands, 8° each from 80°S; X is 12° (72°N–84°N). I and O are never used: they read as 1 and 0. */
const BANDS = 'CDEFGHJKLMNPQRSTUVWX';
/** Column letters repeat every three zones; the set is chosen by zone mod 3. Column n means easting n × 100 km. */
const COLUMN_SETS = ['STUVWXYZ', 'ABCDEFGH', 'JKLMNPQR'] as const;
/** Row letters cycle every 2,000 km of northing; even zones start five letters on, so squares don't repeat across
 * neighbouring zones. */
const ROWS = 'ABCDEFGHJKLMNPQRSTUV';
const ROW_CYCLE_METRES = 2_000_000;
const SQUARE_METRES = 100_000;
/** Slack at band edges, degrees (about 50 m): converters disagree by a rounding step about which band an edge
 * point is in, and such a reference is not wrong enough to refuse. */
const BAND_TOLERANCE = 0.0005;

// Zone digits, then letters (spaces allowed between them), then digit groups. Anything else is not MGRS-shaped.
const SHAPE = /^(\d*) ?([A-Z](?: ?[A-Z])*)(?: ?(\d+(?: \d+)*))?$/;

function bandLatitudes(band: string): { south: number; north: number } {
  const south = -80 + 8 * BANDS.indexOf(band);
  return { south, north: band === 'X' ? 84 : south + 8 };
}

const fail = (error: LocationErrorCode): LocationResult => ({ ok: false, error });

/**
 * Parses an MGRS reference: "36S YB 12345 67890", "36SYB1234567890", "36S YB 123 678", "36S YB". Spaces are
 * optional; a single run of digits is split in half. The position is the south-west corner of the referenced
 * square, so it errs the same way as the reference (truncated, never rounded).
 */
export function parseMgrs(text: string): LocationResult {
  if (text.length > MAX_LOCATION_LENGTH) return fail('unrecognised');
  const cleaned = cleanLocationText(text);
  if (cleaned === '') return fail('empty');
  const match = SHAPE.exec(cleaned);
  if (match === null) return fail('unrecognised');
  const zoneText = match[1] ?? '';
  const letters = (match[2] ?? '').replaceAll(' ', '');
  const groups = match[3] === undefined ? [] : match[3].split(' ');

  if (zoneText === '') {
    return (letters.length === 2 || letters.length === 3) && groups.length > 0 ? fail('mgrsZoneMissing') : fail('unrecognised');
  }
  // One letter after a number ("33N 35E", "36S") reads as a latitude, not as a grid reference: leave it to lat/long.
  if (letters.length < 2) return fail('unrecognised');
  if (letters.length !== 3) return fail('mgrsLetters');
  const zone = Number(zoneText);
  if (zoneText.length > 2 || zone < 1 || zone > 60) return fail('mgrsZone');
  const [band, column, row] = [letters.charAt(0), letters.charAt(1), letters.charAt(2)];
  if (!BANDS.includes(band)) return fail('mgrsBand');
  const columnIndex = (COLUMN_SETS[zone % 3] ?? '').indexOf(column);
  const rowIndex = ROWS.indexOf(row);
  if (columnIndex < 0 || rowIndex < 0) return fail('mgrsSquare');

  const digits = groups.join('');
  if (digits.length > 10) return fail('mgrsDigitsCount');
  if (digits.length % 2 !== 0) return fail('mgrsDigitsOdd');
  if (groups.length > 2 || (groups.length === 2 && groups[0]?.length !== groups[1]?.length)) return fail('mgrsDigitsSplit');
  const half = digits.length / 2;
  const eastingDigits = digits.slice(0, half);
  const northingDigits = digits.slice(half);
  const precisionMetres = 10 ** (5 - half);

  const easting = (columnIndex + 1) * SQUARE_METRES + Number(eastingDigits || '0') * precisionMetres;
  const rowOffset = zone % 2 === 0 ? 5 : 0;
  const northingInCycle = ((rowIndex - rowOffset + ROWS.length) % ROWS.length) * SQUARE_METRES + Number(northingDigits || '0') * precisionMetres;
  const { south, north } = bandLatitudes(band);
  // The row letter gives the northing modulo 2,000 km; the band picks the cycle. A parallel's northing is lowest on
  // the central meridian, so the band's southern edge there is the lowest northing any square of the band can
  // reach, less one square, whose south-west corner may lie in the band below.
  const lowest = toUtm(south, centralMeridian(zone), zone).northing - precisionMetres;
  const cycles = Math.floor((lowest - northingInCycle) / ROW_CYCLE_METRES) + 1;
  const northing = northingInCycle + cycles * ROW_CYCLE_METRES;

  const southWest = fromUtm(zone, easting, northing);
  const corners = [
    southWest,
    fromUtm(zone, easting + precisionMetres, northing),
    fromUtm(zone, easting, northing + precisionMetres),
    fromUtm(zone, easting + precisionMetres, northing + precisionMetres),
  ];
  const lats = corners.map((c) => c.lat);
  if (!lats.every(Number.isFinite) || Math.max(...lats) < south - BAND_TOLERANCE || Math.min(...lats) > north + BAND_TOLERANCE) {
    return fail('mgrsOutsideBand');
  }
  const location: MgrsLocation = {
    kind: 'mgrs',
    zone,
    band,
    square: column + row,
    easting: eastingDigits,
    northing: northingDigits,
    precisionMetres,
    position: southWest,
  };
  return { ok: true, location, canonical: formatMgrs(location) };
}

/** "36S YB 12345 67890"; the zone without a leading zero, as NGA writes it. */
export function formatMgrs(location: MgrsLocation): string {
  const head = `${location.zone}${location.band} ${location.square}`;
  return location.easting === '' ? head : `${head} ${location.easting} ${location.northing}`;
}

/** The UTM zone of a position, with the Norway (32V) and Svalbard (31X–37X) exceptions. */
function zoneOf(lat: number, lon: number): number {
  const zone = Math.min(60, Math.floor((lon + 180) / 6) + 1);
  if (lat >= 56 && lat < 64 && lon >= 3 && lon < 12) return 32;
  if (lat >= 72) {
    if (lon >= 0 && lon < 9) return 31;
    if (lon >= 9 && lon < 21) return 33;
    if (lon >= 21 && lon < 33) return 35;
    if (lon >= 33 && lon < 42) return 37;
  }
  return zone;
}

/**
 * The MGRS reference of a position, with 0–5 digits per axis, truncated as MGRS requires; null outside 80°S–84°N
 * (the polar UPS areas are not supported) or for a non-finite position.
 */
export function mgrsFromLatLong(position: LatLong, digitsPerAxis = 5): MgrsLocation | null {
  const { lat, lon } = position;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || lat < -80 || lat > 84 || lon < -180 || lon > 180) return null;
  if (!Number.isInteger(digitsPerAxis) || digitsPerAxis < 0 || digitsPerAxis > 5) return null;
  const zone = zoneOf(lat, lon);
  const band = BANDS[Math.min(BANDS.length - 1, Math.floor((lat + 80) / 8))] ?? 'X';
  const utm = toUtm(lat, lon, zone);
  const columnIndex = Math.floor(utm.easting / SQUARE_METRES) - 1;
  const northingInCycle = ((utm.northing % ROW_CYCLE_METRES) + ROW_CYCLE_METRES) % ROW_CYCLE_METRES;
  const rowIndex = (Math.floor(northingInCycle / SQUARE_METRES) + (zone % 2 === 0 ? 5 : 0)) % ROWS.length;
  const column = (COLUMN_SETS[zone % 3] ?? '')[columnIndex];
  const row = ROWS[rowIndex];
  if (column === undefined || row === undefined) return null;
  const precisionMetres = 10 ** (5 - digitsPerAxis);
  const digits = (metres: number): string =>
    digitsPerAxis === 0 ? '' : String(Math.floor((metres % SQUARE_METRES) / precisionMetres)).padStart(digitsPerAxis, '0');
  const reference = `${zone}${band} ${column}${row} ${digits(utm.easting)} ${digits(northingInCycle)}`;
  const parsed = parseMgrs(reference);
  return parsed.ok && parsed.location.kind === 'mgrs' ? parsed.location : null;
}
