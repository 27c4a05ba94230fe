/**
 * What officers and the desk do all day, through the UI alone, with a real relay and three browser profiles: the
 * Israeli post in Hebrew, the Syrian post in Arabic, the desk in English.
 *
 * - The Israeli post writes a FLASH planned-activity notice (the draft survives a reload on the way), confirms it;
 *   the Syrian post gets the banner, reads it in Arabic with the same coordinates and times, and acknowledges; the
 *   Israeli post and the desk see each stage with its time.
 * - An IMMEDIATE message left unacknowledged becomes overdue under the desk's controlled clock, and escalates there.
 *
 * Screenshots of the three views of the FLASH message go to test/artifacts/screenshots/flash-view-{he,ar,en}.png.
 */
import type { Page } from '@playwright/test';
import { normalizeDigits } from '../../../electron/common/digits';
import { AppDriver } from '../support/app';
import { setUpChannel } from '../support/channel-flow';
import { expect, test } from '../support/fixtures';

const AREA = '36S YB 12345 67890';
const FROM_DTG = '150400Z JAN 27';
const UNTIL_DTG = '150800Z JAN 27';

/** The left-to-right values of the message view's fields (places, times, numbers), digits read as ASCII. */
async function fieldValues(page: Page): Promise<string[]> {
  const values = await page.locator('[data-testid="view-fields"] bdi[dir="ltr"]').allTextContents();
  return values.map((value) => normalizeDigits(value));
}

async function openNewest(driver: AppDriver): Promise<void> {
  await driver.goTo('inbox');
  await driver.page.getByTestId('message-list').getByTestId('message-open').first().click({ timeout: 30_000 });
  await expect(driver.page.getByTestId('message-view')).toBeVisible();
}

