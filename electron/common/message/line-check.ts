/**
 * Line checks (DESIGN §3): the desk tests the line to each post on a schedule; a post's device answers by itself. A
 * post that has not answered within the window has missed the check, which is a link alarm at the desk.
 */
import type { Post } from '../protocol/schemas';

/** How often the desk sends one, until a channel policy says otherwise. */
export const DEFAULT_LINE_CHECK_INTERVAL = 60 * 60_000;
/** How long a post has to answer. */
export const LINE_CHECK_ANSWER_WINDOW = 5 * 60_000;

export interface CheckedPosts {
  readonly sentAt: number;
  readonly posts: readonly Post[];
  readonly answers: Readonly<Partial<Record<Post, unknown>>>;
}

/** The posts that have not answered the check within the window, as of `now`. */
export function missedBy(check: CheckedPosts, now: number, window: number = LINE_CHECK_ANSWER_WINDOW): Post[] {
  return now > check.sentAt + window ? check.posts.filter((post) => check.answers[post] === undefined) : [];
}
