/**
 * Line checks across real devices and a real relay: the desk sends one, each post's device answers by itself with the
 * size of the log it verified, and the desk records every answer. A post that is away misses the next one: past the
 * answer window the desk sees it as missed (judged by the clock of whoever looks, here a fixed instant).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../../electron/common/crypto/sodium';
import { LINE_CHECK_ANSWER_WINDOW, missedBy } from '../../../electron/common/message/line-check';
import type { LineCheckView } from '../../../renderer/core/api';
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

const untilChecks = (device: TestDevice, predicate: (view: LineCheckView) => boolean, what: string): Promise<LineCheckView> =>
  poll(() => device.core.lineChecks(), predicate, what);

it('answers the desk\'s line check from each post, with the log size each verified, and shows a missed one', async () => {
  const { desk, il, sy } = channel;
  await expect(il.core.sendLineCheck()).rejects.toMatchObject({ code: 'core.notSupervisor' });
  await desk.core.sendLineCheck();
  const answered = await untilChecks(desk, (view) => view.checks.length === 1 && Object.keys(view.checks[0]!.answers).length === 2, 'both answers');
  const [check] = answered.checks;
  expect(check!.posts).toEqual(['IL', 'SY']);
  expect(check!.answers.IL).toMatchObject({ deviceName: 'קצין קישור' });
  expect(check!.answers.SY).toMatchObject({ deviceName: 'ضابط الارتباط' });
  // Each answer carries the size of the log its device had verified when it answered (the check's own proof may
  // come later, so it can be 0 on a new channel).
  for (const post of ['IL', 'SY'] as const) expect(check!.answers[post]!.size).toEqual(expect.any(Number));
  expect(missedBy(check!, check!.sentAt + LINE_CHECK_ANSWER_WINDOW + 1)).toEqual([]);
  // The posts show the officer the last check, answered.
  const atIl = await untilChecks(il, (view) => view.checks[0]?.answers.IL !== undefined, 'IL sees its answer');
  expect(atIl.checks[0]!.id).toBe(check!.id);

  // The Syrian device is away: the next check goes unanswered there.
  await sy.core.close();
  await desk.core.sendLineCheck();
  const second = (await untilChecks(desk, (view) => view.checks.length === 2 && view.checks[0]!.answers.IL !== undefined, 'the second, answered by IL')).checks[0]!;
  expect(second.answers.SY).toBeUndefined();
  expect(missedBy(second, second.sentAt + LINE_CHECK_ANSWER_WINDOW)).toEqual([]);
  expect(missedBy(second, second.sentAt + LINE_CHECK_ANSWER_WINDOW + 1)).toEqual(['SY']);
});
