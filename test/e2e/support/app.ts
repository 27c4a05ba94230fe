/**
 * A driver for the app in the browser, so tests read like a user's steps: open a fresh profile, set it up as the desk,
 * lock and unlock, go to a section, change a setting. It also collects console errors (a missing translation key is
 * one) so a test can fail on them.
 */
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Language = 'en' | 'he' | 'ar';
export const SECTIONS = ['inbox', 'compose', 'translations', 'desk', 'settings'] as const;

/** Long enough, and varied enough, for the strength rule; the same in every test so failures are easy to reproduce. */
export const PASSPHRASE = 'quiet-river-border-crossing-2027';

export interface RelayAddress {
  readonly url: string;
  readonly bindToken: string;
}

export class AppDriver {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`page error: ${error.message}`));
  }

  /** Opens the app in a profile of its own, and waits for its first screen (onboarding, unlock, or the app). */
  async open(profile: string): Promise<void> {
    await this.page.goto(`/?profile=${profile}`);
    await expect(this.page.locator('[data-testid="onboarding"], [data-testid="unlock-screen"], [data-testid="nav-inbox"]')).toBeVisible();
  }

  /** The language switcher of the screens before the app opens (onboarding, unlock, waiting for the desk). */
  async chooseLanguageBeforeUnlock(language: Language): Promise<void> {
    await this.page.getByTestId('language-switcher').selectOption(language);
    await expect(this.page.locator('html')).toHaveAttribute('lang', language);
  }

  /** Fills in a new passphrase and its confirmation, on whichever form shows them. */
  async choosePassphrase(passphrase: string): Promise<void> {
    await this.page.getByTestId('passphrase-new').fill(passphrase);
    await this.page.getByTestId('passphrase-confirm').fill(passphrase);
  }

  /** Onboarding as the U.S. desk: creates the channel on a fresh relay; the app opens on the inbox. */
  async createChannel(relay: RelayAddress, options: { deviceName?: string; passphrase?: string } = {}): Promise<void> {
    await this.page.getByTestId('onboarding-create').click();
    await this.page.getByTestId('onboarding-relay-url').fill(relay.url);
    await this.page.getByTestId('onboarding-bind-token').fill(relay.bindToken);
    await this.page.getByTestId('onboarding-device-name').fill(options.deviceName ?? 'Duty desk 1');
    await this.choosePassphrase(options.passphrase ?? PASSPHRASE);
    await this.page.getByTestId('onboarding-submit').click();
    await expect(this.page.getByTestId('nav-inbox')).toBeVisible({ timeout: 30_000 });
  }

  async lock(): Promise<void> {
    await this.page.getByTestId('lock').click();
    await expect(this.page.getByTestId('unlock-screen')).toBeVisible();
  }

  async unlock(passphrase = PASSPHRASE): Promise<void> {
    await this.page.getByTestId('unlock-passphrase').fill(passphrase);
    await this.page.getByTestId('unlock-submit').click();
    await expect(this.page.getByTestId('nav-inbox')).toBeVisible({ timeout: 30_000 });
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

  /** Raw translation keys or unfilled placeholders on the page: each one is a string a user would see untranslated. */
  async untranslated(keys: readonly string[]): Promise<string[]> {
    const text = await this.visibleText();
    return [...keys.filter((key) => text.includes(key)), ...(/\{\{|\}\}/.test(text) ? ['{{…}}'] : [])];
  }
}

/**
 * Every translation key the app has ("nav.inbox", "status.connection.offline", "skipToContent", ...), from the English
 * files. Keys that are one lower-case word ("lock", "title") are left out: the English interface shows those words
 * itself ("Unlock", "locked").
 */
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
  return [...new Set(keys)].filter((key) => !/^[a-z]+$/.test(key));
}
