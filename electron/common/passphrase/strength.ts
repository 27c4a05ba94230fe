/**
 * A passphrase strength estimate for onboarding feedback and for the minimum the core enforces. It estimates guessing
 * entropy from the character pool actually used, counting code points (so Hebrew and Arabic passphrases are judged
 * fairly), and discounts the patterns guessers try first: repeated characters, runs like "abcd" or "1234", and
 * passphrases made of very few distinct characters. It is deliberately conservative, not a dictionary model: a
 * long passphrase of several words scores well, a short password with symbols does not.
 */

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PassphraseStrength {
  readonly score: StrengthScore;
  /** Estimated bits of guessing entropy, rounded down. */
  readonly bits: number;
  /** Whether the passphrase meets the minimum a vault accepts. */
  readonly acceptable: boolean;
}

/** The minimum a vault accepts: about 50 bits, and at least 10 characters. */
export const MINIMUM_BITS = 50;
export const MINIMUM_LENGTH = 10;

const POOLS: readonly (readonly [RegExp, number])[] = [
  [/\p{Ll}/u, 26],
  [/\p{Lu}/u, 26],
  [/\p{Nd}/u, 10],
  [/[\p{Script=Hebrew}]/u, 27],
  [/[\p{Script=Arabic}]/u, 36],
  [/[\s]/u, 1],
  [/[^\p{L}\p{Nd}\s]/u, 33],
];

/** Characters that continue a run ("abc", "321") or repeat the previous one add almost nothing. */
function isPredictable(previous: number | undefined, current: number): boolean {
  if (previous === undefined) return false;
  const step = current - previous;
  return step === 0 || step === 1 || step === -1;
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const codePoints = [...passphrase].map((character) => character.codePointAt(0)!);
  const length = codePoints.length;
  let pool = 0;
  for (const [pattern, size] of POOLS) if (pattern.test(passphrase)) pool += size;
  // Other scripts (Cyrillic, say) are not in the list: count them like a small alphabet.
  if (pool === 0 && length > 0) pool = 26;
  const perCharacter = Math.log2(Math.max(pool, 2));
  let bits = 0;
  for (let i = 0; i < length; i += 1) bits += isPredictable(codePoints[i - 1], codePoints[i]!) ? 1 : perCharacter;
  // A passphrase of few distinct characters ("abababab...") is guessed from those characters alone.
  const distinct = new Set(codePoints).size;
  bits = Math.min(bits, distinct * perCharacter + length);
  const rounded = Math.max(0, Math.floor(bits));
  const score: StrengthScore = rounded < 28 ? 0 : rounded < 40 ? 1 : rounded < MINIMUM_BITS ? 2 : rounded < 70 ? 3 : 4;
  return { score, bits: rounded, acceptable: rounded >= MINIMUM_BITS && length >= MINIMUM_LENGTH };
}
