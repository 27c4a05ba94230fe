/**
 * The channel policies this device has verified through the log, oldest first (policy.ts says how a message's deadline
 * is chosen from them). Kept in the vault's state table (encrypted), written by the receiver alone.
 */
import { z } from 'zod';
import { PolicyEntry, withPolicy, type PolicyContent } from '../../../electron/common/message/policy';
import { DESK_POST } from '../../../electron/common/protocol/schemas';
import type { Arrival } from './message-batch';

export const PolicyLog = z.strictObject({ id: z.literal('policy'), history: z.array(PolicyEntry).max(64) });
export type PolicyLog = z.infer<typeof PolicyLog>;

export const EMPTY_POLICY_LOG: PolicyLog = { id: 'policy', history: [] };

/** The log with one policy envelope applied: only a supervisor at the desk sets policy (DESIGN §3). */
export function applyPolicy(log: PolicyLog, arrival: Arrival, content: PolicyContent): PolicyLog {
  const { header } = arrival.envelope;
  const { body } = arrival.sender;
  if (header.senderPost !== DESK_POST || !body.roles.includes('supervisor')) return log;
  const history = withPolicy(log.history, { rules: content.rules, at: content.at, source: header.id, device: header.sender, deviceName: body.name });
  return history.length === log.history.length ? log : { ...log, history };
}
