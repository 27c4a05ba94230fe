/**
 * Three profiles in real Chromium against a real relay process, driven through the UI only: the desk creates the
 * channel, the Israeli and Syrian posts enrol (the desk approves the request whose fingerprint the post shows), and
 * messages cross. Then the relay is stopped: the posts keep working, the outbox grows; the relay comes back and every
 * message arrives exactly once.
 */
import { test, expect } from '@playwright/test';
import { E2E_RELAY_PORT } from '../../../playwright.config';
import { RelayProcess } from '../../support/relay-process';
import { holdRelayPortForTest } from '../support/relay-port';
import { inboxTexts, openProfiles, send, setUpChannel } from '../support/channel-flow';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('set up by the UI, messages cross, and an outage loses nothing and duplicates nothing', async ({ browser }) => {
  const release = await holdRelayPortForTest(test.info(), E2E_RELAY_PORT);
  let relay = await RelayProcess.start({ port: E2E_RELAY_PORT });
  const { profiles, contexts } = await openProfiles(browser, { desk: 'sync-desk', il: 'sync-il', sy: 'sync-sy' });
  try {
    const address = { url: relay.url.replace(/\/$/, ''), bindToken: relay.bindToken! };
    await setUpChannel(profiles, address);
    const { desk, il, sy } = profiles;

    await send(il, ['SY'], 'Planned activity near grid 36S YB 12345 67890 at 0600.');
    await send(sy, ['IL'], 'تم الاستلام. سنبلّغ الوحدات.');
    expect((await inboxTexts(sy, 2)).sort()).toEqual(['Planned activity near grid 36S YB 12345 67890 at 0600.', 'تم الاستلام. سنبلّغ الوحدات.'].sort());
    await inboxTexts(il, 2);
    await inboxTexts(desk, 2);
    // The Syrian post has verified the whole log: the two messages and the posts' delivery receipts.
    await expect
      .poll(async () => Number(await sy.page.getByTestId('verified-log-size').getAttribute('data-count')) - Number((await relay.health()).logSize), { timeout: 30_000 })
      .toBe(0);

    // The outage: the relay is stopped; the posts go on writing.
    await relay.stop();
    await expect(il.page.getByTestId('connection-state')).not.toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    const offline = ['offline one', 'offline two', 'offline three'];
    for (const text of offline) await send(il, ['SY'], text);
    await expect(il.page.getByTestId('outbox-count')).toContainText('3');

    relay = await RelayProcess.start({ dataDir: relay.dataDir, port: E2E_RELAY_PORT });
    await expect(il.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 60_000 });
    const received = await inboxTexts(sy, 5, 60_000);
    expect(received.filter((text) => offline.includes(text)).sort()).toEqual([...offline].sort());
    await inboxTexts(desk, 5, 60_000);
    await sy.page.screenshot({ path: 'test/artifacts/screenshots/inbox-list-sy.png' });
    // Each message once at every party (the log also holds the delivery receipts, envelopes of their own).
    expect(new Set(await inboxTexts(desk, 5)).size).toBe(5);
    for (const driver of [desk, il, sy]) {
      await expect(driver.page.getByTestId('alarm-banner')).toHaveCount(0);
      expect(driver.consoleErrors).toEqual([]);
    }
  } finally {
    for (const context of contexts) await context.close();
    await relay.stop();
    release();
  }
});
