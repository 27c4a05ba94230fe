/**
 * The app in each interface language, as a user meets it: onboarding and the unlock screen (where the language can be
 * changed before anything else), then every section once the desk has set up its channel. Checked in each: direction
 * and language of the page, the mirrored layout, no raw translation key or placeholder on any screen, the clock, the
 * language surviving a reload, and axe-core's accessibility rules.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { AppDriver, PASSPHRASE, SECTIONS, translationKeys, type Language } from '../support/app';
import { expect, test } from '../support/fixtures';

const SCREENSHOTS = 'test/artifacts/screenshots';
const EXPECTED: Record<Language, { dir: 'ltr' | 'rtl'; inboxTitle: string }> = {
  en: { dir: 'ltr', inboxTitle: 'Inbox' },
  he: { dir: 'rtl', inboxTitle: 'דואר נכנס' },
  ar: { dir: 'rtl', inboxTitle: 'الوارد' },
};
const DTG = /^\d{6}Z (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) \d{2}$/;
const KEYS = translationKeys();

const profileFor = (name: string, workerIndex: number) => `e2e-${name}-${workerIndex}-${Date.now()}`;

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const language of ['en', 'he', 'ar'] as const) {
  test.describe(`interface in ${language}`, () => {
    test('onboarding, unlock and every section: direction, mirroring, translation, clock and persistence', async ({ page, relay }, testInfo) => {
      const app = new AppDriver(page);
      const html = page.locator('html');
      await app.open(profileFor(language, testInfo.workerIndex));

      // A new profile starts at onboarding, whose language can be chosen first.
      await expect(page.getByTestId('onboarding')).toBeVisible();
      await app.chooseLanguageBeforeUnlock(language);
      await expect(html).toHaveAttribute('dir', EXPECTED[language].dir);
      expect(await app.untranslated(KEYS), 'onboarding').toEqual([]);

      // Joining: the submit waits for a post, and for a passphrase that is strong enough and confirmed.
      await page.getByTestId('onboarding-join').click();
      await expect(page.getByTestId('onboarding-join-form')).toBeVisible();
      await page.getByTestId('onboarding-post-SY').check();
      await app.choosePassphrase('short');
      await expect(page.getByTestId('passphrase-strength')).toHaveAttribute('data-acceptable', 'false');
      await expect(page.getByTestId('onboarding-submit')).toBeDisabled();
      await page.getByTestId('passphrase-new').fill(PASSPHRASE);
      await expect(page.getByTestId('passphrase-strength')).toHaveAttribute('data-acceptable', 'true');
      await expect(page.getByTestId('passphrase-mismatch')).not.toBeEmpty();
      await expect(page.getByTestId('onboarding-submit')).toBeDisabled();
      expect(await app.untranslated(KEYS), 'join form').toEqual([]);
      await page.getByTestId('onboarding-back').click();

      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.getByTestId('onboarding-create').click();
      expect(await app.untranslated(KEYS), 'create form').toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/onboarding-${language}.png` });
      await page.getByTestId('onboarding-back').click();

      await app.createChannel(relay);
      await expect(html).toHaveAttribute('lang', language);

      // The layout mirrors: the first section in reading order sits at the reading-start edge.
      const first = await page.getByTestId('nav-inbox').boundingBox();
      const last = await page.getByTestId('nav-settings').boundingBox();
      expect(first && last).toBeTruthy();
      if (EXPECTED[language].dir === 'rtl') expect(first!.x).toBeGreaterThan(last!.x);
      else expect(first!.x).toBeLessThan(last!.x);

      for (const section of SECTIONS) {
        await app.goTo(section);
        expect(await app.untranslated(KEYS), `on ${section}`).toEqual([]);
      }

      await expect(page.getByTestId('clock-dtg')).toHaveText(DTG);
      await expect(page.getByTestId('clock-jerusalem')).toHaveText(/\(UTC\+[23]\)$/);
      await expect(page.getByTestId('clock-damascus')).toHaveText(/\(UTC\+3\)$/);

      // The desk hands out the channel key: 43 base64url characters, left to right whatever the interface.
      await app.goTo('desk');
      await expect(page.getByTestId('channel-key')).toHaveText(/^[A-Za-z0-9_-]{43}$/);
      await expect(page.getByTestId('channel-key')).toHaveAttribute('dir', 'ltr');
      await page.screenshot({ path: `${SCREENSHOTS}/desk-${language}.png` });

      // The core worker loaded libsodium (WebAssembly, under the CSP) and answered over its RPC.
      await app.goTo('settings');
      await expect(page.getByTestId('crypto-version')).toHaveText(/^libsodium \d+\.\d+\.\d+$/);

      // Locked: the unlock screen, in the same language, with a translated error for a wrong passphrase.
      await app.lock();
      expect(await app.untranslated(KEYS), 'unlock screen').toEqual([]);
      await page.getByTestId('unlock-passphrase').fill('not the passphrase at all');
      await page.getByTestId('unlock-submit').click();
      await expect(page.getByTestId('unlock-error')).toBeVisible();
      expect(await app.untranslated(KEYS), 'unlock error').toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/unlock-${language}.png` });

      // A reload starts locked, still in the chosen language.
      await page.reload();
      await expect(page.getByTestId('unlock-screen')).toBeVisible();
      await expect(html).toHaveAttribute('lang', language);
      await expect(html).toHaveAttribute('dir', EXPECTED[language].dir);
      await app.unlock();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(EXPECTED[language].inboxTitle);
      await page.screenshot({ path: `${SCREENSHOTS}/inbox-${language}.png` });
      await app.goTo('settings');
      await expect(page.getByTestId('settings-language')).toHaveValue(language);
      await page.screenshot({ path: `${SCREENSHOTS}/settings-${language}.png` });

      expect(app.consoleErrors).toEqual([]);
    });

    test('axe-core finds no accessibility violations on any screen', async ({ page, relay }, testInfo) => {
      const app = new AppDriver(page);
      await app.open(profileFor(`axe-${language}`, testInfo.workerIndex));
      await app.chooseLanguageBeforeUnlock(language);
      expect(await axeViolations(page), 'axe on onboarding').toEqual([]);
      for (const path of ['join', 'create'] as const) {
        await page.getByTestId(`onboarding-${path}`).click();
        expect(await axeViolations(page), `axe on the ${path} form`).toEqual([]);
        await page.getByTestId('onboarding-back').click();
      }

      await app.createChannel(relay);
      for (const section of SECTIONS) {
        await app.goTo(section);
        expect(await axeViolations(page), `axe on ${section}`).toEqual([]);
      }
      await page.getByTestId('alarm-indicator').click();
      await expect(page.getByTestId('alarm-panel')).toBeVisible();
      expect(await axeViolations(page), 'axe on the alarm panel').toEqual([]);

      await app.lock();
      expect(await axeViolations(page), 'axe on the unlock screen').toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    });
  });
}

test('digit style is pinned: local times follow the chosen digits, the DTG stays ASCII', async ({ page, relay }, testInfo) => {
  const app = new AppDriver(page);
  await app.open(profileFor('digits', testInfo.workerIndex));
  await app.createChannel(relay);
  await app.chooseDigits('arab');
  await expect(page.getByTestId('clock-jerusalem')).toHaveText(/^[٠-٩]{2}:[٠-٩]{2} \(UTC\+[٢٣]\)$/);
  await expect(page.getByTestId('clock-dtg')).toHaveText(DTG);
  await app.chooseDigits('arabext');
  await expect(page.getByTestId('clock-damascus')).toHaveText(/^[۰-۹]{2}:[۰-۹]{2} \(UTC\+۳\)$/);
  await page.reload();
  await app.unlock();
  await expect(page.getByTestId('clock-damascus')).toHaveText(/^[۰-۹]{2}:[۰-۹]{2}/);
  expect(app.consoleErrors).toEqual([]);
});

test('profiles are separate: a language chosen in one profile does not leak into another', async ({ page }, testInfo) => {
  const app = new AppDriver(page);
  const stamp = `${testInfo.workerIndex}-${Date.now()}`;
  await app.open(`e2e-il-${stamp}`);
  await app.chooseLanguageBeforeUnlock('he');
  await app.open(`e2e-sy-${stamp}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await app.chooseLanguageBeforeUnlock('ar');
  await app.open(`e2e-il-${stamp}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'he');
});
