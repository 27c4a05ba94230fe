/**
 * The sender's chain, as far as this device can see it. Envelopes reach a post in the sender's order (the relay
 * appends a sender's envelopes only in sequence), so each one must come after the last one seen from that sender,
 * and directly after it must name it as `prev`: anything else is a replay or a fork. A post does not see the envelopes
 * a sender addressed elsewhere, so a gap in `seq` says nothing by itself; the payload's trail says which envelope for
 * this post came before, and if this device never received it the relay dropped it.
 */
import type { Payload } from '../../../electron/common/message/payload';
import type { Envelope } from '../../../electron/common/protocol/envelope';
import type { Post } from '../../../electron/common/protocol/schemas';
import type { AlarmKind } from '../api';

export interface ChainLink {
  readonly seq: number;
  readonly hash: string;
}

export interface ChainLookups {
  /** The last envelope seen from this sender (stored, or earlier in the batch being processed). */
  lastFrom(sender: string): Promise<ChainLink | null>;
  /** Whether this device holds the envelope with this hash. */
  holds(hash: string): Promise<boolean>;
}

type Finding = { readonly alarm: AlarmKind; readonly detail: Readonly<Record<string, string | number>> };

/**
 * Not ok: the envelope itself cannot be trusted (a replay or a fork). Ok with `missing`: the envelope is genuine and
 * is shown, but it proves that an earlier one for this post was withheld.
 */
export type ChainVerdict = ({ readonly ok: true } & { readonly missing?: Finding }) | ({ readonly ok: false } & Finding);

export async function checkChain(
  envelope: Envelope,
  payload: Payload | null,
  myPost: Post,
  lookups: ChainLookups,
  senderName: string,
): Promise<ChainVerdict> {
  const { header } = envelope;
  // Another device's envelope is never held before it is delivered (this device's own, stored on its receipt, are
  // judged by the receiver): one delivered again at a new log index is a replay, and the sequence check says so.
  const detail = { post: header.senderPost, name: senderName, seq: header.seq };
  const last = await lookups.lastFrom(header.sender);
  if (last) {
    if (header.seq <= last.seq) return { ok: false, alarm: 'chain-broken', detail };
    if (header.seq === last.seq + 1 && header.prev !== last.hash) return { ok: false, alarm: 'chain-broken', detail };
  }
  const previousForMe = payload?.trail.previous[myPost];
  if (previousForMe && !(await lookups.holds(previousForMe))) return { ok: true, missing: { alarm: 'missing-envelope', detail } };
  return { ok: true };
}
