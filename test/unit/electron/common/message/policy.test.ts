/**
 * The channel policy: a message's deadline is the one in force when the relay logged it, whatever order the policies
 * arrive in, and values outside the allowed ranges are refused.
 */
import { describe, expect, it } from 'vitest';
import { ackDeadline } from '../../../../../electron/common/message/lifecycle';
import { DEFAULT_POLICY_RULES, PolicyContent, deadlinesAt, policyAt, withPolicy, type PolicyEntry } from '../../../../../electron/common/message/policy';

const MINUTE = 60_000;
const T0 = Date.UTC(2027, 0, 15, 12, 0);
const rules = (flashMinutes: number, intervalMinutes = 60) => ({
  ...DEFAULT_POLICY_RULES,
  ackDeadlines: { ...DEFAULT_POLICY_RULES.ackDeadlines, FLASH: flashMinutes * MINUTE },
  lineCheckInterval: intervalMinutes * MINUTE,
});
const entry = (source: string, at: number, flashMinutes: number): PolicyEntry => ({ rules: rules(flashMinutes), at, source, device: 'US-desk', deviceName: 'Desk' });

describe('channel policy', () => {
  const early = entry('a', T0, 5);
  const late = entry('b', T0 + 60 * MINUTE, 20);

  it('gives each message the deadline in force when it was relayed, in whatever order policies arrive', () => {
    for (const history of [withPolicy(withPolicy([], early), late), withPolicy(withPolicy([], late), early)]) {
      expect(history.map((held) => held.source)).toEqual(['a', 'b']);
      const flash = (relayedAt: number) => ackDeadline({ precedence: 'FLASH', createdAt: relayedAt, relayedAt }, deadlinesAt(history, relayedAt));
      expect(flash(T0 - 1)).toBe(T0 - 1 + 10 * MINUTE);
      expect(flash(T0 + MINUTE)).toBe(T0 + MINUTE + 5 * MINUTE);
      expect(flash(T0 + 61 * MINUTE)).toBe(T0 + 61 * MINUTE + 20 * MINUTE);
    }
  });

  it('holds a policy delivered twice once, and breaks a tie in time by its envelope', () => {
    const twin = entry('c', T0, 7);
    const history = withPolicy(withPolicy(withPolicy([], twin), early), early);
    expect(history).toHaveLength(2);
    expect(policyAt(history, T0).ackDeadlines.FLASH).toBe(7 * MINUTE);
  });

  it('refuses deadlines and intervals outside their ranges', () => {
    const content = (r: unknown) => PolicyContent.safeParse({ type: 'policy', at: T0, rules: r }).success;
    expect(content(rules(10))).toBe(true);
    expect(content(rules(0.5))).toBe(false);
    expect(content(rules(49 * 60))).toBe(false);
    expect(content(rules(10, 4))).toBe(false);
    expect(content({ ...rules(10), ackDeadlines: { FLASH: MINUTE } })).toBe(false);
  });
});
