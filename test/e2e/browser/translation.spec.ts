/**
 * Translate and certify through the UI alone, with a real relay: the Israeli officer, a translator too, writes the
 * English translation of a Hebrew FLASH before sending it (a wrong digit flagged as typed holds the first Send back);
 * the message reaches the Syrian post; a Syrian translator drafts the Arabic, a wrong digit is flagged as it is
 * typed, fixed, and the translation submitted; the same translator trying to certify it is refused with a clear
 * message; a second translator certifies it, and the first certifies the English. The Israeli post (in Hebrew) and
 * the desk see the Arabic and English translations beside the original, uncertified ones marked as such until they
 * are certified.
 */
import { AppDriver } from '../support/app';
import { approveByFingerprint, channelKeyShown, joinChannel, setUpChannel, waitUntilReady } from '../support/channel-flow';
import { expect, test } from '../support/fixtures';

const SUBJECT = 'תנועת רכבים ליד הגדר';
const BODY = '3 רכבים ינועו ליד הגדר בשעה 14:30.';
const ARABIC = { subject: 'حركة مركبات قرب السياج', wrong: 'ستتحرك 4 مركبات قرب السياج عند الساعة 14:30.', right: 'ستتحرك 3 مركبات قرب السياج عند الساعة 14:30.' };
const ENGLISH = { subject: 'Vehicle movement near the fence', wrong: '3 vehicles will move near the fence at 15:30.', body: '3 vehicles will move near the fence at 14:30.' };

/** Opens the workspace's first queued message in `lang`. */
async function openQueued(driver: AppDriver, lang: 'ar' | 'en') {
  await driver.goTo('translations');
  const item = driver.page.getByTestId('translation-queue').locator('li').filter({ hasText: SUBJECT });
  await item.getByTestId(`queue-translate-${lang}`).click({ timeout: 30_000 });
}

