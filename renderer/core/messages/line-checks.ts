/**
 * Line checks as this device has seen them through the log: each check the desk sent, and each post's answer with the
 * size of the log its device had verified. Kept in the vault's state table (encrypted), written by the receiver
 * alone. What is missed is judged by the screen's clock (line-check.ts `missedBy`), like overdue messages.
 */
import { z } from 'zod';
import type { LineCheckContent } from '../../../electron/common/message/payload';
import { DeviceId, PostSchema, Time, type Post } from '../../../electron/common/protocol/schemas';
import type { Arrival } from './message-batch';

/** Checks kept: a day of hourly ones, and then some. */
export const LINE_CHECKS_KEPT = 48;

const Answer = z.strictObject({ at: Time, device: DeviceId, deviceName: z.string().max(64), size: z.number().int().min(0).nullable() });

export const LineCheck = z.strictObject({
  id: z.string().min(1).max(64),
  sentAt: Time,
  deskName: z.string().max(64),
  posts: z.array(PostSchema).max(3),
  answers: z.partialRecord(PostSchema, Answer),
});
export type LineCheck = z.infer<typeof LineCheck>;

export const LineCheckLog = z.strictObject({ id: z.literal('line-checks'), checks: z.array(LineCheck).max(LINE_CHECKS_KEPT) });
export type LineCheckLog = z.infer<typeof LineCheckLog>;

export const EMPTY_LINE_CHECK_LOG: LineCheckLog = { id: 'line-checks', checks: [] };

/** The tree size a checkpoint note claims (its second line), or null. */
export function checkpointSize(note: string | null): number | null {
  if (note === null) return null;
  const size = Number(note.split('\n', 2)[1]);
  return Number.isSafeInteger(size) && size >= 0 ? size : null;
}

/**
 * The log with one line-check envelope applied: a check from a supervisor at the desk, or a post's answer to a check
 * it was sent. Anything else (a "check" from a post, an answer from the desk or for a post not asked) changes nothing.
 */
export function applyLineCheck(log: LineCheckLog, arrival: Arrival, content: LineCheckContent): LineCheckLog {
  const { header } = arrival.envelope;
  const { body } = arrival.sender;
  if (content.answers === null) {
    if (header.senderPost !== 'US' || !body.roles.includes('supervisor') || log.checks.some((check) => check.id === header.id)) return log;
    const check: LineCheck = { id: header.id, sentAt: content.at, deskName: body.name, posts: header.recipients.filter((post) => post !== 'US'), answers: {} };
    const checks = [...log.checks, check].sort((a, b) => a.sentAt - b.sentAt).slice(-LINE_CHECKS_KEPT);
    return { ...log, checks };
  }
  const post: Post = header.senderPost;
  const target = log.checks.find((check) => check.id === content.answers);
  if (!target || !target.posts.includes(post)) return log;
  const held = target.answers[post];
  if (held && held.at <= content.at) return log;
  const answer = { at: content.at, device: header.sender, deviceName: body.name, size: checkpointSize(content.checkpoint) };
  return { ...log, checks: log.checks.map((check) => (check === target ? { ...check, answers: { ...check.answers, [post]: answer } } : check)) };
}
