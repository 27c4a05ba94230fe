/**
 * The app in each interface language, as a user meets it: direction and language of the page, the mirrored layout,
 * no raw translation key on any screen, the clock, the language surviving a reload, and axe-core's accessibility rules.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { AppDriver, SECTIONS, translationKeys, type Language } from '../support/app';

const SCREENSHOTS = 'test/artifacts/screenshots';
const EXPECTED: Record<Language, { dir: 'ltr' | 'rtl'; inboxTitle: string }> = {
  en: { dir: 'ltr', inboxTitle: 'Inbox' },
  he: { dir: 'rtl', inboxTitle: 'דואר נכנס' },
  ar: { dir: 'rtl', inboxTitle: 'الوارد' },
};
const DTG = /^\d{6}Z (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) \d{2}$/;
const KEYS = translationKeys();

for (const language of ['en', 'he', 'ar'] as const) {
  test.describe(`interface in ${language}`, () => {
    test('direction, mirroring, translated screens, clock and persistence', async ({ page }, testInfo) => {
      const app = new AppDriver(page);
      await app.open(`e2e-${language}-${testInfo.workerIndex}-${Date.now()}`);
      await app.chooseLanguage(language);

      const html = page.locator('html');
      await expect(html).toHaveAttribute('lang', language);
      await expect(html).toHaveAttribute('dir', EXPECTED[language].dir);

      // The layout mirrors: the first section in reading order sits at the reading-start edge.
      const first = await page.getByTestId('nav-inbox').boundingBox();
      const last = await page.getByTestId('nav-settings').boundingBox();
      expect(first && last).toBeTruthy();
      if (EXPECTED[language].dir === 'rtl') expect(first!.x).toBeGreaterThan(last!.x);
      else expect(first!.x).toBeLessThan(last!.x);

      for (const section of SECTIONS) {
        await app.goTo(section);
        const text = await app.visibleText();
        const rawKeys = KEYS.filter((key) => text.includes(key));
        expect(rawKeys, `raw keys on ${section}`).toEqual([]);
        expect(text).not.toMatch(/\{\{|\}\}/);
      }

      await expect(page.getByTestId('clock-dtg')).toHaveText(DTG);
      await expect(page.getByTestId('clock-jerusalem')).toHaveText(/\(UTC\+[23]\)$/);
      await expect(page.getByTestId('clock-damascus')).toHaveText(/\(UTC\+3\)$/);

      // The core worker loaded libsodium (WebAssembly, under the CSP) and answered over its RPC.
      await app.goTo('settings');
      await expect(page.getByTestId('crypto-version')).toHaveText(/^libsodium \d+\.\d+\.\d+$/);

      await page.reload();
      await expect(html).toHaveAttribute('lang', language);
      await expect(html).toHaveAttribute('dir', EXPECTED[language].dir);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(EXPECTED[language].inboxTitle);
      await app.goTo('settings');
      await expect(page.getByTestId('settings-language')).toHaveValue(language);

      mkdirSync(SCREENSHOTS, { recursive: true });
      await app.goTo('inbox');
      await page.screenshot({ path: `${SCREENSHOTS}/inbox-${language}.png` });
      await app.goTo('settings');
      await page.screenshot({ path: `${SCREENSHOTS}/settings-${language}.png` });

      expect(app.consoleErrors).toEqual([]);
    });

    test('axe-core finds no accessibility violations on any screen', async ({ page }, testInfo) => {
      const app = new AppDriver(page);
      await app.open(`e2e-axe-${language}-${testInfo.workerIndex}-${Date.now()}`);
      await app.chooseLanguage(language);
      for (const section of SECTIONS) {
        await app.goTo(section);
        const results = await new AxeBuilder({ page }).analyze();
        const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(found, `axe on ${section}`).toEqual([]);
      }
      expect(app.consoleErrors).toEqual([]);
    });
  });
}

test('digit style is pinned: local times follow the chosen digits, the DTG stays ASCII', async ({ page }, testInfo) => {
  const app = new AppDriver(page);
  await app.open(`e2e-digits-${testInfo.workerIndex}-${Date.now()}`);
  await app.chooseDigits('arab');
  await expect(page.getByTestId('clock-jerusalem')).toHaveText(/^[٠-٩]{2}:[٠-٩]{2} \(UTC\+[٢٣]\)$/);
  await expect(page.getByTestId('clock-dtg')).toHaveText(DTG);
  await app.chooseDigits('arabext');
  await expect(page.getByTestId('clock-damascus')).toHaveText(/^[۰-۹]{2}:[۰-۹]{2} \(UTC\+۳\)$/);
  await page.reload();
  await expect(page.getByTestId('clock-damascus')).toHaveText(/^[۰-۹]{2}:[۰-۹]{2}/);
  expect(app.consoleErrors).toEqual([]);
});

test('profiles are separate: a language chosen in one profile does not leak into another', async ({ page }, testInfo) => {
  const app = new AppDriver(page);
  const stamp = `${testInfo.workerIndex}-${Date.now()}`;
  await app.open(`e2e-il-${stamp}`);
  await app.chooseLanguage('he');
  await app.open(`e2e-sy-${stamp}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await app.chooseLanguage('ar');
  await app.open(`e2e-il-${stamp}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'he');
});
