/**
 * A driver for the app in the browser, so tests read like a user's steps: open a fresh profile, go to a section,
 * change a setting. It also collects console errors (a missing translation key is one) so a test can fail on them.
 */
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Language = 'en' | 'he' | 'ar';
export const SECTIONS = ['inbox', 'compose', 'translations', 'desk', 'settings'] as const;

export class AppDriver {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`page error: ${error.message}`));
  }

  /** Opens the app in a profile of its own, so tests never see each other's settings. */
  async open(profile: string): Promise<void> {
    await this.page.goto(`/?profile=${profile}`);
    await expect(this.page.getByTestId('clock-dtg')).toBeVisible();
  }

  async goTo(section: (typeof SECTIONS)[number]): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
    await expect(this.page.getByTestId(`nav-${section}`)).toHaveAttribute('aria-current', 'page');
  }

  async chooseLanguage(language: Language): Promise<void> {
    await this.goTo('settings');
    await this.page.getByTestId('settings-language').selectOption(language);
    await expect(this.page.locator('html')).toHaveAttribute('lang', language);
  }

  async chooseDigits(style: 'latn' | 'arab' | 'arabext'): Promise<void> {
    await this.goTo('settings');
    await this.page.getByTestId('settings-digits').selectOption(style);
    await expect(this.page.getByTestId('settings-digits')).toHaveValue(style);
  }

  async visibleText(): Promise<string> {
    return this.page.locator('body').innerText();
  }
}

/** Every translation key the app has ("nav.inbox", "status.connection.disconnected", ...), from the English files. */
export function translationKeys(): string[] {
  const dir = path.resolve('locales/en');
  const keys: string[] = [];
  const walk = (tree: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === 'string') keys.push(`${prefix}${key}`.replace(/_(zero|one|two|few|many|other)$/, ''));
      else walk(value as Record<string, unknown>, `${prefix}${key}.`);
    }
  };
  for (const file of readdirSync(dir)) walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), '');
  return [...new Set(keys)];
}
