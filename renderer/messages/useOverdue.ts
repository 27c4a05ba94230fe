/**
 * Which recipient posts are overdue, by this window's clock. The answer changes only when a deadline passes, so a
 * timer is set for the next one (not a tick every second for every row). The core hands over deadlines and stages;
 * the time it is now belongs to the screen, which is also what a test's controlled clock moves.
 */
import { useEffect, useRef, useState } from 'react';
import { overduePosts } from '../../electron/common/message/lifecycle';
import type { Post } from '../../electron/common/protocol/schemas';
import type { MessageSummary } from '../core/api';

/** setTimeout's longest wait; a later deadline is waited for in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The time now, as of the last of these deadlines to pass: re-rendered as each one passes, and only then. New
 * deadlines (a row mounted, the open list changed) re-render only if one of them passed since the time shown: any
 * other update would say nothing new, yet re-render the caller (every row of a list that moves during a catch-up,
 * on the UI thread, and with the inbox a second read of its page).
 */
export function useDeadlineClock(deadlines: readonly number[]): number {
  const [now, setNow] = useState(() => Date.now());
  const shown = useRef(now);
  useEffect(() => {
    shown.current = now;
  }, [now]);
  const key = deadlines.join(' ');
  useEffect(() => {
    const ahead = key === '' ? [] : key.split(' ').map(Number);
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now();
      // Past a deadline means later than it (overduePosts, missedBy): one in [shown, current) has just passed.
      if (ahead.some((deadline) => deadline >= shown.current && deadline < current)) setNow(current);
      const next = Math.min(...ahead.filter((deadline) => deadline >= current));
      if (Number.isFinite(next)) timer = setTimeout(tick, Math.min(next - current + 1, LONGEST_TIMER_MS));
    };
    tick();
    return () => clearTimeout(timer);
  }, [key]);
  return now;
}

export function useOverdue(message: MessageSummary): readonly Post[] {
  const now = useDeadlineClock(message.open ? [message.deadline] : []);
  return overduePosts(message.tracking, message.deadline, now);
}

export interface OverdueMessage {
  readonly message: MessageSummary;
  readonly posts: readonly Post[];
}

/** Those of these messages overdue now, with the posts each is waiting for. */
export function useOverdueList(messages: readonly MessageSummary[]): readonly OverdueMessage[] {
  const now = useDeadlineClock(messages.map((message) => message.deadline));
  return messages.map((message) => ({ message, posts: overduePosts(message.tracking, message.deadline, now) })).filter((entry) => entry.posts.length > 0);
}
