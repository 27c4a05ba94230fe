/**
 * Where a message stands at each recipient post (DESIGN §3), derived from signed events and nothing else:
 * `queued → relayed → delivered → read → acknowledged → answered → closed`.
 *
 * The state is a fold of events with an operation that is commutative and idempotent: each stage keeps its earliest
 * mark (time, then device, source and name, so ties break the same way everywhere), and the post's stage is the highest
 * stage any event reached. So the same events give the same state in whatever order they arrive, a duplicate changes
 * nothing, and a stage never moves backwards: an acknowledgement that overtakes its read receipt still counts.
 */
import { z } from 'zod';
import { DeviceId, PostSchema, Time, type Post } from '../protocol/schemas';
import { DEFAULT_ACK_DEADLINES, type AckDeadlines, type Precedence } from './precedence';

export const STAGES = ['queued', 'relayed', 'delivered', 'read', 'acknowledged', 'answered', 'closed'] as const;
export type Stage = (typeof STAGES)[number];
/** The stages a recipient post's devices report through events (an answer is a reply message that names it). */
export const EVENT_STAGES = ['delivered', 'read', 'acknowledged', 'answered', 'closed'] as const;
export type EventStage = (typeof EVENT_STAGES)[number];

export const stageRank = (stage: Stage): number => STAGES.indexOf(stage);

export const LifecycleEvent = z.strictObject({
  stage: z.enum(EVENT_STAGES),
  /** The recipient post the event speaks for: the post of the device that signed it. */
  post: PostSchema,
  device: DeviceId,
  deviceName: z.string().max(64),
  at: Time,
  /** The envelope that carried the event (or the reply): what makes the same event seen twice one event. */
  source: z.string().min(1).max(64),
});
export type LifecycleEvent = z.infer<typeof LifecycleEvent>;

export interface StageMark {
  readonly at: number;
  readonly device: string;
  readonly deviceName: string;
  readonly source: string;
}

export interface PostTrack {
  readonly stage: Stage;
  readonly marks: Readonly<Partial<Record<EventStage, StageMark>>>;
}

export type Tracking = Readonly<Partial<Record<Post, PostTrack>>>;

/** What the fold needs to know about the message itself. */
export interface TrackedMessage {
  readonly recipients: readonly Post[];
  /** When this device learned the relay had logged it; null while it is queued. */
  readonly relayedAt: number | null;
}

/** A total order on marks (time, device, source, then name), so the earliest is the same whatever came first. */
const earlier = (a: StageMark, b: StageMark): boolean =>
  a.at !== b.at ? a.at < b.at : a.device !== b.device ? a.device < b.device : a.source !== b.source ? a.source < b.source : a.deviceName < b.deviceName;

/** The state before any event: every recipient post at `queued` or `relayed`. */
export function initialTracking(message: TrackedMessage): Tracking {
  const stage: Stage = message.relayedAt === null ? 'queued' : 'relayed';
  return Object.fromEntries(message.recipients.map((post) => [post, { stage, marks: {} }]));
}

/**
 * One event applied. An event for a post that is not a recipient is ignored: a post speaks only for itself, and only
 * about messages addressed to it.
 */
export function applyEvent(tracking: Tracking, event: LifecycleEvent): Tracking {
  const track = tracking[event.post];
  if (!track) return tracking;
  const mark: StageMark = { at: event.at, device: event.device, deviceName: event.deviceName, source: event.source };
  const held = track.marks[event.stage];
  if (held && !earlier(mark, held)) return tracking;
  const stage = stageRank(event.stage) > stageRank(track.stage) ? event.stage : track.stage;
  return { ...tracking, [event.post]: { stage, marks: { ...track.marks, [event.stage]: mark } } };
}

/** The relay logged the message: every post still at `queued` moves to `relayed`. */
export function markRelayed(tracking: Tracking): Tracking {
  return Object.fromEntries(
    Object.entries(tracking).map(([post, track]) => [post, track.stage === 'queued' ? { ...track, stage: 'relayed' as const } : track]),
  );
}

export const trackingOf = (message: TrackedMessage, events: readonly LifecycleEvent[]): Tracking =>
  events.reduce(applyEvent, initialTracking(message));

/** When each recipient post must have acknowledged by: counted from the relay's log, or from creation while queued. */
export function ackDeadline(message: { readonly precedence: Precedence; readonly createdAt: number; readonly relayedAt: number | null }, deadlines: AckDeadlines = DEFAULT_ACK_DEADLINES): number {
  return (message.relayedAt ?? message.createdAt) + deadlines[message.precedence];
}

const ACKNOWLEDGED = stageRank('acknowledged');

/** The recipient posts that have not acknowledged by the deadline, at `now`. */
export function overduePosts(tracking: Tracking, deadline: number, now: number): Post[] {
  if (now <= deadline) return [];
  return (Object.entries(tracking) as [Post, PostTrack][]).filter(([, track]) => stageRank(track.stage) < ACKNOWLEDGED).map(([post]) => post);
}

/** Open: some recipient post has not acknowledged yet. Open messages head the inbox. */
export const isOpen = (tracking: Tracking): boolean => Object.values(tracking).some((track) => stageRank(track.stage) < ACKNOWLEDGED);
