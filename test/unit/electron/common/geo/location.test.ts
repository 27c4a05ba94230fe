/**
 * Locations as officers type them: MGRS references around the Golan (zone 36S) and Damascus (37S), and lat/long in
 * decimal degrees or DMS, with digits and hemispheres in three scripts. Conversions are checked against values
 * computed with PROJ 9.5 (an independent implementation), published examples, and a forward UTM written here from
 * the USGS formulae (Snyder 1987), which shares no code with the module's Krüger series.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  LOCATION_ERROR_CODES,
  formatLocation,
  mgrsFromLatLong,
  parseLatLong,
  parseLocation,
  parseMgrs,
  type LatLong,
  type Location,
  type LocationResult,
} from '../../../../../electron/common/geo/location';

const here = path.dirname(fileURLToPath(import.meta.url));
const RAD = Math.PI / 180;

/** Distance in metres, flat-earth: plenty for the few metres compared here. */
function metresBetween(a: LatLong, b: LatLong): number {
  const dLat = (a.lat - b.lat) * 111_320;
  const dLon = (a.lon - b.lon) * 111_320 * Math.cos(a.lat * RAD);
  return Math.hypot(dLat, dLon);
}

/** Forward UTM by the USGS series (Snyder, "Map Projections — A Working Manual", eqs. 3-21, 8-9 to 8-13). */
function snyderUtm(lat: number, lon: number, zone: number): { easting: number; northing: number } {
  const a = 6_378_137;
  const f = 1 / 298.257223563;
  const k0 = 0.9996;
  const e2 = f * (2 - f);
  const e4 = e2 * e2;
  const e6 = e4 * e2;
  const ep2 = e2 / (1 - e2);
  const phi = lat * RAD;
  const n = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const t = Math.tan(phi) ** 2;
  const c = ep2 * Math.cos(phi) ** 2;
  const aa = (lon - (zone * 6 - 183)) * RAD * Math.cos(phi);
  const m =
    a *
    ((1 - e2 / 4 - (3 * e4) / 64 - (5 * e6) / 256) * phi -
      ((3 * e2) / 8 + (3 * e4) / 32 + (45 * e6) / 1024) * Math.sin(2 * phi) +
      ((15 * e4) / 256 + (45 * e6) / 1024) * Math.sin(4 * phi) -
      ((35 * e6) / 3072) * Math.sin(6 * phi));
  const x = k0 * n * (aa + ((1 - t + c) * aa ** 3) / 6 + ((5 - 18 * t + t * t + 72 * c - 58 * ep2) * aa ** 5) / 120);
  const y =
    k0 *
    (m +
      n *
        Math.tan(phi) *
        (aa ** 2 / 2 + ((5 - t + 9 * c + 4 * c * c) * aa ** 4) / 24 + ((61 - 58 * t + t * t + 600 * c - 330 * ep2) * aa ** 6) / 720));
  return { easting: 500_000 + x, northing: lat < 0 ? y + 10_000_000 : y };
}

function parsed(result: LocationResult): { location: Location; canonical: string } {
  if (!result.ok) throw new Error(`expected a location, got ${result.error}`);
  return result;
}
const position = (text: string): LatLong => parsed(parseLocation(text)).location.position;
const errorOf = (result: LocationResult): string => (result.ok ? `ok: ${result.canonical}` : result.error);

// South-west corners of 1 m squares, from PROJ 9.5 (`+proj=utm +zone=.. +datum=WGS84`, inverse).
const PROJ_REFERENCES: readonly [string, LatLong][] = [
  ['36S YB 63476 68694', { lat: 33.124994582, lon: 35.823989263 }], // Quneitra
  ['37S BT 48467 11443', { lat: 33.51299165, lon: 36.291998401 }], // Damascus
  ['36S YB 80299 55285', { lat: 32.999992558, lon: 35.999989161 }], // 33°N 36°E, from the west...
  ['37S BS 19700 55285', { lat: 32.999992301, lon: 36.000000149 }], // ...and from the east
  ['19H CC 45713 97592', { lat: -33.450000234, lon: -70.660001664 }], // Santiago, southern hemisphere
  ['56H LH 34368 50948', { lat: -33.868803014, lon: 151.209293087 }], // Sydney
  ['34W DC 20682 28124', { lat: 69.649591889, lon: 18.955994559 }], // Tromsø
];

