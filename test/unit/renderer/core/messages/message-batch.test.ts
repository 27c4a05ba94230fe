/**
 * What a received batch does to stored messages, under the rules a hostile sender must not get round: ids belong to
 * their first sender, a post speaks only for itself, acknowledging is an officer's act, and an answer is a reply that
 * names the message. (The receiver's signature, chain and inclusion checks come before this; see the sync tests.)
 */
import { describe, expect, it } from 'vitest';
import type { Payload } from '../../../../../electron/common/message/payload';
import type { SignedCertificate } from '../../../../../electron/common/protocol/certificates';
import type { Envelope } from '../../../../../electron/common/protocol/envelope';
import type { Post, Role } from '../../../../../electron/common/protocol/schemas';
import { MessageBatch, idsNeeded, type Arrival } from '../../../../../renderer/core/messages/message-batch';
import { trackingOfMessage, type StoredMessage } from '../../../../../renderer/core/messages/message-view';

const T0 = Date.UTC(2027, 0, 15, 12, 0);
const id = (n: number) => `${String(n).padStart(2, '0')}${'A'.repeat(20)}`;
const DEVICE = { il: 'IL-device-AAAAAAAAAAAA', sy: 'SY-device-AAAAAAAAAAAA', syTranslator: 'SY-translator-AAAAAAAA', us: 'US-device-AAAAAAAAAAAA' };

function arrival(options: { id: string; sender: string; post: Post; roles?: Role[]; recipients: Post[]; kind: 'message' | 'event' | 'translation'; content: Payload['content']; index: number }): Arrival {
  const envelope = {
    header: { v: 1, id: options.id, kind: options.kind, sender: options.sender, senderPost: options.post, recipients: options.recipients, createdAt: T0 + options.index * 1000, seq: options.index + 1, prev: null },
  } as unknown as Envelope;
  const sender = { body: { deviceId: options.sender, post: options.post, roles: options.roles ?? ['officer'], name: `${options.post} officer` } } as unknown as SignedCertificate;
  return { envelope, hash: `hash-${options.index}`, index: options.index, payload: { v: 1, content: options.content, trail: { previous: {}, checkpoint: null } }, sender };
}

const flash = (n: number, index: number, sender = DEVICE.il, post: Post = 'IL') =>
  arrival({
    id: id(n),
    sender,
    post,
    recipients: ['SY'],
    kind: 'message',
    index,
    content: { type: 'message', lang: 'he', precedence: 'FLASH', category: 'deconfliction', subject: 'תרגיל', body: 'גוף ההודעה' },
  });
const event = (stage: 'delivered' | 'read' | 'acknowledged' | 'closed', messages: string[], index: number, sender = DEVICE.sy, roles: Role[] = ['officer'], post: Post = 'SY') =>
  arrival({ id: id(50 + index), sender, post, roles, recipients: ['IL'], kind: 'event', index, content: { type: 'event', stage, at: T0 + index * 1000, messages } });

/** Runs arrivals through batches the way the receiver does: each batch sees what the earlier ones stored. */
function receiveAll(me: { deviceId: string; post: Post }, ...batches: Arrival[][]) {
  const stored = new Map<string, StoredMessage>();
  const delivered: string[] = [];
  for (const arrivals of batches) {
    const batch = new MessageBatch((key) => stored.get(key) ?? null, me);
    for (const item of arrivals) batch.receive(item);
    for (const [key, view] of batch.changed) stored.set(key, view);
    delivered.push(...batch.delivered.map((view) => view.id));
  }
  return { stored, delivered };
}

