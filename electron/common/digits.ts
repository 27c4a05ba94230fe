// Digits in three scripts: ASCII (latn), Arabic-Indic (arab, U+0660–0669, used in Syria) and Extended Arabic-Indic
// (arabext, U+06F0–06F9, Persian/Urdu style, which Arabic-script keyboards can also produce). All three are *read*
// everywhere; the *display* style is a user preference that is always pinned explicitly, never left to a locale
// default, so the same number never silently changes shape between machines (DESIGN §4).

export const DIGIT_STYLES = ['latn', 'arab', 'arabext'] as const;
export type DigitStyle = (typeof DIGIT_STYLES)[number];

/** Code point of the digit zero in each style; the other nine digits follow it contiguously. */
const ZERO: Readonly<Record<DigitStyle, number>> = { latn: 0x30, arab: 0x660, arabext: 0x6f0 };

const ARABIC_DECIMAL_SEPARATOR = '\u066B';
const MINUS_SIGN = '\u2212';

// Bidi marks that Intl and RTL editors put around numbers and signs (LRM, RLM, ALM). They are invisible, so a
// number copied out of right-to-left text often carries them.
const BIDI_MARKS = '\u200E\u200F\u061C';
const EDGE_JUNK = new RegExp(`^[\\s${BIDI_MARKS}]+|[\\s${BIDI_MARKS}]+$`, 'gu');

function styleOfDigit(ch: string): DigitStyle | null {
  const cp = ch.codePointAt(0) ?? -1;
  for (const style of DIGIT_STYLES) {
    if (cp >= ZERO[style] && cp <= ZERO[style] + 9) return style;
  }
  return null;
}

/**
 * Rewrites Arabic-Indic and Extended Arabic-Indic digits as ASCII, the Arabic decimal separator as '.', and drops
 * the Arabic thousands separator between digits. Everything else is left alone, so this is safe on running text
 * (e.g. before comparing the numbers of an original and its translation).
 */
export function normalizeDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/gu, (ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return String.fromCharCode(0x30 + (cp >= ZERO.arabext ? cp - ZERO.arabext : cp - ZERO.arab));
    })
    .replaceAll(ARABIC_DECIMAL_SEPARATOR, '.')
    .replace(/(?<=\d)\u066C(?=\d)/gu, '');
}

// Shape of a number once digits are ASCII-ised: integer part either plain or grouped in threes with one consistent
// separator (',' or U+066C), then an optional fraction. ',' is never a decimal separator here, so "1,5" is rejected
// rather than guessed at: a wrong guess would be off by a factor of a thousand.
const NUMBER_SHAPE = /^(\d+|\d{1,3}(?:(,|\u066C)\d{3})(?:\2\d{3})*)(?:[.\u066B](\d+))?$/u;

/**
 * Parses a number written with ASCII, Arabic-Indic or Extended Arabic-Indic digits (one set per number; mixing is
 * rejected as a likely typo or spoofing). Accepts a leading '+', '-' or U+2212, and ignores surrounding whitespace
 * and bidi marks (also between the sign and the digits, where Intl puts them). Returns null for anything else.
 */
export function parseNumber(text: string): number | null {
  let body = text.replace(EDGE_JUNK, '');
  let negative = false;
  const sign = body[0];
  if (sign === '+' || sign === '-' || sign === MINUS_SIGN) {
    negative = sign !== '+';
    body = body.slice(1).replace(EDGE_JUNK, '');
  }

  let style: DigitStyle | null = null;
  let ascii = '';
  for (const ch of body) {
    const s = styleOfDigit(ch);
    if (s === null) {
      ascii += ch; // separators and garbage: left for NUMBER_SHAPE to accept or reject
      continue;
    }
    if (style !== null && s !== style) return null;
    style = s;
    ascii += String.fromCharCode(0x30 + (ch.codePointAt(0) ?? 0) - ZERO[s]);
  }

  const match = NUMBER_SHAPE.exec(ascii);
  if (match === null) return null;
  const integer = (match[1] ?? '').replace(/[,\u066C]/gu, '');
  const value = Number(match[3] === undefined ? integer : `${integer}.${match[3]}`);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

export interface FormatNumberOptions {
  maximumFractionDigits?: number;
  useGrouping?: boolean;
}

/**
 * Formats a number in the given digit style. The locale is fixed to 'en' and the numbering system passed
 * explicitly: CLDR then supplies the matching separators (U+066C/U+066B for the Arabic sets), and neither the
 * user's OS locale nor the UI language can change the digits. Non-finite values throw: "NaN" or "∞" must never
 * reach a message.
 */
export function formatNumber(value: number, style: DigitStyle, options: FormatNumberOptions = {}): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatNumber: not a finite number: ${value}`);
  const text = new Intl.NumberFormat('en', {
    numberingSystem: style,
    useGrouping: options.useGrouping ?? true,
    ...(options.maximumFractionDigits === undefined ? {} : { maximumFractionDigits: options.maximumFractionDigits }),
  }).format(value);
  // A value that rounds to zero keeps its sign in Intl ("-0"); a stray minus on a zero would be misread.
  return parseNumber(text) === 0 ? text.replace(/^[^0-9\u0660-\u0669\u06F0-\u06F9]+/u, '') : text;
}

/**
 * Rewrites the ASCII digits of a string in the chosen style, leaving every other character alone. For tokens such
 * as DTGs and grid references, whose letters and layout are fixed but whose digits follow the user's preference.
 */
export function toDigitStyle(text: string, style: DigitStyle): string {
  if (style === 'latn') return text;
  const zero = ZERO[style];
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + d.charCodeAt(0) - 0x30));
}
