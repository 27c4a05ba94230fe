/**
 * A relay that withholds a message is caught, and the person at the screen sees it: the profiles reach the relay
 * through a proxy that removes the delivery of the Israeli post's first message to everyone but its sender. When the
 * next message arrives, its signed trail names the one that never came: the Syrian post shows the alarm.
 */
import { expect, test } from '@playwright/test';
import { E2E_RELAY_PORT } from '../../../playwright.config';
import { FrameProxy } from '../../support/frame-proxy';
import { RelayProcess } from '../../support/relay-process';
import { inboxTexts, openProfiles, send, setUpChannel } from '../support/channel-flow';
import { holdRelayPortForTest } from '../support/relay-port';

test.describe.configure({ timeout: 180_000 });

interface DeliverFrame {
  readonly type: 'deliver';
  readonly envelope: { readonly header: { readonly sender: string; readonly senderPost: string; readonly seq: number } };
}

test('a withheld message raises a visible alarm at the post it was for', async ({ browser }) => {
  const release = await holdRelayPortForTest(test.info(), E2E_RELAY_PORT);
  const relay = await RelayProcess.start();
  const proxy = await FrameProxy.start(relay.url, E2E_RELAY_PORT);
  const { profiles, contexts } = await openProfiles(browser, { desk: 'tamper-desk', il: 'tamper-il', sy: 'tamper-sy' });
  try {
    await setUpChannel(profiles, { url: proxy.url.replace(/\/$/, ''), bindToken: relay.bindToken! });
    const { il, sy } = profiles;
    proxy.filter((frame, device) => {
      if (frame.type !== 'deliver') return 'forward';
      const { header } = (frame as unknown as DeliverFrame).envelope;
      return header.senderPost === 'IL' && header.seq === 1 && header.sender !== device ? 'drop' : 'forward';
    });

    await send(il, ['SY'], 'first message: withheld by the relay');
    await expect.poll(() => proxy.dropped.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await expect(sy.page.getByTestId('alarm-banner')).toHaveCount(0);

    await send(il, ['SY'], 'second message: delivered');
    expect(await inboxTexts(sy, 1)).toEqual(['second message: delivered']);
    await expect(sy.page.getByTestId('alarm-banner')).toBeVisible({ timeout: 30_000 });
    await expect(sy.page.getByTestId('alarm-count')).toContainText('1');
    await sy.page.getByTestId('alarm-show').click();
    await expect(sy.page.getByTestId('alarm-panel')).toContainText('קצין קישור');
  } finally {
    for (const context of contexts) await context.close();
    await proxy.close();
    await relay.stop();
    release();
  }
});
