/**
 * Translations across three real devices and a real relay. A translator at the Israeli post writes the English before
 * sending; it travels just after the message as a submission, and the Syrian translator certifies it. Then the desk
 * adds a glossary entry whose forbidden variant an earlier Arabic submission uses, while a proxy holds the log back
 * from the Syrian device: its certification, judged there by the glossary it still holds, reaches the log after the
 * entry, and every device (the Syrian one too, once it catches up) refuses it for the glossary check it did not
 * override. The English certified before the entry stays certified: a review is judged by the glossary at its place
 * in the log, the same everywhere.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initCrypto } from '../../../electron/common/crypto/sodium';
import type { MessageSummary } from '../../../renderer/core/api';
import { FrameProxy } from '../../support/frame-proxy';
import { poll, setUpChannel, type TestChannel, type TestDevice } from '../../support/core-device';
import { RelayProcess } from '../../support/relay-process';

let relay: RelayProcess;
let proxy: FrameProxy;
let channel: TestChannel;

beforeAll(async () => {
  await initCrypto();
  relay = await RelayProcess.start();
  proxy = await FrameProxy.start(relay.url);
  channel = await setUpChannel(relay.url, relay.bindToken!, (post) => (post === 'SY' ? proxy.url : relay.url), { roles: { IL: ['officer', 'translator'], SY: ['officer', 'translator'] } });
});
afterAll(async () => {
  for (const { core } of [channel.desk, channel.il, channel.sy]) await core.close();
  await proxy?.close();
  await relay?.stop();
});

const PATROL = { subject: 'סיור רגלי', body: 'סיור רגלי של 4 חיילים יתקיים ליד הגדר בשעה 10:00.' };
const PATROL_EN = { lang: 'en' as const, subject: 'Foot patrol', body: 'A foot patrol of 4 soldiers will take place near the fence at 10:00.' };
const WORKS = { subject: 'Bulldozer work near the fence', body: 'The bulldozer will work near the fence at 09:00.' };
const WORKS_AR = { lang: 'ar' as const, subject: 'أعمال بلدوزر قرب السياج', body: 'سيعمل البلدوزر قرب السياج عند الساعة 09:00.' };

async function untilMessage(device: TestDevice, id: string, predicate: (message: MessageSummary) => boolean, what: string): Promise<MessageSummary> {
  return (await poll(() => device.core.message(id), (message) => message !== null && predicate(message), what, 30_000))!;
}
const translationIn = (message: MessageSummary, lang: string) => message.translations.find((translation) => translation.lang === lang);

it('sends translations written before sending with the message, for a second translator to certify', async () => {
  const { il, sy, desk } = channel;
  const before = (await il.core.messages()).length;
  // Refused, and nothing queued: a translation in the message's own language, twice the same language, no text, or
  // from a device that is no translator.
  const message = { recipients: ['SY' as const], precedence: 'PRIORITY' as const, category: 'deconfliction' as const, lang: 'he' as const, ...PATROL };
  for (const translations of [[{ ...PATROL_EN, lang: 'he' as const }], [PATROL_EN, PATROL_EN], [{ ...PATROL_EN, body: ' \u200f ' }]]) {
    await expect(il.core.send({ ...message, translations })).rejects.toMatchObject({ code: 'translation.invalid' });
  }
  await expect(desk.core.send({ ...message, recipients: ['IL'], translations: [PATROL_EN] })).rejects.toMatchObject({ code: 'translation.notTranslator' });
  expect(await il.core.messages()).toHaveLength(before);

  // The Israeli device's directory predates the Syrian device, so the relay refuses its first envelope and it is
  // resealed: the translation queued after it must still reach the log after it, or no post could place it.
  const id = await il.core.send({ ...message, translations: [PATROL_EN] });
  for (const [party, device] of [['SY', sy], ['US', desk], ['IL', il]] as const) {
    const seen = await untilMessage(device, id, (held) => translationIn(held, 'en')?.stage === 'submitted', `the English submitted, at ${party}`);
    expect(translationIn(seen, 'en')).toMatchObject({ ...PATROL_EN, translator: { post: 'IL', deviceName: 'קצין קישור' } });
    expect(seen.body).toBe(PATROL.body);
  }

  const submission = translationIn((await sy.core.message(id))!, 'en')!;
  await sy.core.reviewTranslation({ messageId: id, submissionId: submission.id!, verdict: 'certified', comment: '', overrides: [] });
  for (const device of [il, desk, sy]) await untilMessage(device, id, (held) => translationIn(held, 'en')?.stage === 'certified', 'the English certified');
});

it("judges a certification by the channel's glossary at its place in the log, the same at every device", async () => {
  const { il, sy, desk } = channel;
  const certified = (await il.core.messages()).find((held) => held.subject === PATROL.subject)!;
  const id = await il.core.send({ recipients: ['SY'], precedence: 'ROUTINE', category: 'deconfliction', lang: 'en', ...WORKS, translations: [WORKS_AR] });
  const submission = translationIn(await untilMessage(sy, id, (held) => translationIn(held, 'ar')?.stage === 'submitted', 'the Arabic at SY'), 'ar')!;

  // The Syrian device stops hearing the log; the desk's glossary entry forbids the loanword the Arabic uses.
  proxy.filter((frame) => (frame.type === 'deliver' ? 'drop' : 'forward'));
  const entry = { id: 'bulldozer', terms: { en: 'bulldozer', he: 'דחפור', ar: 'جرافة' }, forbidden: { ar: ['بلدوزر'] }, note: 'The Arabic word, not the loanword.' };
  await desk.core.saveGlossary([entry], []);
  await poll(() => il.core.glossary(), (entries) => entries.some((held) => held.id === 'bulldozer'), 'the entry at IL', 30_000);
  expect((await sy.core.glossary()).some((held) => held.id === 'bulldozer')).toBe(false);

  // Judged at the Syrian device by the glossary it holds: nothing to override, so it goes out.
  await sy.core.reviewTranslation({ messageId: id, submissionId: submission.id!, verdict: 'certified', comment: '', overrides: [] });
  for (const [party, device] of [['IL', il], ['US', desk]] as const) {
    const seen = await untilMessage(device, id, (held) => (translationIn(held, 'ar')?.refused.length ?? 0) > 0, `the certification refused at ${party}`);
    expect(translationIn(seen, 'ar')).toMatchObject({ stage: 'submitted', refused: [{ post: 'SY', reason: 'checks-not-overridden', checks: expect.arrayContaining(['forbidden']) }] });
  }

  // Back on the log, the Syrian device reaches the same verdict on its own certification.
  proxy.filter(() => 'forward');
  proxy.disconnectAll();
  const atSy = await untilMessage(sy, id, (held) => (translationIn(held, 'ar')?.refused.length ?? 0) > 0, 'the certification refused at SY');
  expect(translationIn(atSy, 'ar')).toMatchObject({ stage: 'submitted', refused: [{ reason: 'checks-not-overridden', checks: expect.arrayContaining(['forbidden']) }] });
  // Certified before the entry, the English stays certified everywhere.
  for (const device of [il, sy, desk]) expect(translationIn((await device.core.message(certified.id))!, 'en')?.stage).toBe('certified');
  for (const device of [il, sy, desk]) {
    await device.core.settled();
    expect(await device.core.alarms()).toEqual([]);
  }
});
