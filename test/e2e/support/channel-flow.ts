/**
 * The steps of setting up a channel and talking on it, as a user takes them in the UI: the desk creates the channel,
 * a post joins with the channel key the desk shows, the desk approves the request whose fingerprint matches the one the
 * post reads out, and messages are written and read. Each step waits for what the user would wait for.
 */
import { expect, type Browser, type BrowserContext } from '@playwright/test';
import { AppDriver, PASSPHRASE, type RelayAddress } from './app';

export type PostCode = 'IL' | 'SY';
export type JoinRole = 'officer' | 'translator';

export interface Profiles {
  readonly desk: AppDriver;
  readonly il: AppDriver;
  readonly sy: AppDriver;
}

/** The channel key as the desk's screen shows it (grouped for reading aloud; spaces are ignored on entry). */
export async function channelKeyShown(desk: AppDriver): Promise<string> {
  await desk.goTo('desk');
  return (await desk.page.getByTestId('channel-key').innerText()).trim();
}

/** Joins from a post; returns the fingerprint the post's screen shows, to be read out to the desk. */
export async function joinChannel(post: AppDriver, relay: RelayAddress, channelKey: string, code: PostCode, name: string, roles: readonly JoinRole[] = ['officer']): Promise<string> {
  const { page } = post;
  await page.getByTestId('onboarding-join').click();
  await page.getByTestId('onboarding-relay-url').fill(relay.url);
  await page.getByTestId('onboarding-channel-key').fill(channelKey);
  await page.getByTestId(`onboarding-post-${code}`).check();
  for (const role of roles) await page.getByTestId(`onboarding-role-${role}`).check();
  await page.getByTestId('onboarding-device-name').fill(name);
  await post.choosePassphrase(PASSPHRASE);
  await page.getByTestId('onboarding-submit').click();
  await expect(page.getByTestId('enrolment-waiting')).toBeVisible({ timeout: 30_000 });
  return (await page.getByTestId('own-fingerprint').innerText()).trim();
}

/** At the desk: finds the request showing exactly this fingerprint and approves it. */
export async function approveByFingerprint(desk: AppDriver, fingerprint: string): Promise<void> {
  await desk.goTo('desk');
  const card = desk.page.locator('[data-testid^="enrolment-"]').filter({ has: desk.page.locator('[data-testid^="enrolment-fingerprint-"]', { hasText: fingerprint }) });
  await expect(card).toHaveCount(1, { timeout: 30_000 });
  await card.locator('[data-testid^="enrolment-approve-"]').click();
  await expect(card).toHaveCount(0, { timeout: 30_000 });
}

export async function waitUntilReady(post: AppDriver): Promise<void> {
  await expect(post.page.getByTestId('nav-inbox')).toBeVisible({ timeout: 30_000 });
  await expect(post.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
}

export async function send(from: AppDriver, to: readonly PostCode[] | readonly ('US' | PostCode)[], text: string): Promise<void> {
  await from.goTo('compose');
  for (const code of to) await from.page.getByTestId(`compose-recipient-${code}`).check();
  // A routine message whose subject is the start of its text.
  await from.page.getByTestId('compose-subject').fill(text.slice(0, 40));
  await from.page.getByTestId('compose-text').fill(text);
  await from.page.getByTestId('compose-send').click();
  await expect(from.page.getByTestId('compose-text')).toHaveValue('');
}

/** The inbox's messages, as text, once it shows `count` of them. */
export async function inboxTexts(reader: AppDriver, count: number, timeout = 30_000): Promise<string[]> {
  await reader.goTo('inbox');
  // The list of all messages (the block of messages waiting for acknowledgement above it repeats some of them).
  const texts = reader.page.getByTestId('message-list').getByTestId('message-text');
  await expect(texts).toHaveCount(count, { timeout });
  return (await texts.allInnerTexts()).map((text) => text.trim());
}

/** Opens one page per profile, each in a context of its own (the browser's storage is per origin and profile name). */
export async function openProfiles(browser: Browser, names: { desk: string; il: string; sy: string }): Promise<{ profiles: Profiles; contexts: BrowserContext[] }> {
  const contexts: BrowserContext[] = [];
  const open = async (name: string) => {
    const context = await browser.newContext();
    contexts.push(context);
    const driver = new AppDriver(await context.newPage());
    await driver.open(name);
    return driver;
  };
  return { profiles: { desk: await open(names.desk), il: await open(names.il), sy: await open(names.sy) }, contexts };
}

/** The whole set-up: the desk creates the channel, both posts join and are approved by fingerprint. */
export async function setUpChannel(profiles: Profiles, relay: RelayAddress, roles: Partial<Record<PostCode, readonly JoinRole[]>> = {}): Promise<void> {
  await profiles.desk.createChannel(relay, { deviceName: 'U.S. desk' });
  const key = await channelKeyShown(profiles.desk);
  for (const [driver, code, name] of [
    [profiles.il, 'IL', 'קצין קישור'],
    [profiles.sy, 'SY', 'ضابط الارتباط'],
  ] as const) {
    const fingerprint = await joinChannel(driver, relay, key, code, name, roles[code]);
    await approveByFingerprint(profiles.desk, fingerprint);
    await waitUntilReady(driver);
  }
}