test('a FLASH notice crosses in three languages, is acknowledged, and every party sees each stage; an unacknowledged IMMEDIATE escalates', async ({ browser, relay }) => {
  test.setTimeout(240_000);
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext()));
  try {
    const [deskPage, ilPage, syPage] = await Promise.all(contexts.map((context) => context.newPage()));
    // The desk's clock is the test's: it runs on its own until the test moves it forward (the core worker keeps real time).
    await deskPage!.clock.install();
    const profiles = { desk: new AppDriver(deskPage!), il: new AppDriver(ilPage!), sy: new AppDriver(syPage!) };
    await profiles.desk.open('msg-desk');
    await profiles.il.open('msg-il');
    await profiles.sy.open('msg-sy');
    await setUpChannel(profiles, relay);
    const { desk, il, sy } = profiles;
    await il.chooseLanguage('he');
    await sy.chooseLanguage('ar');
    await sy.goTo('settings');
    await desk.goTo('settings');
    await desk.page.getByTestId('settings-autolock').selectOption('60');

    // The Israeli officer fills in the form; the draft is kept as it is typed, and a reload loses none of it.
    await il.goTo('compose');
    await il.page.getByTestId('compose-recipient-SY').check();
    await il.page.getByTestId('compose-precedence').selectOption('FLASH');
    await il.page.getByTestId('compose-template').selectOption('planned-activity');
    await il.page.getByTestId('compose-subject').fill('עבודות הנדסה ליד הגדר');
    await il.page.getByTestId('template-activity').fill('עבודות הנדסה בציר הסיור');
    await il.page.getByTestId('template-area').fill('YB 12345 67890');
    // Checked as typed: a grid reference without its zone is refused, in Hebrew.
    await expect(il.page.getByTestId('template-area-error')).toBeVisible();
    await il.page.getByTestId('template-area').fill(AREA);
    await expect(il.page.getByTestId('template-area-error')).toHaveCount(0);
    await il.page.getByTestId('template-from').fill(FROM_DTG);
    await il.page.getByTestId('template-until').fill(UNTIL_DTG);
    await il.page.getByTestId('template-contact').fill('קצין תורן');
    await il.page.waitForTimeout(1_000);
    await il.page.reload();
    await il.unlock();
    await il.goTo('compose');
    await expect(il.page.getByTestId('compose-subject')).toHaveValue('עבודות הנדסה ליד הגדר');
    await expect(il.page.getByTestId('template-area')).toHaveValue(AREA);
    await expect(il.page.getByTestId('compose-precedence')).toHaveValue('FLASH');

    // FLASH asks for a confirmation before it goes.
    await il.page.getByTestId('compose-send').click();
    await expect(il.page.getByTestId('compose-confirm')).toHaveAttribute('data-precedence', 'FLASH');
    await il.page.getByTestId('compose-confirm-send').click();
    await expect(il.page.getByTestId('compose-result')).not.toBeEmpty();

    // The Syrian post: the banner, then the message in Arabic.
    const banner = sy.page.getByTestId('urgent-banner');
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toHaveAttribute('data-precedence', 'FLASH');
    await sy.page.getByTestId('urgent-open').click();
    await expect(sy.page.getByTestId('view-subject')).toHaveText('עבודות הנדסה ליד הגדר');
    // Opened from the banner over the settings screen: it opens in the inbox, and the navigation says so.
    await expect(sy.page.getByTestId('nav-inbox')).toHaveAttribute('aria-current', 'page');
    await expect(sy.page.getByTestId('nav-settings')).not.toHaveAttribute('aria-current', 'page');
    const arabicValues = await fieldValues(sy.page);
    expect(arabicValues).toContain(AREA);
    expect(arabicValues).toContain(FROM_DTG);
    expect(arabicValues).toContain(UNTIL_DTG);
    expect(await sy.page.getByTestId('view-fields').innerText()).toContain('المنطقة');
    // Acknowledged from the keyboard: the button shows its shortcut, the same keys in Arabic.
    await expect(sy.page.getByTestId('view-acknowledge')).toHaveAttribute('aria-keyshortcuts', 'Alt+A');
    await sy.page.keyboard.press('Alt+KeyA');
    await expect(banner).toHaveCount(0, { timeout: 30_000 });
    await expect(sy.page.getByTestId('timeline-SY')).toHaveAttribute('data-stage', 'acknowledged');
    await sy.page.screenshot({ path: 'test/artifacts/screenshots/flash-view-ar.png', fullPage: true });

    // The Israeli post and the desk: every stage, each with its time and device, and the same values.
    for (const [driver, language] of [[il, 'he'], [desk, 'en']] as const) {
      await openNewest(driver);
      const timeline = driver.page.getByTestId('timeline-SY');
      await expect(timeline).toHaveAttribute('data-stage', 'acknowledged', { timeout: 30_000 });
      for (const stage of ['relayed', 'delivered', 'read', 'acknowledged']) {
        const step = driver.page.getByTestId(`timeline-SY-${stage}`);
        await expect(step).toHaveAttribute('data-done', 'true');
        await expect(step.locator('time')).toHaveCount(1);
      }
      await expect(driver.page.getByTestId('timeline-SY-acknowledged')).toContainText('ضابط الارتباط');
      expect(await fieldValues(driver.page)).toEqual(arabicValues);
      await driver.page.screenshot({ path: `test/artifacts/screenshots/flash-view-${language}.png`, fullPage: true });
    }

    // The Syrian officer answers: the reply starts in the composer, to the Israeli post, marked as a reply.
    await openNewest(sy);
    await sy.page.getByTestId('view-reply').click({ timeout: 30_000 });
    await expect(sy.page.getByTestId('compose-reply')).toBeVisible();
    await expect(sy.page.getByTestId('compose-subject')).toHaveValue('رد: עבודות הנדסה ליד הגדר');
    await sy.page.getByTestId('compose-text').fill('تم الاستلام. سنبلّغ الوحدات.');
    await sy.page.getByTestId('compose-send').click({ timeout: 30_000 });
    await sy.page.getByTestId('compose-confirm-send').click({ timeout: 30_000 });
    await il.goTo('inbox');
    const ilRows = il.page.getByTestId('message-list').getByTestId('message-open');
    await expect(ilRows).toHaveCount(2, { timeout: 30_000 });
    await expect(ilRows.first()).toHaveText('رد: עבודות הנדסה ליד הגדר');
    await ilRows.nth(1).click();
    await expect(il.page.getByTestId('timeline-SY')).toHaveAttribute('data-stage', 'answered', { timeout: 30_000 });
    await expect(il.page.getByTestId('timeline-SY-answered')).toHaveAttribute('data-done', 'true');
    // The reply is a FLASH too: the Israeli officer acknowledges it.
    await expect(il.page.getByTestId('urgent-banner')).toHaveAttribute('data-precedence', 'FLASH', { timeout: 30_000 });
    await il.page.getByTestId('urgent-open').click();
    await il.page.getByTestId('view-acknowledge').click();
    await expect(il.page.getByTestId('urgent-banner')).toHaveCount(0, { timeout: 30_000 });

    // An IMMEDIATE message nobody acknowledges: overdue after 30 minutes, escalated at the desk. Written from the
    // keyboard: Alt+N opens the composer, Ctrl+Enter sends (and asks for the confirmation an urgent message needs).
    await il.page.keyboard.press('Alt+KeyN');
    await expect(il.page.getByTestId('nav-compose')).toHaveAttribute('aria-current', 'page');
    await il.page.getByTestId('compose-recipient-SY').check();
    await il.page.getByTestId('compose-precedence').selectOption('IMMEDIATE');
    await il.page.getByTestId('compose-subject').fill('בקשת אישור תנועה');
    await il.page.getByTestId('compose-text').fill('נא לאשר את קבלת ההודעה.');
    await il.page.keyboard.press('Control+Enter');
    await il.page.getByTestId('compose-confirm-send').click();
    await expect(sy.page.getByTestId('urgent-banner')).toHaveAttribute('data-precedence', 'IMMEDIATE', { timeout: 30_000 });
    // At the Syrian post (right to left), next is Alt+← and previous Alt+→: from the IMMEDIATE, the one below is the
    // Syrian reply; Escape goes back to the list.
    await sy.page.getByTestId('urgent-open').click();
    await expect(sy.page.getByTestId('view-subject')).toHaveText('בקשת אישור תנועה');
    await expect(sy.page.getByTestId('message-next')).toHaveAttribute('aria-keyshortcuts', 'Alt+ArrowLeft');
    await sy.page.keyboard.press('Alt+ArrowLeft');
    await expect(sy.page.getByTestId('view-subject')).toHaveText('رد: עבודות הנדסה ליד הגדר');
    await sy.page.keyboard.press('Alt+ArrowRight');
    await expect(sy.page.getByTestId('view-subject')).toHaveText('בקשת אישור תנועה');
    await sy.page.keyboard.press('Escape');
    await expect(sy.page.getByTestId('message-view')).toHaveCount(0);
    await desk.goTo('inbox');
    await expect(desk.page.getByTestId('message-list').getByTestId('message-subject').first()).toHaveText('בקשת אישור תנועה', { timeout: 30_000 });
    // Waiting for acknowledgement, at the top of the desk's inbox.
    await expect(desk.page.getByTestId('inbox-open').getByTestId('message-subject').first()).toHaveText('בקשת אישור תנועה');
    await expect(desk.page.getByTestId('overdue-banner')).toHaveCount(0);
    await desk.page.clock.fastForward('29:00');
    await expect(desk.page.getByTestId('overdue-banner')).toHaveCount(0);
    await desk.page.clock.fastForward('02:00');
    await expect(desk.page.getByTestId('overdue-banner')).toBeVisible();
    await expect(desk.page.getByTestId('overdue-subject')).toHaveText('בקשת אישור תנועה');
    await expect(desk.page.getByTestId('message-list').locator('[data-testid^="message-"][data-overdue="true"]')).toHaveCount(1);
    await expect(desk.page.getByTestId('inbox-open')).toHaveAttribute('data-overdue', '1');

    expect({ desk: desk.consoleErrors, il: il.consoleErrors, sy: sy.consoleErrors }).toEqual({ desk: [], il: [], sy: [] });
  } finally {
    for (const context of contexts) await context.close();
  }
});