describe('MessageBatch', () => {
  it('stores a new message, and lists it for a delivery receipt only at a recipient post', () => {
    const atSy = receiveAll({ deviceId: DEVICE.sy, post: 'SY' }, [flash(1, 0)]);
    expect(atSy.stored.get(id(1))).toMatchObject({ precedence: 'FLASH', subject: 'תרגיל', outgoing: false, readHere: false, logIndex: 0 });
    expect(atSy.delivered).toEqual([id(1)]);
    // The desk watches the same message; it is not addressed to the desk, so the desk reports nothing.
    expect(receiveAll({ deviceId: DEVICE.us, post: 'US' }, [flash(1, 0)]).delivered).toEqual([]);
  });

  it('keeps an id for its first sender: a second message reusing it changes nothing', () => {
    const { stored } = receiveAll({ deviceId: DEVICE.us, post: 'US' }, [flash(1, 0)], [flash(1, 1, DEVICE.sy, 'SY')]);
    expect(stored.get(id(1))).toMatchObject({ sender: DEVICE.il, logIndex: 0 });
  });

  it('applies events from a recipient post in whatever batch they come, and derives the stage from them', () => {
    const { stored } = receiveAll(
      { deviceId: DEVICE.il, post: 'IL' },
      [flash(1, 0)],
      [event('acknowledged', [id(1)], 2), event('delivered', [id(1)], 1)],
      [event('read', [id(1)], 3)],
    );
    const tracking = trackingOfMessage(stored.get(id(1))!);
    expect(tracking.SY!.stage).toBe('acknowledged');
    expect(Object.keys(tracking.SY!.marks).sort()).toEqual(['acknowledged', 'delivered', 'read']);
    expect(tracking.SY!.marks.acknowledged).toMatchObject({ device: DEVICE.sy, at: T0 + 2000 });
  });

  it('counts an acknowledgement only from an officer, and an event only for the post that signed it', () => {
    const { stored } = receiveAll(
      { deviceId: DEVICE.il, post: 'IL' },
      [flash(1, 0)],
      [event('acknowledged', [id(1)], 1, DEVICE.syTranslator, ['translator']), event('acknowledged', [id(1)], 2, DEVICE.us, ['officer', 'supervisor'], 'US')],
    );
    const tracking = trackingOfMessage(stored.get(id(1))!);
    expect(tracking.SY!.stage).toBe('relayed');
    expect(tracking.US).toBeUndefined();
  });

  it('ignores an event whose header says it is a message (and the reverse), and events for messages it does not hold', () => {
    const mislabelled = { ...event('acknowledged', [id(1)], 1), envelope: { ...event('acknowledged', [id(1)], 1).envelope, header: { ...event('acknowledged', [id(1)], 1).envelope.header, kind: 'message' as const } } };
    const { stored } = receiveAll({ deviceId: DEVICE.il, post: 'IL' }, [flash(1, 0)], [mislabelled, event('read', [id(9)], 2)]);
    expect(trackingOfMessage(stored.get(id(1))!).SY!.stage).toBe('relayed');
    expect(stored.has(id(9))).toBe(false);
  });

  it('marks a message answered by a reply from a recipient post, and read here by this device\'s own read receipt', () => {
    const reply = arrival({
      id: id(2),
      sender: DEVICE.sy,
      post: 'SY',
      recipients: ['IL'],
      kind: 'message',
      index: 5,
      content: { type: 'message', lang: 'ar', precedence: 'FLASH', category: 'reply', subject: 'تم', body: 'تم الاستلام', replyTo: id(1) },
    });
    expect(idsNeeded(reply)).toEqual([id(2), id(1)]);
    const atSy = receiveAll({ deviceId: DEVICE.sy, post: 'SY' }, [flash(1, 0)], [event('read', [id(1)], 1)], [reply]);
    const original = atSy.stored.get(id(1))!;
    expect(original.readHere).toBe(true);
    expect(trackingOfMessage(original).SY!.stage).toBe('answered');
    expect(trackingOfMessage(original).SY!.marks.answered).toMatchObject({ source: id(2) });
  });

  it('reports text unchanged for messages only events touched, so search does not index them again', () => {
    const stored = new Map<string, StoredMessage>();
    const first = new MessageBatch(() => null, { deviceId: DEVICE.il, post: 'IL' });
    first.receive(flash(1, 0));
    for (const [key, view] of first.changed) stored.set(key, view);
    const second = new MessageBatch((key) => stored.get(key) ?? null, { deviceId: DEVICE.il, post: 'IL' });
    second.receive(event('delivered', [id(1)], 1));
    second.receive(flash(3, 2));
    expect([...second.unchangedText()]).toEqual([id(1)]);
  });

  it('takes a note on a message only from a supervisor at the desk, once per envelope, whatever its header claims', () => {
    const note = (n: number, index: number, sender: string, post: Post, roles: Role[], kind: 'message' | 'event' = 'event') =>
      arrival({ id: id(n), sender, post, roles, recipients: ['IL', 'SY'], kind, index, content: { type: 'annotation', message: id(1), text: 'נא לאשר מיד', at: T0 + index } });
    const { stored } = receiveAll(
      { deviceId: DEVICE.il, post: 'IL' },
      [flash(1, 0)],
      [note(60, 1, DEVICE.us, 'US', ['supervisor']), note(60, 1, DEVICE.us, 'US', ['supervisor'])],
      // An officer at a post, a desk device without the supervisor role, and a note under the wrong header kind.
      [note(61, 2, DEVICE.sy, 'SY', ['officer', 'supervisor']), note(62, 3, 'US-officer-AAAAAAAAAAA', 'US', ['officer']), note(63, 4, DEVICE.us, 'US', ['supervisor'], 'message')],
    );
    expect(stored.get(id(1))!.notes).toEqual([{ at: T0 + 1, post: 'US', device: DEVICE.us, deviceName: 'US officer', source: id(60), text: 'נא לאשר מיד' }]);
  });

  it('records translation requests from a post the message concerns, for the languages asked', () => {
    const request = (n: number, index: number, sender: string, post: Post) =>
      arrival({ id: id(n), sender, post, roles: ['translator'], recipients: ['IL'], kind: 'event', index, content: { type: 'translation-request', message: id(1), languages: ['ar', 'en', 'ar'], at: T0 + index } });
    const { stored } = receiveAll({ deviceId: DEVICE.us, post: 'US' }, [flash(1, 0)], [request(70, 1, DEVICE.syTranslator, 'SY')]);
    expect(stored.get(id(1))!.translationRequests).toEqual([{ at: T0 + 1, post: 'SY', device: DEVICE.syTranslator, deviceName: 'SY officer', source: id(70), languages: ['ar', 'en'] }]);
    expect(idsNeeded(request(71, 2, DEVICE.sy, 'SY'))).toEqual([id(1)]);
  });

  it('keeps only a translator\'s submission, and records a certification by its own translator as refused, with the reason', () => {
    // Each translator under a name of their own (the same name on two devices is one person).
    const byTranslation = (n: number, index: number, sender: string, roles: Role[], content: Payload['content']): Arrival => {
      const made = arrival({ id: id(n), sender, post: 'SY', roles, recipients: ['IL'], kind: 'translation', index, content });
      return { ...made, sender: { ...made.sender, body: { ...made.sender.body, name: sender } } };
    };
    const translation = (n: number, index: number, roles: Role[]) =>
      byTranslation(n, index, DEVICE.sy, roles, { type: 'translation', message: id(1), lang: 'ar', subject: 'تمرين', body: 'نص الرسالة', at: T0 + index });
    const review = (n: number, index: number, sender: string) =>
      byTranslation(n, index, sender, ['translator'], { type: 'translation-review', message: id(1), submission: id(80), verdict: 'certified', comment: '', overrides: [], at: T0 + index });
    const { stored } = receiveAll(
      { deviceId: DEVICE.il, post: 'IL' },
      [flash(1, 0)],
      // An officer's "translation" counts for nothing; the translator's is kept.
      [translation(79, 1, ['officer']), translation(80, 2, ['translator'])],
      [review(81, 3, DEVICE.sy), review(82, 4, DEVICE.syTranslator)],
    );
    const translations = stored.get(id(1))!.translations;
    expect(translations.map((held) => held.id)).toEqual([id(80)]);
    expect(translations[0]!.reviews.map((verdict) => [verdict.device, verdict.refused?.reason ?? null])).toEqual([
      [DEVICE.sy, 'same-person'],
      [DEVICE.syTranslator, null],
    ]);
  });
});