test('a translation is drafted with live checks, refused to its own translator, certified by a second, and shown marked to every post', async ({ browser, relay }) => {
  test.setTimeout(240_000);
  const contexts = await Promise.all([0, 1, 2, 3].map(() => browser.newContext()));
  try {
    const [deskPage, ilPage, syPage, sy2Page] = await Promise.all(contexts.map((context) => context.newPage()));
    const profiles = { desk: new AppDriver(deskPage!), il: new AppDriver(ilPage!), sy: new AppDriver(syPage!) };
    const second = new AppDriver(sy2Page!);
    await profiles.desk.open('tr-desk');
    await profiles.il.open('tr-il');
    await profiles.sy.open('tr-sy');
    await second.open('tr-sy2');
    await setUpChannel(profiles, relay, { IL: ['officer', 'translator'], SY: ['officer', 'translator'] });
    const fingerprint = await joinChannel(second, relay, await channelKeyShown(profiles.desk), 'SY', 'مترجمة ثانية', ['translator']);
    await approveByFingerprint(profiles.desk, fingerprint);
    await waitUntilReady(second);
    const { desk, il, sy } = profiles;
    await il.chooseLanguage('he');
    await sy.chooseLanguage('ar');
    await second.chooseLanguage('ar');

    await il.goTo('compose');
    await il.page.getByTestId('compose-recipient-SY').check();
    await il.page.getByTestId('compose-precedence').selectOption('FLASH');
    await il.page.getByTestId('compose-subject').fill(SUBJECT);
    await il.page.getByTestId('compose-text').fill(BODY);
    // The English, translated here before sending: a wrong time is flagged as typed, and holds the first Send back.
    await il.page.getByTestId('presend-add-en').click();
    const english = il.page.getByTestId('presend-translation-en');
    await english.getByTestId('editor-subject').fill(ENGLISH.subject);
    await english.getByTestId('editor-body').fill(ENGLISH.wrong);
    await expect(english.getByTestId('editor-findings').locator('[data-check="time"]').first()).toContainText('14:30');
    await il.page.getByTestId('compose-send').click();
    await expect(il.page.getByTestId('compose-translation-findings')).toBeVisible();
    await il.page.screenshot({ path: 'test/artifacts/screenshots/compose-presend-translation-he.png', fullPage: true });
    await expect(il.page.getByTestId('compose-confirm')).toHaveCount(0);
    await english.getByTestId('editor-body').fill(ENGLISH.body);
    await expect(english.getByTestId('editor-findings')).toHaveAttribute('data-count', '0');
    await expect(il.page.getByTestId('compose-translation-findings')).toHaveCount(0);
    await il.page.getByTestId('compose-send').click();
    await il.page.getByTestId('compose-confirm-send').click();
    await expect(il.page.getByTestId('presend-translation-en')).toHaveCount(0);
    await expect(sy.page.getByTestId('urgent-banner')).toHaveAttribute('data-precedence', 'FLASH', { timeout: 30_000 });

    // The Syrian translator drafts the Arabic: the wrong digit is flagged as typed, and the flag goes once it is fixed.
    await openQueued(sy, 'ar');
    await expect(sy.page.getByTestId('editor-original')).toContainText(BODY);
    await sy.page.getByTestId('editor-subject').fill(ARABIC.subject);
    await sy.page.getByTestId('editor-body').fill(ARABIC.wrong);
    const findings = sy.page.getByTestId('editor-findings');
    await expect(findings).toHaveAttribute('data-count', '2');
    await expect(findings.locator('[data-check="number"]').first()).toContainText('3');
    await expect(sy.page.getByTestId('editor-saved')).toBeVisible();
    await sy.page.getByTestId('editor-body').fill(ARABIC.right);
    await expect(findings).toHaveAttribute('data-count', '0');
    await sy.page.getByTestId('editor-submit').click();
    await expect(sy.page.getByTestId('workspace-languages')).toBeVisible();

    // Uncertified, they are shown marked as such at the desk: the English sent with the message, and the Arabic.
    await desk.goTo('inbox');
    await desk.page.getByTestId('message-list').getByTestId('message-open').first().click({ timeout: 30_000 });
    for (const lang of ['ar', 'en']) {
      await expect(desk.page.getByTestId(`view-translation-${lang}`)).toHaveAttribute('data-stage', 'submitted', { timeout: 30_000 });
      await expect(desk.page.getByTestId(`view-translation-${lang}-warning`)).toBeVisible();
    }

    // Its own translator cannot certify it.
    await openQueued(sy, 'ar');
    await expect(sy.page.getByTestId('review-panel')).toBeVisible({ timeout: 30_000 });
    await sy.page.getByTestId('review-certify').click();
    await expect(sy.page.getByTestId('review-error')).toContainText('أنت كتبت هذه الترجمة');

    // The second translator certifies the Arabic; the first certifies the English written at the Israeli post.
    await second.goTo('translations');
    await openQueued(second, 'ar');
    await expect(second.page.getByTestId('review-findings')).toHaveAttribute('data-count', '0');
    await second.page.getByTestId('review-certify').click();
    await expect(second.page.getByTestId('workspace-languages')).toBeVisible();
    await sy.page.getByTestId('workspace-back').click();
    await sy.page.getByTestId('workspace-language-en').check();
    await openQueued(sy, 'en');
    await expect(sy.page.getByTestId('review-findings')).toHaveAttribute('data-count', '0');
    await sy.page.getByTestId('review-certify').click({ timeout: 30_000 });
    await expect(sy.page.getByTestId('workspace-languages')).toBeVisible();

    // Both certified, beside the original, at the Israeli post (in Hebrew) and at the desk.
    await il.goTo('inbox');
    await il.page.getByTestId('message-list').getByTestId('message-open').first().click();
    for (const reader of [il, desk]) {
      for (const [lang, text] of [['ar', ARABIC.right], ['en', ENGLISH.body]] as const) {
        await expect(reader.page.getByTestId(`view-translation-${lang}`)).toHaveAttribute('data-stage', 'certified', { timeout: 30_000 });
        await expect(reader.page.getByTestId(`view-translation-${lang}-body`)).toHaveText(text);
        await expect(reader.page.getByTestId(`view-translation-${lang}-warning`)).toHaveCount(0);
      }
      await expect(reader.page.getByTestId('view-body')).toHaveText(BODY);
      await expect(reader.page.getByTestId('view-translation-refused')).toHaveCount(0);
    }
    await expect(il.page.getByTestId('view-translation-ar-stage')).toHaveText('מאושר');
    await il.page.screenshot({ path: 'test/artifacts/screenshots/certified-translations-he.png', fullPage: true });

    expect({ desk: desk.consoleErrors, il: il.consoleErrors, sy: sy.consoleErrors, second: second.consoleErrors }).toEqual({ desk: [], il: [], sy: [], second: [] });
  } finally {
    for (const context of contexts) await context.close();
  }
});

