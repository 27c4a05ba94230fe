/**
 * The inbox's order and filters, as a person at a post sees them: threads kept together, those still waiting for an
 * acknowledgement here first by precedence, then by their newest message; filters narrow, counts count, and what is
 * overdue follows the screen's clock and the channel policy.
 */
import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../../../../../electron/common/message/lifecycle';
import { DEFAULT_POLICY_RULES } from '../../../../../electron/common/message/policy';
import type { Precedence } from '../../../../../electron/common/message/precedence';
import type { Post } from '../../../../../electron/common/protocol/schemas';
import { InboxIndex } from '../../../../../renderer/core/messages/inbox-index';
import { NO_ACTS, type StoredMessage } from '../../../../../renderer/core/messages/message-view';

const T0 = Date.UTC(2027, 0, 15, 12, 0);
const MINUTE = 60_000;

function message(id: string, order: number, options: { precedence?: Precedence; from?: Post; to?: Post[]; replyTo?: string; acknowledgedBy?: Post[]; read?: boolean } = {}): StoredMessage {
  const from = options.from ?? 'IL';
  const to = options.to ?? ['SY'];
  const events: LifecycleEvent[] = (options.acknowledgedBy ?? []).map((post) => ({ stage: 'acknowledged', post, device: `${post}-device`, deviceName: post, at: T0 + order * MINUTE + 1, source: `ack-${id}-${post}` }));
  return {
    id,
    order,
    text: id,
    lang: 'en',
    precedence: options.precedence ?? 'ROUTINE',
    category: 'administrative',
    subject: id,
    body: id,
    ...(options.replyTo ? { replyTo: options.replyTo } : {}),
    outgoing: from === 'SY',
    sender: `${from}-device`,
    senderPost: from,
    senderName: from,
    recipients: to,
    createdAt: T0 + order * MINUTE,
    state: 'relayed',
    logIndex: order,
    hash: `h${order}`,
    relayedAt: T0 + order * MINUTE,
    events,
    readHere: options.read ?? from === 'SY',
    ...NO_ACTS,
  };
}

/** The Syrian post's inbox. */
function inbox(...messages: StoredMessage[]): InboxIndex {
  const index = new InboxIndex('SY', []);
  for (const held of messages) index.upsert(held);
  return index;
}

describe('InboxIndex', () => {
  it('puts threads waiting here first, most urgent first, then the rest by their newest message, replies with their thread', () => {
    const index = inbox(
      message('routine-old', 1, { acknowledgedBy: ['SY'] }),
      message('flash', 2, { precedence: 'FLASH', acknowledgedBy: ['SY'] }),
      message('reply-to-flash', 5, { from: 'SY', to: ['IL'], replyTo: 'flash', acknowledgedBy: ['IL'] }),
      message('priority-waiting', 3, { precedence: 'PRIORITY' }),
      message('immediate-waiting', 4, { precedence: 'IMMEDIATE' }),
      message('routine-new', 6, { acknowledgedBy: ['SY'] }),
    );
    expect(index.ordered({}, T0)).toEqual(['immediate-waiting', 'priority-waiting', 'routine-new', 'reply-to-flash', 'flash', 'routine-old']);
  });

  it('filters by precedence, state, post and a set of search matches', () => {
    const index = inbox(
      message('a', 1, { precedence: 'FLASH', read: true }),
      message('b', 2, { acknowledgedBy: ['SY'], read: true }),
      message('c', 3, { from: 'US', to: ['IL', 'SY'] }),
      message('d', 4, { from: 'SY', to: ['IL'], acknowledgedBy: ['IL'] }),
    );
    expect(index.ordered({ precedence: 'FLASH' }, T0)).toEqual(['a']);
    expect(index.ordered({ state: 'unread' }, T0)).toEqual(['c']);
    expect(index.ordered({ state: 'done' }, T0)).toEqual(['d', 'b']);
    expect(index.ordered({ post: 'US' }, T0)).toEqual(['c']);
    expect(index.ordered({ search: 'x' }, T0, new Set(['b', 'd']))).toEqual(['d', 'b']);
    expect(index.counts(T0)).toEqual({ unread: 1, waiting: 2, overdue: 0 });
  });

  it('judges overdue by the clock it is given and the policy in force when each message was relayed', () => {
    const index = inbox(message('immediate', 0, { precedence: 'IMMEDIATE' }), message('flash', 1, { precedence: 'FLASH' }));
    expect(index.ordered({ overdue: true }, T0 + 10 * MINUTE)).toEqual([]);
    expect(index.ordered({ overdue: true }, T0 + 11 * MINUTE + 1)).toEqual(['flash']);
    expect(index.counts(T0 + 31 * MINUTE).overdue).toBe(2);
    // A policy from before both messages giving IMMEDIATE five minutes.
    const rules = { ...DEFAULT_POLICY_RULES, ackDeadlines: { ...DEFAULT_POLICY_RULES.ackDeadlines, IMMEDIATE: 5 * MINUTE } };
    index.setPolicies([{ rules, at: T0 - MINUTE, source: 'p', device: 'US-device', deviceName: 'Desk' }]);
    expect(index.ordered({ overdue: true }, T0 + 6 * MINUTE)).toEqual(['immediate']);
  });

  it('follows changes: an acknowledgement moves a thread down, a removal takes a message out', () => {
    const index = inbox(message('a', 1, { precedence: 'FLASH' }), message('b', 2));
    expect(index.ordered({}, T0)).toEqual(['a', 'b']);
    index.upsert(message('a', 1, { precedence: 'FLASH', acknowledgedBy: ['SY'] }));
    expect(index.ordered({}, T0)).toEqual(['b', 'a']);
    index.remove('b');
    expect(index.ordered({}, T0)).toEqual(['a']);
  });
});
