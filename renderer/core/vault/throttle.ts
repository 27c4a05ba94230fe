/**
 * Slows down passphrase guessing at the unlock screen: after three consecutive failures each further attempt must wait
 * 1 s, then 2 s, 4 s, … up to 30 s. The counter lives in the database, so closing and reopening the app does not reset
 * it, and an attempt is counted *before* the passphrase is checked, so killing the worker mid-check does not either.
 *
 * This is a speed bump for someone at the keyboard, not the real defence: whoever can copy the profile's files can
 * reset the counter, and against them Argon2id's cost per guess is what holds.
 */
import { z } from 'zod';
import type { VaultDatabase } from './database';
import { VaultError } from './errors';

export const FREE_ATTEMPTS = 3;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 30_000;

export interface VaultClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: VaultClock = { now: () => Date.now() };

/** The wait required before the next attempt, after `failures` consecutive failures. */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}

const ThrottleRow = z.strictObject({ id: z.literal('throttle'), failures: z.number().int().min(0), lastAttemptAt: z.number() });
type ThrottleRow = z.infer<typeof ThrottleRow>;

// A missing or unreadable counter counts as "no failures": refusing to unlock forever would lose the vault, and
// whoever could damage this row could delete it just as well.
async function readRow(db: VaultDatabase): Promise<ThrottleRow> {
  const parsed = ThrottleRow.safeParse(await db.meta.get('throttle'));
  return parsed.success ? parsed.data : { id: 'throttle', failures: 0, lastAttemptAt: 0 };
}

/**
 * Runs one passphrase attempt under the throttle: refuses with `vault.throttled` while the wait is not over, else
 * counts the attempt, runs `check` and, if it succeeds, clears the counter. `check` returns false for a wrong
 * passphrase, which becomes `vault.wrongPassphrase`.
 */
export async function throttledAttempt<T>(db: VaultDatabase, clock: VaultClock, check: () => T | null): Promise<T> {
  const row = await readRow(db);
  const now = clock.now();
  // A clock set backwards must not lock the vault until it catches up: the wait is counted again from now.
  const since = now < row.lastAttemptAt ? now : row.lastAttemptAt;
  const retryAfterMs = since + delayAfter(row.failures) - now;
  if (now < row.lastAttemptAt) await db.meta.put({ ...row, lastAttemptAt: now });
  if (retryAfterMs > 0) throw new VaultError('vault.throttled', { retryAfterMs, failures: row.failures });

  const failures = row.failures + 1;
  await db.meta.put({ id: 'throttle', failures, lastAttemptAt: now } satisfies ThrottleRow);
  const result = check();
  if (result === null) throw new VaultError('vault.wrongPassphrase', { failures });
  await db.meta.put({ id: 'throttle', failures: 0, lastAttemptAt: now } satisfies ThrottleRow);
  return result;
}

export async function failuresSoFar(db: VaultDatabase): Promise<number> {
  return (await readRow(db)).failures;
}