describe('parseMgrs: references around the posts', () => {
  it('converts 10-digit references to the south-west corner, within a centimetre of PROJ', () => {
    for (const [reference, expected] of PROJ_REFERENCES) {
      expect(metresBetween(position(reference), expected), reference).toBeLessThan(0.01);
    }
  });

  it('agrees within a metre with an independent forward transform (USGS series)', () => {
    for (const [reference] of PROJ_REFERENCES) {
      const { location } = parsed(parseMgrs(reference));
      if (location.kind !== 'mgrs') throw new Error('not MGRS');
      const utm = snyderUtm(location.position.lat, location.position.lon, location.zone);
      expect(Math.abs((utm.easting % 100_000) - Number(location.easting)), reference).toBeLessThan(1);
      expect(Math.abs((utm.northing % 100_000) - Number(location.northing)), reference).toBeLessThan(1);
    }
  });

  it('matches published conversions', () => {
    // Palantir Foundry, mgrsToGeoPoint examples.
    expect(metresBetween(position('4Q FJ 12345 67890'), { lat: 21.409796671597924, lon: -157.91608117421092 })).toBeLessThan(0.01);
    expect(metresBetween(position('4Q FJ 1 6'), { lat: 21.338665624760598, lon: -157.93921670599434 })).toBeLessThan(0.01);
    // Movable Type Scripts (Veness), MGRS example: the Eiffel Tower, 48°51′29.5″N 002°17′40.2″E.
    expect(metresBetween(position('31U DQ 48251 11932'), { lat: 48 + 51 / 60 + 29.5 / 3600, lon: 2 + 17 / 60 + 40.2 / 3600 })).toBeLessThan(3);
    // GeographicLib GeoConvert man page: 38SMB4488 (whose centre is 38SMB 4450 8850) is 33.33424 44.40363.
    expect(metresBetween(position('38SMB44508850'), { lat: 33.33424, lon: 44.40363 })).toBeLessThan(1);
  });

  it('puts Quneitra in 36S and Damascus in 37S, with the letters of each zone', () => {
    expect(mgrsFromLatLong({ lat: 33.125, lon: 35.824 })).toMatchObject({ zone: 36, band: 'S', square: 'YB', easting: '63476', northing: '68694' });
    expect(mgrsFromLatLong({ lat: 33.513, lon: 36.292 })).toMatchObject({ zone: 37, band: 'S', square: 'BT', easting: '48467', northing: '11443' });
    expect(mgrsFromLatLong({ lat: 33.125, lon: 35.824 }, 2)).toMatchObject({ easting: '63', northing: '68', precisionMetres: 1000 });
  });

  it('reads every precision, spaced or not, in any case and digit script, and gives the square size', () => {
    const forms = ['36S YB 63476 68694', '36SYB6347668694', '36s yb 63476 68694', '36 S YB 6347668694', '٣٦S YB ٦٣٤٧٦ ٦٨٦٩٤', '۳۶S YB ۶۳۴۷۶ ۶۸۶۹۴', '\u200F36S YB\u200E 63476\u00A068694 '];
    for (const form of forms) expect(parsed(parseMgrs(form)).canonical, form).toBe('36S YB 63476 68694');
    const sizes: [string, number][] = [['36S YB', 100_000], ['36S YB 6 6', 10_000], ['36S YB 63 68', 1000], ['36S YB 634 686', 100], ['36S YB 6347 6869', 10], ['36S YB 63476 68694', 1]];
    for (const [reference, size] of sizes) expect(parseMgrs(reference), reference).toMatchObject({ ok: true, location: { precisionMetres: size } });
    expect(metresBetween(position('36S YB 634 686'), position('36S YB 63400 68600'))).toBeLessThan(0.001);
    expect(parsed(parseMgrs('06S YB')).canonical).toBe('6S YB'); // the zone without its leading zero
  });

  it('accepts a square that straddles a band edge under either band', () => {
    // 36S YA runs from about 31.6°N to 32.5°N, across the R/S boundary at 32°N.
    expect(metresBetween(position('36S YA'), position('36R YA'))).toBeLessThan(0.001);
    // A point 1 cm north of 32°N, named with the band below it, is within the edge tolerance.
    const edge = mgrsFromLatLong({ lat: 32.0000001, lon: 35.5 });
    expect(edge?.band).toBe('S');
    expect(parseMgrs(`36R ${edge?.square} ${edge?.easting} ${edge?.northing}`).ok).toBe(true);
  });

  it('refuses references that are wrong, with the reason', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      [' \u200E ', 'empty'],
      ['YB 63476 68694', 'mgrsZoneMissing'],
      ['SYB 63476 68694', 'mgrsZoneMissing'],
      ['0S YB 1234 5678', 'mgrsZone'],
      ['61S YB 1234 5678', 'mgrsZone'],
      ['136S YB 1234 5678', 'mgrsZone'],
      ['36I YB 1234 5678', 'mgrsBand'],
      ['36O YB 1234 5678', 'mgrsBand'],
      ['36Z YB 1234 5678', 'mgrsBand'], // polar (UPS): not supported
      ['36A YB 1234 5678', 'mgrsBand'],
      ['36SY 1234 5678', 'mgrsLetters'],
      ['36SYBC 1234 5678', 'mgrsLetters'],
      ['37S YB 63476 68694', 'mgrsSquare'], // zone 36's column letters in zone 37
      ['36S BT 48467 11443', 'mgrsSquare'], // zone 37's column letters in zone 36
      ['36S IB 1234 5678', 'mgrsSquare'],
      ['36S YW 1234 5678', 'mgrsSquare'], // rows stop at V
      ['36S YO 1234 5678', 'mgrsSquare'],
      ['36S YB 63476 6869', 'mgrsDigitsOdd'],
      ['36SYB634766869', 'mgrsDigitsOdd'],
      ['36S YB 6', 'mgrsDigitsOdd'],
      ['36S YB 634760 686940', 'mgrsDigitsCount'],
      ['36S YB 634 68694', 'mgrsDigitsSplit'],
      ['36S YB 63 47 68 69', 'mgrsDigitsSplit'],
      ['36T YB 63476 68694', 'mgrsOutsideBand'], // the square is at 33°N, band T is 40°N–48°N
      ['36R YB 63476 68694', 'mgrsOutsideBand'], // band R ends at 32°N
    ];
    for (const [text, error] of cases) expect(errorOf(parseMgrs(text)), text).toBe(error);
  });

  it('cannot catch a wrong row letter that stays in the band: the square below is a real place', () => {
    // Damascus is 37S BT; BS is the square 100 km south of it, still in band S, so it parses (to 32.6°N).
    expect(parsed(parseMgrs('37S BS 48467 11443')).location.position.lat).toBeCloseTo(32.612, 3);
  });

  it('does not break on the irregular zones of Norway and Svalbard', () => {
    for (const reference of ['32V NM 12345 67890', '31X DA', '33X VC 1 1', '35X MC', '37X DG 123 456', '34X AA', '36X AA']) {
      expect(() => parseMgrs(reference), reference).not.toThrow();
    }
    expect(mgrsFromLatLong({ lat: 60, lon: 5 })?.zone).toBe(32);
    expect(mgrsFromLatLong({ lat: 78, lon: 15 })?.zone).toBe(33);
    expect(mgrsFromLatLong({ lat: 85, lon: 0 })).toBeNull();
  });

  it('round-trips positions across the region within the truncation of a 1 m reference', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i += 1) {
      const point = { lat: 29 + random() * 8, lon: 33 + random() * 9 };
      const reference = mgrsFromLatLong(point);
      if (reference === null) throw new Error('no reference');
      expect(metresBetween(reference.position, point)).toBeLessThan(Math.SQRT2 + 0.01);
      const utm = snyderUtm(point.lat, point.lon, reference.zone);
      expect(Math.floor(utm.easting % 100_000)).toBe(Number(reference.easting));
      expect(Math.floor(utm.northing % 100_000)).toBe(Number(reference.northing));
    }
  });
});

