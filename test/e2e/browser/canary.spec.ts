/**
 * The plaintext canary: three profiles in one persistent Chromium profile folder write, receive, search for and draft
 * messages holding unique canary words in English, Hebrew and Arabic; then every profile locks and the browser closes.
 * Every file of the folder is then searched, as UTF-8 and as UTF-16, for each canary, each search token the app
 * derives from them, and the passphrase. None may be there: the vault stores only ciphertext and keyed hashes.
 */
import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { searchTokens } from '../../../electron/common/search/normalize';
import { BASE_URL, CHROMIUM_LAUNCH, E2E_RELAY_PORT } from '../../../playwright.config';
import { RelayProcess } from '../../support/relay-process';
import { AppDriver, PASSPHRASE } from '../support/app';
import { inboxTexts, send, setUpChannel } from '../support/channel-flow';
import { holdRelayPortForTest } from '../support/relay-port';

test.describe.configure({ timeout: 180_000 });

const SENT = 'Canary qzxvermilionkestrel7741 — הקנריתזברה — الكناريزيبرا at the crossing';
const DRAFT = 'Draft canary wolfhoundplatinum5519 never sent';
const SEARCHED = 'qzxvermilionkestrel7741';
/** The words only this test writes: their search tokens must not be on disk either (common words may well be). */
const CANARY_WORDS = 'qzxvermilionkestrel7741 הקנריתזברה الكناريزيبرا wolfhoundplatinum5519';

function* filesUnder(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Every (needle, file) pair where the needle's UTF-8 or UTF-16LE bytes occur in the file. */
function occurrences(directory: string, needles: readonly string[]): string[] {
  const patterns = needles.flatMap((needle) => [
    { needle, encoding: 'utf-8', bytes: Buffer.from(needle, 'utf8') },
    { needle, encoding: 'utf-16le', bytes: Buffer.from(needle, 'utf16le') },
  ]);
  const found: string[] = [];
  for (const file of filesUnder(directory)) {
    if (statSync(file).size === 0) continue;
    const content = readFileSync(file);
    for (const { needle, encoding, bytes } of patterns) if (content.includes(bytes)) found.push(`${needle} (${encoding}) in ${path.relative(directory, file)}`);
  }
  return found;
}

test('no canary, search token or passphrase reaches the profile folder', async () => {
  const release = await holdRelayPortForTest(test.info(), E2E_RELAY_PORT);
  const relay = await RelayProcess.start({ port: E2E_RELAY_PORT });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'liaison-canary-profile-'));
  try {
    const context = await chromium.launchPersistentContext(folder, { ...CHROMIUM_LAUNCH, baseURL: BASE_URL });
    const open = async (profile: string) => {
      const driver = new AppDriver(await context.newPage());
      await driver.open(profile);
      return driver;
    };
    const profiles = { desk: await open('canary-desk'), il: await open('canary-il'), sy: await open('canary-sy') };
    await setUpChannel(profiles, { url: relay.url.replace(/\/$/, ''), bindToken: relay.bindToken! });
    const { desk, il, sy } = profiles;

    await send(il, ['SY'], SENT);
    expect(await inboxTexts(sy, 1)).toEqual([SENT]);
    await inboxTexts(desk, 1);
    await sy.page.getByTestId('inbox-search').fill(SEARCHED);
    await expect(sy.page.getByTestId('message-text')).toHaveCount(1);
    await il.goTo('compose');
    await il.page.getByTestId('compose-text').fill(DRAFT);

    for (const driver of [desk, il, sy]) await driver.lock();
    await context.close();

    const needles = [...new Set([SENT, DRAFT, SEARCHED, ...CANARY_WORDS.split(' '), ...searchTokens(CANARY_WORDS), PASSPHRASE])];
    expect(searchTokens(CANARY_WORDS)).toHaveLength(4);
    expect(occurrences(folder, needles)).toEqual([]);
  } finally {
    await relay.stop();
    release();
  }
});
