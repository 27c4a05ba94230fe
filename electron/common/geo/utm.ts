// Transverse Mercator on the WGS84 ellipsoid, as used by UTM and therefore by MGRS. Krüger's series to sixth order
// in n, in the form given by Karney (2011, "Transverse Mercator with an accuracy of a few nanometers"): well under a
// millimetre anywhere a UTM zone is used, which the older USGS/Snyder formulae only reach near the central meridian.
// Pure arithmetic; zones, bands and letters are MGRS concerns and live in mgrs.ts.

const A_AXIS = 6_378_137; // WGS84 semi-major axis, metres
const F = 1 / 298.257223563; // WGS84 flattening
const K0 = 0.9996; // UTM scale on the central meridian
export const FALSE_EASTING = 500_000;
/** Added to southern-hemisphere northings so they stay positive. */
export const FALSE_NORTHING_SOUTH = 10_000_000;

const E = Math.sqrt(F * (2 - F)); // first eccentricity
const N = F / (2 - F); // third flattening
const N2 = N * N;
const N3 = N2 * N;
const N4 = N3 * N;
const N5 = N4 * N;
const N6 = N5 * N;

/** Radius of the rectifying sphere: one 2π of ξ is one meridian. */
const RECTIFYING_RADIUS = (A_AXIS / (1 + N)) * (1 + N2 / 4 + N4 / 64 + N6 / 256);

// Karney (2011) eqs. 35 (α, forward) and 36 (β, inverse).
const ALPHA = [
  N / 2 - (2 / 3) * N2 + (5 / 16) * N3 + (41 / 180) * N4 - (127 / 288) * N5 + (7891 / 37800) * N6,
  (13 / 48) * N2 - (3 / 5) * N3 + (557 / 1440) * N4 + (281 / 630) * N5 - (1983433 / 1935360) * N6,
  (61 / 240) * N3 - (103 / 140) * N4 + (15061 / 26880) * N5 + (167603 / 181440) * N6,
  (49561 / 161280) * N4 - (179 / 168) * N5 + (6601661 / 7257600) * N6,
  (34729 / 80640) * N5 - (3418889 / 1995840) * N6,
  (212378941 / 319334400) * N6,
] as const;
const BETA = [
  N / 2 - (2 / 3) * N2 + (37 / 96) * N3 - (1 / 360) * N4 - (81 / 512) * N5 + (96199 / 604800) * N6,
  (1 / 48) * N2 + (1 / 15) * N3 - (437 / 1440) * N4 + (46 / 105) * N5 - (1118711 / 3870720) * N6,
  (17 / 480) * N3 - (37 / 840) * N4 - (209 / 4480) * N5 + (5569 / 90720) * N6,
  (4397 / 161280) * N4 - (11 / 504) * N5 - (830251 / 7257600) * N6,
  (4583 / 161280) * N5 - (108847 / 3991680) * N6,
  (20648693 / 638668800) * N6,
] as const;

const RAD = Math.PI / 180;

/** Longitude of the central meridian of a UTM zone (1–60), degrees. */
export function centralMeridian(zone: number): number {
  return zone * 6 - 183;
}

/** τ' (tangent of the conformal latitude) from τ (tangent of the geodetic latitude). */
function conformalTangent(tau: number): number {
  const sigma = Math.sinh(E * Math.atanh((E * tau) / Math.hypot(1, tau)));
  return tau * Math.hypot(1, sigma) - sigma * Math.hypot(1, tau);
}

export interface UtmPoint {
  /** Metres, including the 500 km false easting. */
  readonly easting: number;
  /** Metres from the equator, negative in the south (no false northing): MGRS works modulo 2,000 km anyway. */
  readonly northing: number;
}

/** Projects a WGS84 position (degrees) into the given UTM zone; the zone need not be the point's own. */
export function toUtm(lat: number, lon: number, zone: number): UtmPoint {
  const lambda = ((((lon - centralMeridian(zone)) % 360) + 540) % 360 - 180) * RAD;
  const tauPrime = conformalTangent(Math.tan(lat * RAD));
  const xiPrime = Math.atan2(tauPrime, Math.cos(lambda));
  const etaPrime = Math.asinh(Math.sin(lambda) / Math.hypot(tauPrime, Math.cos(lambda)));
  let xi = xiPrime;
  let eta = etaPrime;
  ALPHA.forEach((alpha, i) => {
    const k = 2 * (i + 1);
    xi += alpha * Math.sin(k * xiPrime) * Math.cosh(k * etaPrime);
    eta += alpha * Math.cos(k * xiPrime) * Math.sinh(k * etaPrime);
  });
  return { easting: FALSE_EASTING + K0 * RECTIFYING_RADIUS * eta, northing: K0 * RECTIFYING_RADIUS * xi };
}

/**
 * Inverse of toUtm: a position in degrees from a zone, easting (with false easting) and a signed northing (negative
 * south of the equator). Longitude is returned in −180…180.
 */
export function fromUtm(zone: number, easting: number, northing: number): { lat: number; lon: number } {
  const eta = (easting - FALSE_EASTING) / (K0 * RECTIFYING_RADIUS);
  const xi = northing / (K0 * RECTIFYING_RADIUS);
  let xiPrime = xi;
  let etaPrime = eta;
  BETA.forEach((beta, i) => {
    const k = 2 * (i + 1);
    xiPrime -= beta * Math.sin(k * xi) * Math.cosh(k * eta);
    etaPrime -= beta * Math.cos(k * xi) * Math.sinh(k * eta);
  });
  const sinhEta = Math.sinh(etaPrime);
  const cosXi = Math.cos(xiPrime);
  const tauPrime = Math.sin(xiPrime) / Math.hypot(sinhEta, cosXi);

  // Newton's method for τ from τ' (Karney eqs. 19–21); it converges in two or three steps, the bound is a guard.
  let tau = tauPrime;
  for (let step = 0; step < 10; step += 1) {
    const tauIPrime = conformalTangent(tau);
    const delta =
      ((tauPrime - tauIPrime) / Math.hypot(1, tauIPrime)) *
      ((1 + (1 - E * E) * tau * tau) / ((1 - E * E) * Math.hypot(1, tau)));
    tau += delta;
    if (Math.abs(delta) < 1e-12) break;
  }
  const lon = centralMeridian(zone) + Math.atan2(sinhEta, cosXi) / RAD;
  return { lat: Math.atan(tau) / RAD, lon: ((((lon + 180) % 360) + 360) % 360) - 180 };
}