describe('parseLatLong', () => {
  it('reads decimal degrees: separated, with hemispheres before or after, or signed', () => {
    const quneitra = { lat: 33.1234, lon: 35.8123 };
    for (const text of ['33.1234, 35.8123', '33.1234,35.8123', '33.1234 35.8123', '33.1234N 35.8123E', '33.1234 n 35.8123 e', 'N33.1234 E35.8123', '33.1234°N, 35.8123°E', '+33.1234 +35.8123', '33.1234; 35.8123']) {
      expect(parseLatLong(text), text).toEqual({ ok: true, location: { kind: 'latlong', format: 'decimal', position: quneitra }, canonical: '33.12340°N 35.81230°E' });
    }
    expect(parsed(parseLatLong('-33.5 -70.2')).location.position).toEqual({ lat: -33.5, lon: -70.2 });
    expect(parsed(parseLatLong('33.5S, 70.2W')).location.position).toEqual({ lat: -33.5, lon: -70.2 });
    expect(parsed(parseLatLong('33.5 \u221270.2')).location.position).toEqual({ lat: 33.5, lon: -70.2 });
  });

  it('reads DMS and degrees with decimal minutes, with any of the usual marks', () => {
    const canonical = `33°07'24.2"N 035°48'44.3"E`;
    for (const text of [`33°07'24.2"N 35°48'44.3"E`, '33°07′24.2″N 35°48′44.3″E', '33 07 24.2 N 035 48 44.3 E', 'N 33 07 24.2 E 35 48 44.3', `33º7'24.2''N, 35º48'44.3''E`, '33°07׳24.2״N 35°48׳44.3״E', '33°07’24.2”N 35°48’44.3”E']) {
      expect(parsed(parseLatLong(text)), text).toMatchObject({ location: { format: 'dms' }, canonical });
    }
    const dm = parsed(parseLatLong(`33°07.403'N 35°48.739'E`));
    expect(dm.location.position.lat).toBeCloseTo(33 + 7.403 / 60, 10);
    expect(dm.canonical).toBe(canonical);
    expect(parsed(parseLatLong(`-33°30' -70°12'`)).location.position).toEqual({ lat: -33.5, lon: -70.2 });
  });

  it('reads Arabic-Indic digits, the Arabic decimal separator and comma, and hemispheres in Arabic and Hebrew', () => {
    const expected = '33.12340°N 35.81230°E';
    for (const text of ['٣٣٫١٢٣٤، ٣٥٫٨١٢٣', '۳۳٫۱۲۳۴ ۳۵٫۸۱۲۳', '٣٣٫١٢٣٤ ش ٣٥٫٨١٢٣ ق', '33.1234 شمال 35.8123 شرق', '33.1234 شمالاً، 35.8123 شرقاً', '33.1234 צ 35.8123 מזרח', '33.1234 צפון 35.8123 מזרח', '\u200F٣٣٫١٢٣٤\u200F ش \u200E35.8123 ق\u061C']) {
      expect(parsed(parseLatLong(text)).canonical, text).toBe(expected);
    }
    expect(parsed(parseLatLong('33.5 ج 70.2 غ')).location.position).toEqual({ lat: -33.5, lon: -70.2 });
    expect(parsed(parseLatLong('33.5 דרום 70.2 מערב')).location.position).toEqual({ lat: -33.5, lon: -70.2 });
    expect(parsed(parseLatLong('33.5 ד׳ 70.2 מערב')).location.position).toEqual({ lat: -33.5, lon: -70.2 });
  });

  it('refuses coordinates that are wrong, with the reason', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['hello world', 'unrecognised'],
      ['33.1234 35.8123 12', 'hemisphereMissing'],
      ['90.5, 35', 'latitudeRange'],
      ['-91 35', 'latitudeRange'],
      ['90 30 N 35 E', 'latitudeRange'],
      ['33, 180.5', 'longitudeRange'],
      ['33N 181 00 E', 'longitudeRange'],
      [`33°60'N 35°E`, 'minutesRange'],
      [`33°07'60"N 35°E`, 'secondsRange'],
      ['33 07 24.2 35 48 44.3', 'hemisphereMissing'],
      [`33°07'24" 35°48'44"`, 'hemisphereMissing'],
      ['33.1N 35.8', 'hemisphereMissing'],
      ['33.1, 35.8E', 'hemisphereMissing'],
      ['33.1 צ 35.8 מ', 'hemisphereAmbiguous'],
      ['-33.5S 70.2W', 'hemisphereAndSign'],
      ['35.8E 33.1N', 'latLongOrder'],
      ['33.1N 35.8N', 'latLongOrder'],
      ['33.5', 'latLongIncomplete'],
      ['33.5N', 'latLongIncomplete'],
      ['33.5,', 'latLongIncomplete'],
      [`33.5°07'N 35E`, 'fractionNotLast'],
      [`33°07.5'24"N 35E`, 'fractionNotLast'],
      ['33,5, 35,8', 'decimalComma'],
      ['33.1, 35.8, 12', 'unrecognised'],
      [`33'07°N 35E`, 'unrecognised'],
      ['33.1X 35.8E', 'unrecognised'],
      ['33.1N 35.8E 12N', 'unrecognised'],
      ['.5 35', 'unrecognised'],
    ];
    for (const [text, error] of cases) expect(errorOf(parseLatLong(text)), text).toBe(error);
  });
});

