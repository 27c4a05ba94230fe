/** What the inbox may be narrowed to (the core applies it, the UI builds it): declared once for both sides. */
import { z } from 'zod';
import { PostSchema } from '../protocol/schemas';
import { CategorySchema, PrecedenceSchema } from './precedence';

export const INBOX_STATES = ['unread', 'open', 'done'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

/**
 * What the inbox may be narrowed to; every field left out matches everything. state — unread: not opened here; open:
 * waiting for an acknowledgement that concerns this post; done: acknowledged by every post. post: sent by or to it.
 * overdue: past its deadline (by the screen's clock) and still waiting here. search: contains every word of it.
 */
export const InboxFilter = z.strictObject({
  precedence: PrecedenceSchema.optional(),
  category: CategorySchema.optional(),
  state: z.enum(INBOX_STATES).optional(),
  post: PostSchema.optional(),
  overdue: z.boolean().optional(),
  search: z.string().max(500).optional(),
});
export type InboxFilter = z.infer<typeof InboxFilter>;
