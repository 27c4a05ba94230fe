/**
 * A message's life across three real devices and a real relay: the Israeli post sends a FLASH planned-activity notice
 * to the Syrian post; the Syrian device reports delivery by itself, the officer opens it (read) and acknowledges it;
 * the Israeli post and the desk see each stage, with its time and device, from the signed events alone. Deadlines and
 * overdue posts are computed under a controlled clock.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../../electron/common/crypto/sodium';
import { overduePosts } from '../../../electron/common/message/lifecycle';
import type { MessageSummary } from '../../../renderer/core/api';
import { poll, setUpChannel, type TestChannel, type TestDevice } from '../../support/core-device';
import { RelayProcess } from '../../support/relay-process';

let relay: RelayProcess;
let channel: TestChannel;

beforeAll(async () => {
  await initCrypto();
  relay = await RelayProcess.start();
  channel = await setUpChannel(relay.url, relay.bindToken!);
});
afterAll(async () => {
  for (const { core } of [channel.desk, channel.il, channel.sy]) await core.close();
  await relay?.stop();
});

const WINDOW_START = Date.UTC(2027, 0, 15, 4, 0);

async function untilMessage(device: TestDevice, id: string, predicate: (message: MessageSummary) => boolean, what: string): Promise<MessageSummary> {
  return (await poll(() => device.core.message(id), (message) => message !== null && predicate(message), what))!;
}

it('tracks a FLASH notice from queued to acknowledged at every party, from signed events', async () => {
  const { il, sy, desk } = channel;
  const id = await il.core.send({
    recipients: ['SY'],
    precedence: 'FLASH',
    category: 'deconfliction',
    subject: 'עבודות הנדסה ליד הגדר',
    body: '',
    lang: 'he',
    template: { kind: 'planned-activity', activity: 'עבודות הנדסה בציר הסיור', area: '36S YB 12345 67890', from: WINDOW_START, until: WINDOW_START + 4 * 3_600_000, contact: 'קצין תורן' },
  });

  // The Syrian device stores it and reports delivery by itself; its banner list holds it until acknowledged.
  const atSy = await untilMessage(sy, id, (message) => message.tracking.SY?.stage === 'delivered', 'delivery at SY');
  expect(atSy).toMatchObject({ precedence: 'FLASH', category: 'deconfliction', unread: true, open: true });
  expect(atSy.template).toMatchObject({ kind: 'planned-activity', area: '36S YB 12345 67890', from: WINDOW_START });
  expect((await sy.core.urgent()).map((message) => message.id)).toEqual([id]);
  // The deadline: FLASH, 10 minutes from the signed time it went to the relay, the same at every party.
  expect(atSy.deadline).toBe(atSy.relayedAt! + 10 * 60_000);

  const delivered = await untilMessage(il, id, (message) => message.tracking.SY?.stage === 'delivered', 'delivery seen at IL');
  expect(delivered.tracking.SY!.marks.delivered).toMatchObject({ deviceName: 'ضابط الارتباط' });

  // The officer opens it: read. Then acknowledges: received and understood.
  await sy.core.markRead(id);
  await untilMessage(il, id, (message) => message.tracking.SY?.stage === 'read', 'read seen at IL');
  await sy.core.acknowledge(id);
  // Shown at once at the acknowledging post, before the relay has it.
  expect((await sy.core.message(id))!.tracking.SY!.stage).toBe('acknowledged');
  expect(await sy.core.urgent()).toEqual([]);

  for (const [party, device] of [['IL', il], ['US', desk]] as const) {
    const seen = await untilMessage(device, id, (message) => message.tracking.SY?.stage === 'acknowledged', `acknowledgement seen at ${party}`);
    const marks = seen.tracking.SY!.marks;
    expect(Object.keys(marks).sort(), party).toEqual(['acknowledged', 'delivered', 'read']);
    expect(marks.delivered!.at).toBeLessThanOrEqual(marks.read!.at);
    expect(marks.read!.at).toBeLessThanOrEqual(marks.acknowledged!.at);
    expect(seen.open).toBe(false);
    // Past the deadline now, nobody would be overdue: the post acknowledged in time.
    expect(overduePosts(seen.tracking, seen.deadline, seen.deadline + 1)).toEqual([]);
  }
  // Acknowledging twice is a no-op; the desk cannot acknowledge for a post (and is no officer here).
  await sy.core.acknowledge(id);
  await expect(desk.core.acknowledge(id)).rejects.toMatchObject({ code: 'message.cannotAcknowledge' });
  await expect(il.core.acknowledge(id)).rejects.toMatchObject({ code: 'message.cannotAcknowledge' });
});

it('refuses a template whose location does not parse, with its own error, and keeps nothing', async () => {
  const { il } = channel;
  const before = (await il.core.status()).sync.outbox;
  await expect(
    il.core.send({
      recipients: ['SY'],
      precedence: 'IMMEDIATE',
      category: 'incident',
      subject: 'x',
      body: '',
      lang: 'en',
      template: { kind: 'incident', what: 'Shots', where: 'YB 12345 67890', when: WINDOW_START, casualties: null, request: '' },
    }),
  ).rejects.toMatchObject({ code: 'message.invalidTemplate' });
  await expect(il.core.send({ recipients: ['SY'], precedence: 'ROUTINE', category: 'query', subject: ' ', body: 'text', lang: 'en' })).rejects.toMatchObject({
    code: 'message.noSubject',
  });
  expect((await il.core.status()).sync.outbox).toBe(before);
});
