/**
 * vault-catch-up, in the page: unlocks the profile's core worker after it was offline and waits until the last
 * message the relay holds for it is searchable and the vault holds every expected message, polling gently (a search
 * for one word every `pollMs`, then the list's length) so the polling costs the worker and this thread little.
 * The long tasks of the page's own thread are recorded from `observeLongTasks` until `longTasks` is asked, each with
 * what the long animation frames around it say ran in it.
 */
import type { CoreApi } from '../../../renderer/core/api';
import type { CatchUpInput, CatchUpResult, LongTasks } from './bench-api';

/** Epoch milliseconds with the page's timer resolution, comparable with the Node side's clock. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

const tasks: { at: number; ms: number }[] = [];
let observer: PerformanceObserver | null = null;

/**
 * What a long animation frame reports (Chromium's Long Animation Frames API; TypeScript's DOM library does not type
 * it yet): the scripts that ran in it and how much of it was style and layout. It is what says which part of the app
 * a long task was.
 */
interface AnimationFrameTiming extends PerformanceEntry {
  readonly renderStart: number;
  readonly styleAndLayoutStart: number;
  readonly scripts: readonly { readonly invoker: string; readonly sourceFunctionName: string; readonly duration: number; readonly forcedStyleAndLayoutDuration: number }[];
}
const frames: AnimationFrameTiming[] = [];
let frameObserver: PerformanceObserver | null = null;

export function observeLongTasks(): void {
  tasks.length = 0;
  frames.length = 0;
  observer?.disconnect();
  frameObserver?.disconnect();
  observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration });
  });
  observer.observe({ type: 'longtask' });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    frameObserver = new PerformanceObserver((list) => frames.push(...(list.getEntries() as AnimationFrameTiming[])));
    frameObserver.observe({ type: 'long-animation-frame' });
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** The scripts and rendering of the long animation frames a task overlaps, longest script first, in one line. */
function attribution(task: { at: number; ms: number }): string | undefined {
  const start = task.at - performance.timeOrigin;
  const overlapping = frames.filter((frame) => frame.startTime < start + task.ms && frame.startTime + frame.duration > start);
  if (overlapping.length === 0) return undefined;
  return overlapping
    .map((frame) => {
      const scripts = [...frame.scripts]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((script) => `${script.invoker}${script.sourceFunctionName ? ` ${script.sourceFunctionName}` : ''} ${ms(script.duration)}${script.forcedStyleAndLayoutDuration >= 1 ? ` (forced layout ${ms(script.forcedStyleAndLayoutDuration)})` : ''}`);
      const rendering = frame.renderStart > 0 ? frame.startTime + frame.duration - frame.renderStart : 0;
      const styleAndLayout = frame.styleAndLayoutStart > 0 ? frame.startTime + frame.duration - frame.styleAndLayoutStart : 0;
      return `frame ${ms(frame.duration)}: ${scripts.join(', ') || 'no script'}; rendering ${ms(rendering)} (style and layout ${ms(styleAndLayout)})`;
    })
    .join(' | ');
}

export function longTasks(): LongTasks {
  observer?.takeRecords().forEach((entry) => tasks.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration }));
  frames.push(...((frameObserver?.takeRecords() ?? []) as AnimationFrameTiming[]));
  observer?.disconnect();
  frameObserver?.disconnect();
  observer = null;
  frameObserver = null;
  const sorted = [...tasks].sort((a, b) => b.ms - a.ms);
  const top = sorted.slice(0, 10).map((task) => ({ ...task, what: attribution(task) }));
  return { count: tasks.length, longestMs: sorted[0]?.ms ?? 0, totalMs: tasks.reduce((sum, task) => sum + task.ms, 0), top };
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