test('line checks: both posts answer by themselves; a post that misses one raises the link alarm at the desk', async ({ browser, relay }) => {
  test.setTimeout(180_000);
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext()));
  try {
    const [deskPage, ilPage, syPage] = await Promise.all(contexts.map((context) => context.newPage()));
    await deskPage!.clock.install();
    const profiles = { desk: new AppDriver(deskPage!), il: new AppDriver(ilPage!), sy: new AppDriver(syPage!) };
    await profiles.desk.open('lc-desk');
    await profiles.il.open('lc-il');
    await profiles.sy.open('lc-sy');
    await setUpChannel(profiles, relay);
    const { desk, il, sy } = profiles;

    await desk.goTo('desk');
    await desk.page.getByTestId('linecheck-send').click();
    const first = desk.page.locator('[data-testid^="linecheck-"][data-testid$="-IL"]').first();
    await expect(first).toHaveAttribute('data-state', 'answered', { timeout: 30_000 });
    await expect(desk.page.locator('[data-testid^="linecheck-"][data-testid$="-SY"]').first()).toHaveAttribute('data-state', 'answered', { timeout: 30_000 });
    // The officer at a post sees the last check, answered.
    await expect(il.page.getByTestId('last-line-check')).toHaveAttribute('data-answered', 'true', { timeout: 30_000 });
    await expect(desk.page.getByTestId('link-alarm')).toHaveCount(0);

    // The Syrian post goes away; the next check is answered by the Israeli post only.
    await sy.page.close();
    await desk.page.getByTestId('linecheck-send').click();
    await expect(desk.page.locator('ol.line-checks > li')).toHaveCount(2, { timeout: 30_000 });
    const newest = desk.page.locator('ol.line-checks > li').first();
    await expect(newest.locator('[data-testid$="-IL"]')).toHaveAttribute('data-state', 'answered', { timeout: 30_000 });
    await expect(newest.locator('[data-testid$="-SY"]')).toHaveAttribute('data-state', 'waiting');
    await desk.page.clock.fastForward('04:00');
    await expect(desk.page.getByTestId('link-alarm')).toHaveCount(0);
    await desk.page.clock.fastForward('02:00');
    await expect(desk.page.getByTestId('link-alarm')).toHaveAttribute('data-posts', 'SY');
    await expect(newest.locator('[data-testid$="-SY"]')).toHaveAttribute('data-state', 'missed');
    expect({ desk: desk.consoleErrors, il: il.consoleErrors }).toEqual({ desk: [], il: [] });
  } finally {
    for (const context of contexts) await context.close();
  }
});