describe('parseLocation and formatLocation', () => {
  it('tells MGRS from lat/long, and gives a grid reference its MGRS error', () => {
    expect(parsed(parseLocation('36S YB 63476 68694')).location.kind).toBe('mgrs');
    expect(parsed(parseLocation('33.1234N 35.8123E')).location.kind).toBe('latlong');
    expect(parsed(parseLocation('33N 35E')).location.kind).toBe('latlong'); // "33N" is also a grid zone designator
    expect(errorOf(parseLocation('YB 1234 5678'))).toBe('mgrsZoneMissing');
    expect(errorOf(parseLocation('36S NE 12 34'))).toBe('mgrsSquare');
    expect(errorOf(parseLocation('33.1N 35.8'))).toBe('hemisphereMissing');
    expect(errorOf(parseLocation('36S YB 1234 567'))).toBe('mgrsDigitsOdd');
  });

  it('formats canonically: ASCII, five decimals or tenths of a second, hemispheres never negative zero', () => {
    const dms = (lat: number, lon: number) => formatLocation({ kind: 'latlong', format: 'dms', position: { lat, lon } });
    const decimal = (lat: number, lon: number) => formatLocation({ kind: 'latlong', format: 'decimal', position: { lat, lon } });
    expect(decimal(33.1234, 35.8123)).toBe('33.12340°N 35.81230°E');
    expect(dms(33.1234, 35.8123)).toBe(`33°07'24.2"N 035°48'44.3"E`);
    expect(dms(5.99999, -0.5)).toBe(`06°00'00.0"N 000°30'00.0"W`); // 59.964" carries into the minute and degree
    expect(decimal(-0.000001, -0.000004)).toBe('0.00000°N 0.00000°E');
    expect(decimal(-90, -180)).toBe('90.00000°S 180.00000°W');
    expect(formatLocation(parsed(parseMgrs('36syb6347668694')).location)).toBe('36S YB 63476 68694');
    expect(formatLocation(parsed(parseMgrs('36S YB')).location)).toBe('36S YB');
  });

  it('parses its own canonical form back to the same position and the same text', () => {
    const inputs = [...PROJ_REFERENCES.map(([r]) => r), '36S YB 63 68', '37S BT', '33.1234, 35.8123', '-33.45, -70.66', `33°07'24.2"N 35°48'44.3"E`, `0°00'00.04"S 179°59'59.99"W`, '89.999999 -179.999999'];
    for (const input of inputs) {
      const first = parsed(parseLocation(input));
      const again = parsed(parseLocation(first.canonical));
      expect(again.canonical, input).toBe(first.canonical);
      expect(again.location.kind, input).toBe(first.location.kind);
      expect(metresBetween(again.location.position, first.location.position), input).toBeLessThan(2);
    }
  });
});

