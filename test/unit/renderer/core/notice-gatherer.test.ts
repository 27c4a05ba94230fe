/**
 * Change notices as the UI hears them: the first at once, the rest gathered per window, the window growing while a
 * catch-up keeps changing things and back to its shortest after a quiet one.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { NoticeGatherer } from '../../../../renderer/core/notice-gatherer';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

it('tells the first change at once and gathers the next ones until the window ends', () => {
  const told: string[][] = [];
  const notices = new NoticeGatherer<string>((topics) => told.push(topics), 250, 1000);
  notices.add(['messages']);
  expect(told).toEqual([['messages']]);
  notices.add(['messages', 'status']);
  notices.add(['alarms']);
  vi.advanceTimersByTime(249);
  expect(told).toHaveLength(1);
  vi.advanceTimersByTime(1);
  expect(told).toEqual([['messages'], ['messages', 'status', 'alarms']]);
});

it('doubles the window while changes keep coming, up to the longest, and starts short again after a quiet window', () => {
  const told: number[] = [];
  const notices = new NoticeGatherer<string>(() => told.push(Date.now()), 250, 1000);
  const start = Date.now();
  notices.add(['messages']);
  // A catch-up: a change every 50 ms for 4 s.
  for (let t = 50; t <= 4000; t += 50) {
    vi.advanceTimersByTime(50);
    notices.add(['messages']);
  }
  const gaps = told.slice(1).map((at, i) => at - told[i]!);
  expect(told[0]).toBe(start);
  expect(gaps.slice(0, 4)).toEqual([250, 500, 1000, 1000]);
  // Quiet: what was gathered is told, then one window passes with nothing.
  vi.advanceTimersByTime(3000);
  const quietFrom = told.length;
  notices.add(['status']);
  expect(told).toHaveLength(quietFrom + 1);
  notices.add(['status']);
  vi.advanceTimersByTime(250);
  expect(told).toHaveLength(quietFrom + 2);
});

it('tells a lock at once, in the middle of a long window, and starts the next window short', () => {
  const told: string[][] = [];
  const notices = new NoticeGatherer<string>((topics) => told.push(topics), 250, 1000);
  notices.add(['messages']);
  for (let t = 0; t < 2000; t += 50) {
    vi.advanceTimersByTime(50);
    notices.add(['messages']);
  }
  const before = told.length;
  notices.now(['status']);
  expect(told).toHaveLength(before + 1);
  expect(told.at(-1)).toEqual(['messages', 'status']);
  notices.add(['messages']);
  vi.advanceTimersByTime(250);
  expect(told).toHaveLength(before + 2);
});