test('the desk sets the channel policy, annotates a message, and a post asks for a translation: every party sees it', async ({ browser, relay }) => {
  test.setTimeout(180_000);
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext()));
  try {
    const [deskPage, ilPage, syPage] = await Promise.all(contexts.map((context) => context.newPage()));
    await deskPage!.clock.install();
    const profiles = { desk: new AppDriver(deskPage!), il: new AppDriver(ilPage!), sy: new AppDriver(syPage!) };
    await profiles.desk.open('pol-desk');
    await profiles.il.open('pol-il');
    await profiles.sy.open('pol-sy');
    await setUpChannel(profiles, relay);
    const { desk, il, sy } = profiles;
    await il.chooseLanguage('he');
    await sy.chooseLanguage('ar');
    await desk.goTo('settings');
    await desk.page.getByTestId('settings-autolock').selectOption('60');

    // IMMEDIATE within 5 minutes instead of 30, line checks every 30 minutes; a value that is not a number is refused.
    await desk.goTo('desk');
    await expect(desk.page.getByTestId('policy-set')).toHaveText(/defaults/);
    await desk.page.getByTestId('policy-IMMEDIATE').fill('five');
    await expect(desk.page.getByTestId('policy-not-number')).toBeVisible();
    await expect(desk.page.getByTestId('policy-save')).toBeDisabled();
    await desk.page.getByTestId('policy-IMMEDIATE').fill('5');
    await desk.page.getByTestId('policy-lineCheckInterval').fill('30');
    await desk.page.getByTestId('policy-save').click();
    await expect(desk.page.getByTestId('policy-set-at')).toBeVisible({ timeout: 30_000 });
    await expect(desk.page.getByTestId('policy-IMMEDIATE')).toHaveValue('5');
    await expect(desk.page.getByTestId('line-checks')).toContainText('\u206630\u2069 minutes');

    await il.goTo('compose');
    await il.page.getByTestId('compose-recipient-SY').check();
    await il.page.getByTestId('compose-precedence').selectOption('IMMEDIATE');
    await il.page.getByTestId('compose-subject').fill('תנועת רכבים בציר');
    await il.page.getByTestId('compose-text').fill('שלושה רכבים ינועו בציר בשעה 14:30.');
    await il.page.getByTestId('compose-send').click();
    await il.page.getByTestId('compose-confirm-send').click();
    await expect(sy.page.getByTestId('urgent-banner')).toHaveAttribute('data-precedence', 'IMMEDIATE', { timeout: 30_000 });

    // The new deadline holds: overdue at the desk after 5 minutes, not 30.
    await desk.goTo('inbox');
    await expect(desk.page.getByTestId('message-list').getByTestId('message-subject').first()).toHaveText('תנועת רכבים בציר', { timeout: 30_000 });
    await desk.page.clock.fastForward('04:00');
    await expect(desk.page.getByTestId('overdue-banner')).toHaveCount(0);
    await desk.page.clock.fastForward('02:00');
    await expect(desk.page.getByTestId('overdue-subject')).toHaveText('תנועת רכבים בציר');

    // The inbox counts it and filters to it; a filter nothing matches says so, and one click shows everything again.
    await expect(desk.page.getByTestId('inbox-counts')).toHaveAttribute('data-overdue', '1');
    await desk.page.getByTestId('filter-overdue').check();
    const deskRows = desk.page.getByTestId('message-list').getByTestId('message-subject');
    await expect(deskRows).toHaveText(['תנועת רכבים בציר']);
    await desk.page.getByTestId('filter-precedence').selectOption('FLASH');
    await expect(desk.page.getByTestId('inbox-no-match')).toBeVisible();
    await desk.page.getByTestId('filter-clear').click();
    await expect(desk.page.getByTestId('filter-overdue')).not.toBeChecked();
    await expect(deskRows).toHaveText(['תנועת רכבים בציר']);

    // The desk's note reaches both posts; only the desk may write one.
    await openNewest(desk);
    await desk.page.getByTestId('view-note-input').fill('Please confirm by radio as well.');
    await desk.page.getByTestId('view-note-send').click();
    await expect(desk.page.getByTestId('view-note-text')).toHaveText('Please confirm by radio as well.');
    await openNewest(il);
    await expect(il.page.getByTestId('view-note-text')).toHaveText('Please confirm by radio as well.', { timeout: 30_000 });
    await expect(il.page.getByTestId('view-note-input')).toHaveCount(0);

    // The Syrian post asks for it in Arabic; the author's post and the desk see the request.
    await sy.page.getByTestId('urgent-open').click();
    await expect(sy.page.getByTestId('view-request-he')).toHaveCount(0);
    await sy.page.getByTestId('view-request-ar').check();
    await sy.page.getByTestId('view-request-send').click();
    await expect(sy.page.getByTestId('view-translation-request')).toHaveCount(1);
    // Each names the language in its own words (the Israeli post reads Hebrew, the desk English).
    await expect(il.page.getByTestId('view-translation-request')).toContainText('ערבית', { timeout: 30_000 });
    await expect(desk.page.getByTestId('view-translation-request')).toContainText('Arabic', { timeout: 30_000 });

    expect({ desk: desk.consoleErrors, il: il.consoleErrors, sy: sy.consoleErrors }).toEqual({ desk: [], il: [], sy: [] });
  } finally {
    for (const context of contexts) await context.close();
  }
});
