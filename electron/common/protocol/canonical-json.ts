/**
 * The deterministic encoding of everything that is signed or hashed: canonical JSON in the manner of RFC 8785 (JCS),
 * restricted to the values the protocol uses — null, booleans, safe integers, strings, arrays and plain objects.
 * Object members are sorted by their keys' UTF-16 code units; strings are written as ECMAScript's JSON.stringify
 * writes them; there is no whitespace. Binary values are base64url strings before they get here. Floats, -0,
 * undefined and anything else are refused rather than guessed at, so two implementations cannot disagree.
 */
import { utf8Encode } from '../crypto/sodium';

export type CanonicalValue = null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || Object.is(value, -0)) throw new TypeError(`not a canonical number: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.some(([, v]) => v === undefined)) throw new TypeError('undefined member in canonical JSON');
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`not canonical JSON: ${typeof value}`);
}

export const canonicalBytes = (value: unknown): Uint8Array => utf8Encode(canonicalJson(value));

/**
 * What a signature covers: a context label (so a signature made for one purpose can never be replayed as another),
 * a newline, then the canonical JSON of the value.
 */
export const signingInput = (context: SigningContext, value: unknown): Uint8Array => utf8Encode(`${SIGNING_PREFIX}${context}\n${canonicalJson(value)}`);

export const SIGNING_PREFIX = 'liaison-hotline/v1/';

export type SigningContext =
  | 'device-certificate'
  | 'revocation-list'
  | 'enrolment-request'
  | 'envelope'
  | 'envelope-header'
  | 'relay-auth'
  | 'relay-bind';