test('the desk adds a glossary entry; a forbidden variant is then flagged at the Syrian post; the glossary and memory export and import', async ({ browser, relay }) => {
  test.setTimeout(180_000);
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ acceptDownloads: true })));
  try {
    const [deskPage, ilPage, syPage] = await Promise.all(contexts.map((context) => context.newPage()));
    const profiles = { desk: new AppDriver(deskPage!), il: new AppDriver(ilPage!), sy: new AppDriver(syPage!) };
    await profiles.desk.open('gl-desk');
    await profiles.il.open('gl-il');
    await profiles.sy.open('gl-sy');
    await setUpChannel(profiles, relay, { SY: ['officer', 'translator'] });
    const { desk, il, sy } = profiles;
    await sy.chooseLanguage('ar');

    // An entry without a second language is refused; a whole one goes to every post.
    await desk.goTo('translations');
    await desk.page.getByTestId('glossary-term-en').fill('water tanker');
    await desk.page.getByTestId('glossary-save').click();
    await expect(desk.page.getByTestId('glossary-invalid')).toBeVisible();
    await desk.page.getByTestId('glossary-term-he').fill('מכלית מים');
    await desk.page.getByTestId('glossary-term-ar').fill('صهريج مياه');
    await desk.page.getByTestId('glossary-forbidden-ar').fill('تنكر ماء');
    await desk.page.getByTestId('glossary-save').click();
    await sy.goTo('translations');
    await expect(sy.page.getByTestId('glossary-entry-water-tanker')).toHaveAttribute('data-channel', 'true', { timeout: 30_000 });

    await il.goTo('compose');
    await il.page.getByTestId('compose-recipient-SY').check();
    await il.page.getByTestId('compose-lang').selectOption('he');
    await il.page.getByTestId('compose-subject').fill('מכלית מים');
    await il.page.getByTestId('compose-text').fill('מכלית מים תגיע לגדר בשעה 09:00.');
    await il.page.getByTestId('compose-send').click();
    const item = sy.page.getByTestId('translation-queue').locator('li').filter({ hasText: 'מכלית מים' });
    await item.getByTestId('queue-translate-ar').click({ timeout: 30_000 });
    await sy.page.getByTestId('editor-subject').fill('صهريج مياه');
    await sy.page.getByTestId('editor-body').fill('سيصل تنكر ماء إلى السياج عند الساعة 09:00.');
    await expect(sy.page.getByTestId('editor-findings').locator('[data-check="forbidden"]')).toHaveCount(1);
    await sy.page.getByTestId('editor-body').fill('سيصل صهريج مياه إلى السياج عند الساعة 09:00.');
    await expect(sy.page.getByTestId('editor-findings')).toHaveAttribute('data-count', '0');
    await sy.page.getByTestId('workspace-back').click();

    // The desk's CSV export, imported at the Syrian post, reads back every entry without an error.
    const entries = await desk.page.getByTestId('glossary-entries').locator('tbody tr').count();
    const [csv] = await Promise.all([desk.page.waitForEvent('download'), desk.page.getByTestId('glossary-export-csv').click()]);
    const csvPath = await csv.path();
    await sy.page.getByTestId('glossary-import').setInputFiles(csvPath);
    await expect(sy.page.getByTestId('glossary-imported')).toHaveAttribute('data-entries', String(entries));
    await expect(sy.page.getByTestId('glossary-imported')).toHaveAttribute('data-errors', '0');
    const [tbx] = await Promise.all([sy.page.waitForEvent('download'), sy.page.getByTestId('glossary-export-tbx').click()]);
    expect(tbx.suggestedFilename()).toBe('glossary.tbx');
    const [tmx] = await Promise.all([sy.page.waitForEvent('download'), sy.page.getByTestId('memory-export').click()]);
    expect(tmx.suggestedFilename()).toBe('translation-memory.tmx');

    expect({ desk: desk.consoleErrors, il: il.consoleErrors, sy: sy.consoleErrors }).toEqual({ desk: [], il: [], sy: [] });
  } finally {
    for (const context of contexts) await context.close();
  }
});
