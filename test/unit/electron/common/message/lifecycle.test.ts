/**
 * The lifecycle fold: the same signed events give the same state whatever order they arrive in, a duplicate changes
 * nothing, no stage moves backwards, and a post speaks only for itself. Property-based (fast-check): each property
 * runs over hundreds of generated event sets and orders. Deadlines run under a fake clock (plain numbers for now).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_STAGES,
  ackDeadline,
  applyEvent,
  initialTracking,
  isOpen,
  markRelayed,
  overduePosts,
  stageRank,
  trackingOf,
  type LifecycleEvent,
  type Tracking,
} from '../../../../../electron/common/message/lifecycle';
import { DEFAULT_ACK_DEADLINES, PRECEDENCES } from '../../../../../electron/common/message/precedence';
import { POSTS, type Post } from '../../../../../electron/common/protocol/schemas';

const DEVICES = ['AAAAAAAAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBBBBBBBB', 'CCCCCCCCCCCCCCCCCCCCCC'];
const T0 = Date.UTC(2027, 0, 15, 12, 0);

const eventArb: fc.Arbitrary<LifecycleEvent> = fc.record({
  stage: fc.constantFrom(...EVENT_STAGES),
  post: fc.constantFrom(...POSTS),
  device: fc.constantFrom(...DEVICES),
  deviceName: fc.constantFrom('Quneitra desk', 'מוצב צפון', 'غرفة العمليات'),
  // Few distinct times and sources, so ties (same stage, same time) are common: the tie-break must hold too.
  at: fc.integer({ min: 0, max: 5 }).map((minute) => T0 + minute * 60_000),
  source: fc.constantFrom('s1', 's2', 's3', 's4'),
});
const recipientsArb = fc.subarray([...POSTS], { minLength: 1 });
const message = (recipients: readonly Post[]) => ({ recipients, relayedAt: T0 });

describe('lifecycle fold', () => {
  it('gives the same state for every order of the same events', () => {
    fc.assert(
      fc.property(recipientsArb, fc.array(eventArb, { maxLength: 12 }).chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))), (recipients, [events, shuffled]) => {
        expect(trackingOf(message(recipients), shuffled)).toEqual(trackingOf(message(recipients), events));
      }),
      { numRuns: 500 },
    );
  });

  it('ignores a repeated event', () => {
    fc.assert(
      fc.property(recipientsArb, fc.array(eventArb, { minLength: 1, maxLength: 10 }), fc.nat(), (recipients, events, pick) => {
        const repeated = [...events, events[pick % events.length]!];
        expect(trackingOf(message(recipients), repeated)).toEqual(trackingOf(message(recipients), events));
      }),
      { numRuns: 300 },
    );
  });

  it('never moves a post backwards, event after event', () => {
    fc.assert(
      fc.property(recipientsArb, fc.array(eventArb, { maxLength: 15 }), (recipients, events) => {
        let tracking: Tracking = initialTracking(message(recipients));
        for (const event of events) {
          const next = applyEvent(tracking, event);
          for (const post of recipients) expect(stageRank(next[post]!.stage)).toBeGreaterThanOrEqual(stageRank(tracking[post]!.stage));
          tracking = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lets a post speak only for itself: events for posts the message is not addressed to change nothing', () => {
    fc.assert(
      fc.property(recipientsArb, fc.array(eventArb, { maxLength: 10 }), (recipients, events) => {
        const outsiders = events.filter((event) => !recipients.includes(event.post));
        expect(trackingOf(message(recipients), outsiders)).toEqual(initialTracking(message(recipients)));
      }),
      { numRuns: 200 },
    );
  });

  it('reaches the highest stage reported, and keeps the earliest mark of each stage', () => {
    const read = (at: number, source: string): LifecycleEvent => ({ stage: 'read', post: 'SY', device: DEVICES[0]!, deviceName: 'SY-1', at, source });
    const ack: LifecycleEvent = { stage: 'acknowledged', post: 'SY', device: DEVICES[1]!, deviceName: 'SY-2', at: T0 + 120_000, source: 'a' };
    const tracking = trackingOf(message(['SY']), [read(T0 + 90_000, 'late'), ack, read(T0 + 60_000, 'early')]);
    expect(tracking.SY!.stage).toBe('acknowledged');
    expect(tracking.SY!.marks.read).toMatchObject({ at: T0 + 60_000, source: 'early' });
    // An acknowledgement overtaking its delivery receipt: the stage is acknowledged; delivered has no mark of its own.
    expect(tracking.SY!.marks.delivered).toBeUndefined();
    expect(isOpen(tracking)).toBe(false);
  });

  it('starts queued, and moves every untouched post to relayed once the relay has it', () => {
    const queued = initialTracking({ recipients: ['IL', 'SY'], relayedAt: null });
    expect(queued).toEqual({ IL: { stage: 'queued', marks: {} }, SY: { stage: 'queued', marks: {} } });
    expect(markRelayed(queued).SY!.stage).toBe('relayed');
  });
});

describe('acknowledgement deadlines', () => {
  it('uses the policy defaults: FLASH 10 min, IMMEDIATE 30 min, PRIORITY 3 h, ROUTINE 6 h', () => {
    expect(DEFAULT_ACK_DEADLINES).toEqual({ FLASH: 600_000, IMMEDIATE: 1_800_000, PRIORITY: 10_800_000, ROUTINE: 21_600_000 });
    for (const precedence of PRECEDENCES) {
      expect(ackDeadline({ precedence, createdAt: T0 - 5_000, relayedAt: T0 })).toBe(T0 + DEFAULT_ACK_DEADLINES[precedence]);
    }
    // Still queued: counted from creation. A channel policy may change the times.
    expect(ackDeadline({ precedence: 'FLASH', createdAt: T0, relayedAt: null })).toBe(T0 + 600_000);
    expect(ackDeadline({ precedence: 'FLASH', createdAt: T0, relayedAt: null }, { ...DEFAULT_ACK_DEADLINES, FLASH: 60_000 })).toBe(T0 + 60_000);
  });

  it('makes a post overdue once the clock passes the deadline without its acknowledgement, and not before', () => {
    let now = T0;
    const clock = { now: () => now, advance: (ms: number) => (now += ms) };
    const relayed = { precedence: 'IMMEDIATE' as const, createdAt: T0, relayedAt: T0 };
    const deadline = ackDeadline(relayed);
    const delivered: LifecycleEvent = { stage: 'delivered', post: 'SY', device: DEVICES[0]!, deviceName: 'SY-1', at: T0 + 1_000, source: 'd' };
    let tracking = trackingOf({ recipients: ['IL', 'SY'], relayedAt: T0 }, [delivered]);
    clock.advance(29 * 60_000);
    expect(overduePosts(tracking, deadline, clock.now())).toEqual([]);
    clock.advance(60_000);
    expect(overduePosts(tracking, deadline, clock.now())).toEqual([]); // exactly at the deadline: not yet
    clock.advance(1);
    expect(overduePosts(tracking, deadline, clock.now()).sort()).toEqual(['IL', 'SY']);
    // A late acknowledgement clears that post; the other stays overdue.
    tracking = applyEvent(tracking, { ...delivered, stage: 'acknowledged', at: clock.now(), source: 'ack' });
    expect(overduePosts(tracking, deadline, clock.now())).toEqual(['IL']);
  });
});
