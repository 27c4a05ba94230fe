/** Exponential backoff with jitter: about 0.5 s, 1 s, 2 s … up to 30 s, each randomised by ±25 % so clients spread out. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ideal = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 16)));
  return Math.round(ideal * (0.75 + random() * 0.5));
}
