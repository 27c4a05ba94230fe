/**
 * vault-catch-up, in the page: unlocks the profile's core worker after it was offline and waits until the last
 * message the relay holds for it is searchable and the vault holds every expected message, polling gently (a search
 * for one word every `pollMs`, then the list's length) so the polling costs the worker and this thread little.
 * The long tasks of the page's own thread are recorded from `observeLongTasks` until `longTasks` is asked.
 */
import type { CoreApi } from '../../../renderer/core/api';
import type { CatchUpInput, CatchUpResult, LongTasks } from './bench-api';

/** Epoch milliseconds with the page's timer resolution, comparable with the Node side's clock. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

const tasks: { at: number; ms: number }[] = [];
let observer: PerformanceObserver | null = null;

export function observeLongTasks(): void {
  tasks.length = 0;
  observer?.disconnect();
  observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration });
  });
  observer.observe({ type: 'longtask' });
}

export function longTasks(): LongTasks {
  observer?.takeRecords().forEach((entry) => tasks.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration }));
  observer?.disconnect();
  observer = null;
  const sorted = [...tasks].sort((a, b) => b.ms - a.ms);
  return { count: tasks.length, longestMs: sorted[0]?.ms ?? 0, totalMs: tasks.reduce((sum, task) => sum + task.ms, 0), top: sorted.slice(0, 10) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function catchUp(core: CoreApi, input: CatchUpInput): Promise<CatchUpResult> {
  const startedAt = epochNow();
  await core.unlock(input.passphrase);
  const unlockedAt = epochNow();
  const deadline = unlockedAt + input.timeoutMs;
  let searchableAt: number | null = null;
  let reads = 0;
  let listed = 0;
  while (epochNow() < deadline) {
    if (searchableAt === null) {
      const found = await core.search(input.lastWord);
      if (found.some((m) => m.id === input.lastId)) searchableAt = epochNow();
    }
    if (searchableAt !== null) {
      reads += 1;
      listed = (await core.messagePage(0, 1)).total;
      if (listed >= input.expected) return { startedAt, unlockedAt, searchableAt, allListedAt: epochNow(), listed, reads };
    }
    await sleep(input.pollMs);
  }
  throw new Error(`catch-up incomplete after ${input.timeoutMs} ms: last message ${searchableAt === null ? 'not searchable' : 'searchable'}, ${listed} of ${input.expected} listed`);
}