describe('hostile input', () => {
  const codes = new Set<string>(LOCATION_ERROR_CODES);
  function check(text: string): void {
    let result: LocationResult | undefined;
    expect(() => (result = parseLocation(text)), JSON.stringify(text)).not.toThrow();
    if (result === undefined) return;
    if (!result.ok) {
      expect(codes.has(result.error), result.error).toBe(true);
      return;
    }
    // Whatever is accepted must format to text that reads back identically.
    expect(parsed(parseLocation(result.canonical)).canonical, JSON.stringify(text)).toBe(result.canonical);
    expect(Number.isFinite(result.location.position.lat) && Number.isFinite(result.location.position.lon)).toBe(true);
  }

  it('never throws on random strings built from the characters locations are made of', () => {
    const alphabet = [...`0123456789 .,;:-+−°º˚'"′″׳״NSEWnsewYBTXZIO٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬،ششجقغצדמזרחעב\u200E\u200F\u061C\u00A0\t\n`];
    let seed = 12_345;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 600; i += 1) {
      const length = Math.floor(random() * 30);
      check(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    }
    check('9'.repeat(400));
    check(`${'1'.repeat(150)}N ${'1'.repeat(150)}E`);
    check(`36S YB ${'1'.repeat(190)}`);
    check('1e308, 1e308');
  });

  const blnsPath = '/work/shared/vectors/naughty-strings/blns.json';
  it.runIf(existsSync(blnsPath))('never throws on the Big List of Naughty Strings', () => {
    const strings = JSON.parse(readFileSync(blnsPath, 'utf8')) as unknown[];
    for (const text of strings) if (typeof text === 'string') check(text);
  });
  if (!existsSync(blnsPath)) console.log(`Skipping the naughty-strings test: ${blnsPath} is absent.`);
});

describe('locales/*/location.json', () => {
  it('has a message for every error code and both kinds, in every language', () => {
    for (const language of ['en', 'he', 'ar']) {
      const file = path.resolve(here, '../../../../../locales', language, 'location.json');
      const strings = JSON.parse(readFileSync(file, 'utf8')) as { error: Record<string, string>; kind: Record<string, string> };
      expect(Object.keys(strings.error).sort(), language).toEqual([...LOCATION_ERROR_CODES].sort());
      expect(Object.keys(strings.kind).sort(), language).toEqual(['latlong', 'mgrs']);
    }
  });
});
