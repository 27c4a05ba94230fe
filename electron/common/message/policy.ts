/**
 * The channel policy (DESIGN §3): the acknowledgement deadline of each precedence and the line-check interval, set by
 * a supervisor at the desk as a signed envelope. Every device keeps the history of policies it has verified, so a
 * message's deadline is the one in force when the relay logged it: a later change does not move deadlines that were
 * already running, and the answer is the same whatever order the policy and the message arrive in.
 */
import { z } from 'zod';
import { Time } from '../protocol/schemas';
import { DEFAULT_LINE_CHECK_INTERVAL } from './line-check';
import { DEFAULT_ACK_DEADLINES, PRECEDENCES, type AckDeadlines, type Precedence } from './precedence';

const MINUTE = 60_000;
/** A deadline shorter than a minute cannot be met by a person; one longer than two days is not a hotline's. */
export const DEADLINE_RANGE = { min: MINUTE, max: 48 * 60 * MINUTE } as const;
/** A line check more often than every five minutes would be noise; less often than daily would not watch the line. */
export const LINE_CHECK_INTERVAL_RANGE = { min: 5 * MINUTE, max: 24 * 60 * MINUTE } as const;

const Deadline = z.number().int().min(DEADLINE_RANGE.min).max(DEADLINE_RANGE.max);

export const PolicyRules = z.strictObject({
  ackDeadlines: z.strictObject(Object.fromEntries(PRECEDENCES.map((precedence) => [precedence, Deadline])) as Record<Precedence, typeof Deadline>),
  lineCheckInterval: z.number().int().min(LINE_CHECK_INTERVAL_RANGE.min).max(LINE_CHECK_INTERVAL_RANGE.max),
});
export type PolicyRules = z.infer<typeof PolicyRules>;

/** The envelope content a supervisor signs: the rules, in force from `at`. */
export const PolicyContent = z.strictObject({ type: z.literal('policy'), at: Time, rules: PolicyRules });
export type PolicyContent = z.infer<typeof PolicyContent>;

export const DEFAULT_POLICY_RULES: PolicyRules = { ackDeadlines: DEFAULT_ACK_DEADLINES, lineCheckInterval: DEFAULT_LINE_CHECK_INTERVAL };

/** One verified policy: its rules, from when, and who set them. */
export const PolicyEntry = z.strictObject({
  rules: PolicyRules,
  at: Time,
  /** The envelope that carried it (ties on `at` are broken by it, so every device picks the same one). */
  source: z.string().min(1).max(64),
  device: z.string().min(1).max(64),
  deviceName: z.string().max(64),
});
export type PolicyEntry = z.infer<typeof PolicyEntry>;

/** Ascending by `at`, then source. */
const byTime = (a: PolicyEntry, b: PolicyEntry): number => a.at - b.at || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

/** Policies kept: years of changes at any sane pace. The oldest go first; deadlines that old are long past. */
export const POLICIES_KEPT = 64;

/** The history with one more policy (idempotent: the same source twice is held once). */
export function withPolicy(history: readonly PolicyEntry[], entry: PolicyEntry): PolicyEntry[] {
  if (history.some((held) => held.source === entry.source)) return [...history];
  return [...history, entry].sort(byTime).slice(-POLICIES_KEPT);
}

/** The policy in force at `instant`: the newest set at or before it, else the defaults. */
export function policyAt(history: readonly PolicyEntry[], instant: number): PolicyRules {
  let rules = DEFAULT_POLICY_RULES;
  for (const entry of history) {
    if (entry.at > instant) break;
    rules = entry.rules;
  }
  return rules;
}

/** The policy in force now: the newest of all. */
export const currentPolicy = (history: readonly PolicyEntry[]): PolicyEntry | null => history.at(-1) ?? null;

/** The deadlines for a message relayed (or, while queued, created) at `instant`. */
export const deadlinesAt = (history: readonly PolicyEntry[], instant: number): AckDeadlines => policyAt(history, instant).ackDeadlines;
