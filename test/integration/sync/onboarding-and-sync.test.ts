/**
 * The sync client end to end in Node, against a real relay process: the desk creates the channel (binding the fresh
 * relay), two posts join and are approved by fingerprint, messages cross, and every device ends up with exactly what
 * its post may read, verified and searchable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../electron/common/crypto/sodium';
import { RelayProcess } from '../../support/relay-process';
import { device, plain, STRONG_PASSPHRASE, type TestDevice } from '../../support/core-device';

let relay: RelayProcess;
const devices: TestDevice[] = [];

beforeAll(async () => {
  await initCrypto();
  relay = await RelayProcess.start();
});
afterAll(async () => {
  for (const each of devices) await each.core.close();
  await relay?.stop();
});

async function enrol(desk: TestDevice, post: 'IL' | 'SY', name: string, channelKey: string): Promise<TestDevice> {
  const joining = device(`${post}-${devices.length}`);
  devices.push(joining);
  const identity = await joining.core.joinChannel({ relayUrl: relay.url, channelKey, post, roles: ['officer'], deviceName: name, passphrase: STRONG_PASSPHRASE });
  expect(identity.enrolment).toBe('pending');
  const pending = await desk.core.pendingEnrolments();
  const request = pending.find((entry) => entry.deviceId === identity.deviceId);
  // The desk sees the same fingerprint the device shows its officer: the comparison by voice holds.
  expect(request?.fingerprint).toBe(identity.fingerprint);
  await desk.core.approveEnrolment(identity.deviceId);
  await joining.until((status) => status.identity?.enrolment === 'ready' && status.sync.connection === 'online', `${post} online`);
  return joining;
}

describe('onboarding and sync against a real relay', () => {
  it('creates the channel, enrols both posts, and delivers each message to exactly its audience', async () => {
    const desk = device('desk');
    devices.push(desk);
    const deskIdentity = await desk.core.createChannel({ relayUrl: relay.url, bindToken: relay.bindToken!, deviceName: 'U.S. desk', passphrase: STRONG_PASSPHRASE });
    expect(deskIdentity.holdsChannelRoot).toBe(true);
    await desk.until((status) => status.sync.connection === 'online', 'desk online');

    const il = await enrol(desk, 'IL', 'קצין קישור', deskIdentity.channelKey);
    const sy = await enrol(desk, 'SY', 'ضابط الارتباط', deskIdentity.channelKey);

    await il.core.send(plain(['SY'], 'Planned activity at grid 36S YB 12345 67890, 0600-0800.', 'en'));
    await il.core.send(plain(['US'], 'For the desk only: shift change at 2200.', 'en'));
    await sy.core.send(plain(['IL'], 'تم الاستلام. سنبلّغ الوحدات.', 'ar'));

    const texts = (list: readonly { body: string }[]) => list.map((message) => message.body).sort();
    await sy.untilMessages((list) => list.length === 2 && list.every((m) => m.state === 'relayed'), 'SY has its two');
    await il.untilMessages((list) => list.length === 3 && list.every((m) => m.state === 'relayed'), 'IL has its three');
    await desk.untilMessages((list) => list.length === 3, 'desk has all three');
    expect(texts(await sy.core.messages())).toEqual(texts([{ body: 'Planned activity at grid 36S YB 12345 67890, 0600-0800.' }, { body: 'تم الاستلام. سنبلّغ الوحدات.' }]));
    expect((await sy.core.messages()).some((m) => m.body.includes('desk only'))).toBe(false);

    // Searchable at the recipient, whatever the diacritics.
    expect((await sy.core.search('تم الاستلام')).length).toBe(1);
    expect((await sy.core.search('grid')).length).toBe(1);

    for (const each of [desk, il, sy]) {
      // Delivery receipts go out after the messages are stored: wait for them to leave too.
      await each.until((current) => current.sync.outbox === 0, 'the outbox empty');
      await each.core.settled();
      const status = await each.core.status();
      expect(status.alarms, JSON.stringify({ status, alarms: await each.core.alarms() })).toBe(0);
      expect(status.sync.outbox).toBe(0);
      // Every message it holds is proved under a checkpoint it verified.
      const newest = Math.max(...(await each.core.messages()).map((message) => message.logIndex ?? -1));
      expect(status.sync.verifiedLogSize, JSON.stringify(status)).toBeGreaterThan(newest);
    }
    // The desk reads the whole log.
    expect((await desk.core.status()).sync.verifiedLogSize).toBe((await relay.health()).logSize);
  });
});
