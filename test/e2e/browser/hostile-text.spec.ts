/**
 * Hostile text: every string of the Big List of Naughty Strings (../shared/vectors/naughty-strings/blns.json) is typed
 * into the Israeli post's compose form as a subject and, in another message, as a body, goes through a real relay
 * process, and is read at the Syrian post. Each one is either refused with its clear, translated error (nothing queued,
 * nothing typed lost), or arrives and is shown intact.
 *
 * What is compared: the DOM text (`textContent`, so every space and control character counts, which `innerText` would
 * not) of each inbox row's subject and text, and of the full view's subject and body for one message of each hostile
 * kind, against the string as JSON.parse read it from the file, with `===`: code unit for code unit, which for these
 * well-formed strings (checked) is byte for byte of their UTF-8. The corpus holds no CR or LF (checked): a line break
 * could not survive a single-line <input> (HTML strips it) and a <textarea> turns CRLF into LF, so neither is tested.
 *
 * No script runs: an alert, confirm or prompt fails the test, as does a console error, a page error, a
 * Content-Security-Policy violation once the app is set up, a change of address, or any element inside a shown
 * subject or text (markup must stay text).
 *
 * No layout break, at the window's minimum size: the page and its main area never scroll sideways; every inbox row
 * keeps the height of a plain one, nothing in it reaches past its sides or is cut off sideways, and its sender, time
 * and state stay inside it (its text may be cut to its first lines: that is the design); each full view opened fits
 * the main area.
 *
 * All through the UI (the app exposes no handle on its core). Message k has the k-th acceptable subject and the
 * (k+1)-th acceptable body, so each string is used once in each role: 512 messages, the fewest that can do it. One per
 * hostile kind is typed by Playwright (`fill`, as a person types); the rest are typed from inside the page (each field
 * set as typing sets it, then its `input` event), waiting for the outbox to keep up, since a Playwright round trip per
 * action and a long outbox each cost more than the app's own sending.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_SUBJECT_LENGTH, MAX_TEXT_LENGTH } from '../../../electron/common/message/payload';
import { E2E_RELAY_PORT } from '../../../playwright.config';
import { RelayProcess } from '../../support/relay-process';
import { repoRoot, vectorPath } from '../../support/vectors';
import { AppDriver } from '../support/app';
import { setUpChannel, type Profiles } from '../support/channel-flow';
import { holdRelayPortForTest } from '../support/relay-port';

// Two to three minutes on two cores shared with other runs, most of it the app sending 512 messages; the rest is margin.
test.describe.configure({ timeout: 300_000 });

const corpusFile = vectorPath('naughty-strings/blns.json');
const CORPUS: readonly string[] = corpusFile ? (JSON.parse(readFileSync(corpusFile, 'utf8')) as string[]) : [];

/** The window's minimum size (electron/main/main-window.ts): where a long string is likeliest to break the layout. */
const VIEWPORT = { width: 900, height: 600 };
const PLAIN = { subject: 'Plain reference message', body: 'A plain routine message, for the height of a row.' };
/** Typed from inside the page, the next message waits until the outbox holds fewer than this. */
const OUTBOX_AHEAD = 4;

type Refusal = 'noSubject' | 'empty' | 'tooLong';
/**
 * The app's rules (renderer/core/sync/outbox.ts): a subject of 1–200 characters that shows something (a letter, digit,
 * mark, punctuation or symbol: not only spaces and invisible formatting); a body that shows something.
 */
const visible = (text: string): boolean => /[\p{L}\p{N}\p{M}\p{P}\p{S}]/u.test(text);
const subjectRefusal = (text: string): Refusal | null => (!visible(text) || text.length > MAX_SUBJECT_LENGTH ? 'noSubject' : null);
const bodyRefusal = (text: string): Refusal | null => (!visible(text) ? 'empty' : text.length > MAX_TEXT_LENGTH ? 'tooLong' : null);

/**
 * The English error the user must see for a refusal, from the app's own translations: `{{max, digits}}` is the number
 * in ASCII digits inside a left-to-right isolate (renderer/i18n).
 */
function refusalText(refusal: Refusal): string {
  const errors = JSON.parse(readFileSync(path.join(repoRoot, 'locales/en/errors.json'), 'utf8')) as { message: Record<Refusal, string> };
  const max = refusal === 'tooLong' ? MAX_TEXT_LENGTH : MAX_SUBJECT_LENGTH;
  return errors.message[refusal].replace('{{max, digits}}', `\u2066${max}\u2069`);
}

/** A string as a failure message quotes it: escaped, and cut after 80 characters. */
const show = (text: string): string => {
  const characters = Array.from(text);
  return JSON.stringify(characters.length > 80 ? `${characters.slice(0, 80).join('')}…` : text);
};

interface Outgoing {
  readonly subject: string;
  readonly body: string;
}

/** Kinds of hostile string: one message of each is typed by Playwright and opened in the full view. */
const KINDS: readonly (readonly [string, (text: string) => boolean])[] = [
  ['script tag', (text) => text.includes('<script>')],
  ['inline handler', (text) => /onerror=/i.test(text)],
  // The corpus's only string with U+202E is made of invisible characters alone, which the app refuses: the other
  // embeddings, overrides and isolates stand in for it.
  ['bidi embedding, override or isolate', (text) => /[\u202a-\u202e\u2066-\u2069]/u.test(text)],
  // Zero-width space, joiners, word joiner, BOM (the corpus's strings with U+200B alone show nothing, and are refused).
  ['zero-width', (text) => /[\u200b-\u200d\u2060\ufeff]/u.test(text)],
  ['emoji', (text) => /\p{Extended_Pictographic}/u.test(text)],
  ['combining marks (Zalgo)', (text) => /\p{M}{8,}/u.test(text)],
  ['right-to-left script', (text) => /[\u0590-\u06ff]{4,}/u.test(text)],
  ['control characters', (text) => Array.from(text).some((character) => character < ' ' && !'\t\n\v\f\r'.includes(character))],
  ['longer than a subject may be', (text) => text.length > MAX_SUBJECT_LENGTH],
  ['long unbroken run', (text) => /\S{60,}/u.test(text)],
  ['SQL', (text) => /drop table/i.test(text)],
];

/** One inbox row as the DOM has it, and its geometry (pixels). */
interface Row {
  readonly index: number;
  readonly subject: string;
  readonly body: string;
  /** Elements inside the subject or the text: markup that was parsed rather than shown. */
  readonly elements: number;
  readonly rowHeight: number;
  readonly articleHeight: number;
  /** How far the subject (its button) reaches past the row's sides, where the row hides it. */
  readonly subjectPast: number;
  /** How much of the text is cut off sideways, inside its box or past the row's sides. */
  readonly textCut: number;
  /** Content wider than the row. */
  readonly rowSideways: number;
  /** How far the line with the sender, time and state reaches below the row's bottom edge. */
  readonly metaBelow: number;
  readonly pageSideways: number;
  readonly mainSideways: number;
}

/** Scrolls the whole (virtual) inbox list, reading every row once its message is there; the newest first. */
async function readInbox(page: Page, total: number): Promise<Row[]> {
  return page.getByTestId('message-list').evaluate(async (list, expected) => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const main = document.getElementById('main')!;
    const found = new Map<number, Row>();
    for (let top = 0; ; top += list.clientHeight) {
      list.scrollTop = top;
      const deadline = Date.now() + 15_000;
      const rendered = () => [...list.querySelectorAll<HTMLLIElement>('li.virtual-list__row')];
      await frame();
      let items = rendered();
      while (items.length === 0 || !items.every((item) => item.querySelector('article.message'))) {
        if (Date.now() > deadline) throw new Error(`the rows at ${top}px never got their messages`);
        await frame();
        items = rendered();
      }
      for (const item of items) {
        const article = item.querySelector<HTMLElement>('article.message')!;
        const subject = article.querySelector<HTMLElement>('[data-testid="message-subject"]')!;
        const text = article.querySelector<HTMLElement>('[data-testid="message-text"]')!;
        const box = article.getBoundingClientRect();
        const past = (element: Element) => {
          const inner = element.getBoundingClientRect();
          return Math.max(0, box.left - inner.left, inner.right - box.right);
        };
        const index = Number(item.getAttribute('aria-posinset')) - 1;
        found.set(index, {
          index,
          subject: subject.textContent ?? '',
          body: text.textContent ?? '',
          elements: subject.childElementCount + text.childElementCount,
          rowHeight: item.getBoundingClientRect().height,
          articleHeight: box.height,
          // The subject's button: the subject may be cut (with an ellipsis, say) as long as its box stays in the row.
          subjectPast: past(subject.closest('button') ?? subject),
          textCut: Math.max(text.scrollWidth - text.clientWidth, past(text)),
          rowSideways: article.scrollWidth - article.clientWidth,
          metaBelow: article.querySelector('.message__meta')!.getBoundingClientRect().bottom - (box.bottom - article.clientTop),
          pageSideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          mainSideways: main.scrollWidth - main.clientWidth,
        });
      }
      if (top + list.clientHeight >= list.scrollHeight) break;
    }
    if (found.size !== expected) throw new Error(`read ${found.size} rows of ${expected}`);
    return [...found.values()].sort((a, b) => a.index - b.index);
  }, total);
}

/** Opens the message at `index` of the inbox, reads its full view (text and geometry), and goes back. */
async function readFullView(page: Page, index: number, rowHeight: number) {
  const list = page.getByTestId('message-list');
  await list.evaluate((element, top) => {
    element.scrollTop = top;
  }, index * rowHeight);
  await page.locator(`li.virtual-list__row[aria-posinset="${index + 1}"]`).getByTestId('message-open').click();
  await expect(page.getByTestId('view-subject')).toBeVisible();
  const view = await page.getByTestId('message-view').evaluate((section) => {
    const subject = section.querySelector<HTMLElement>('[data-testid="view-subject"]')!;
    const body = section.querySelector<HTMLElement>('[data-testid="view-body"]');
    const main = document.getElementById('main')!;
    const bounds = main.getBoundingClientRect();
    const past = (element: Element | null) => {
      if (!element) return 0;
      const inner = element.getBoundingClientRect();
      return Math.max(0, bounds.left - inner.left, inner.right - bounds.right);
    };
    return {
      subject: subject.textContent ?? '',
      body: body?.textContent ?? null,
      elements: subject.childElementCount + (body?.childElementCount ?? 0),
      past: Math.max(past(subject), past(body)),
      pageSideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      mainSideways: main.scrollWidth - main.clientWidth,
    };
  });
  await page.getByTestId('message-back').click();
  await expect(list).toBeVisible();
  return view;
}

/**
 * Types the messages into the compose form from inside the page, one after another: each field's value set as typing
 * sets it and its `input` event (which React reads), the recipient ticked if the form has forgotten it, Send clicked,
 * and the next one once the form has emptied and the outbox is nearly empty again.
 */
async function typeInPage(page: Page, messages: readonly Outgoing[]): Promise<void> {
  await page.getByTestId('compose-send').evaluate(
    async (_button, { all, ahead }) => {
      // Polled every few milliseconds: often enough to keep the outbox fed, seldom enough to leave the cores to the app.
      const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
      const field = <T extends HTMLElement>(testId: string) => document.querySelector<T>(`[data-testid="${testId}"]`);
      const type = (element: HTMLInputElement | HTMLTextAreaElement, value: string) => {
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element) as object, 'value')!.set!.call(element, value);
        element.dispatchEvent(new Event('input', { bubbles: true }));
      };
      const until = async (what: string, done: () => boolean) => {
        const deadline = Date.now() + 30_000;
        while (!done()) {
          const error = field('compose-error');
          if (error) throw new Error(`while waiting for ${what}: ${error.textContent}`);
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          await pause();
        }
      };
      const subject = () => field<HTMLInputElement>('compose-subject')!;
      const body = () => field<HTMLTextAreaElement>('compose-text')!;
      const recipient = () => field<HTMLInputElement>('compose-recipient-SY')!;
      for (const [k, message] of all.entries()) {
        await until(`the form and the outbox, before message ${k}`, () => field<HTMLButtonElement>('compose-send')?.disabled === false && Number(field('outbox-count')!.dataset['count']) < ahead);
        if (!recipient().checked) recipient().click();
        type(subject(), message.subject);
        type(body(), message.body);
        await until(`message ${k} in the form`, () => recipient().checked && subject().value === message.subject && body().value === message.body);
        field<HTMLButtonElement>('compose-send')!.click();
        await until(`message ${k} to be queued`, () => body().value === '');
      }
    },
    { all: messages, ahead: OUTBOX_AHEAD },
  );
}

/** A profile in a context of its own, at the window's minimum size, watching for dialogs and CSP violations. */
async function openProfile(browser: Browser, name: string, contexts: BrowserContext[], dialogs: string[]): Promise<AppDriver> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  contexts.push(context);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`));
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${name}: ${dialog.type()} ${JSON.stringify(dialog.message())}`);
    void dialog.dismiss();
  });
  const driver = new AppDriver(page);
  await driver.open(name);
  return driver;
}

/** The Content-Security-Policy violations the page has seen since the last call. */
const takeViolations = (driver: AppDriver): Promise<string[]> =>
  driver.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.splice(0));

const outboxCount = async (driver: AppDriver) => Number(await driver.page.getByTestId('outbox-count').getAttribute('data-count'));

test('every naughty string, as subject and as body, is refused clearly or arrives and is shown intact; no script runs, no layout breaks', async ({ browser }) => {
  test.skip(CORPUS.length === 0, 'the naughty-strings corpus is not there (the reason is printed above)');
  for (const text of CORPUS) {
    expect(Buffer.from(text, 'utf8').toString('utf8'), `${show(text)} is well-formed UTF-16`).toBe(text);
    expect(/[\r\n]/.test(text), `${show(text)} holds no line break`).toBe(false);
  }

  const acceptedSubjects = CORPUS.filter((text) => subjectRefusal(text) === null);
  const acceptedBodies = CORPUS.filter((text) => bodyRefusal(text) === null);
  const refusals: { subject: string; body: string; refusal: Refusal }[] = [
    ...CORPUS.filter((text) => subjectRefusal(text) !== null).map((text) => ({ subject: text, body: PLAIN.body, refusal: subjectRefusal(text)! })),
    ...CORPUS.filter((text) => bodyRefusal(text) !== null).map((text) => ({ subject: PLAIN.subject, body: text, refusal: bodyRefusal(text)! })),
  ];
  const samples: Outgoing[] = KINDS.map(([, isKind]) => ({ subject: acceptedSubjects.find(isKind) ?? PLAIN.subject, body: acceptedBodies.find(isKind) ?? PLAIN.body }));
  for (const [i, sample] of samples.entries()) expect(sample.subject !== PLAIN.subject || sample.body !== PLAIN.body, `a string of kind ${KINDS[i]![0]}`).toBe(true);
  const bulk: Outgoing[] = Array.from({ length: Math.max(acceptedSubjects.length, acceptedBodies.length) }, (_, k) => ({
    subject: acceptedSubjects[k % acceptedSubjects.length]!,
    body: acceptedBodies[(k + 1) % acceptedBodies.length]!,
  }));
  const expected = [PLAIN, ...samples, ...bulk];

  const release = await holdRelayPortForTest(test.info(), E2E_RELAY_PORT);
  const relay = await RelayProcess.start({ port: E2E_RELAY_PORT });
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];
  const timings: string[] = [];
  let phase = Date.now();
  const lap = (what: string) => {
    timings.push(`${what} ${((Date.now() - phase) / 1000).toFixed(1)} s`);
    phase = Date.now();
  };
  try {
    const stamp = `${test.info().workerIndex}-${Date.now()}`;
    const profiles: Profiles = {
      desk: await openProfile(browser, `hostile-desk-${stamp}`, contexts, dialogs),
      il: await openProfile(browser, `hostile-il-${stamp}`, contexts, dialogs),
      sy: await openProfile(browser, `hostile-sy-${stamp}`, contexts, dialogs),
    };
    await setUpChannel(profiles, { url: relay.url.replace(/\/$/, ''), bindToken: relay.bindToken! });
    const { desk, il, sy } = profiles;
    // The desk's part ends here: closed, it leaves the two cores to the posts (every message is still sealed to it: the
    // relay insists).
    expect(desk.consoleErrors).toEqual([]);
    await contexts[0]!.close();
    // Zod probes once, at start, whether it may compile its validators (`Function('')`, caught), and the CSP refuses:
    // the one violation allowed, and only before any hostile text is typed.
    for (const driver of [il, sy]) expect((await takeViolations(driver)).filter((violation) => !violation.startsWith('script-src eval '))).toEqual([]);
    // The Syrian post waits on another screen, so its inbox is not drawn again for every message that arrives.
    await sy.goTo('settings');
    lap('set-up');

    await il.goTo('compose');
    const form = {
      recipient: il.page.getByTestId('compose-recipient-SY'),
      subject: il.page.getByTestId('compose-subject'),
      body: il.page.getByTestId('compose-text'),
      send: il.page.getByTestId('compose-send'),
      error: il.page.getByTestId('compose-error'),
    };
    const fillIn = async (message: Outgoing) => {
      // Sending may leave the form empty, recipients too: the recipient is ticked each time (nothing, if it is).
      await form.recipient.check();
      await form.subject.fill(message.subject);
      await form.body.fill(message.body);
      await form.send.click();
    };

    // Each refusal shows its translated error, queues nothing, and keeps what was typed.
    for (const { subject, body, refusal } of refusals) {
      await fillIn({ subject, body });
      await expect(form.error, `${refusal} for subject ${show(subject)}, body ${show(body)}`).toHaveText(refusalText(refusal));
      await expect(form.subject).toHaveValue(subject);
      await expect(form.body).toHaveValue(body);
      expect(await outboxCount(il)).toBe(0);
    }
    lap(`${refusals.length} refusals`);

    for (const message of [PLAIN, ...samples]) {
      await fillIn(message);
      await expect(form.body).toHaveValue('');
      await expect(form.error).toHaveCount(0);
    }
    lap(`${samples.length + 1} messages typed by Playwright`);
    await typeInPage(il.page, bulk);
    await expect.poll(() => outboxCount(il), { timeout: 60_000 }).toBe(0);
    lap(`${bulk.length} messages typed in the page and sent`);
    await sy.goTo('inbox');
    await expect(sy.page.getByTestId('message-list')).toHaveAttribute('data-total', String(expected.length), { timeout: 60_000 });
    const rows = await readInbox(sy.page, expected.length);
    lap('all read at the Syrian post');

    // Newest first: the list, reversed, is the order they were sent in.
    const shown = [...rows].reverse();
    const changed = shown.flatMap((row, k) => {
      const sent = expected[k]!;
      return [
        ...(row.subject === sent.subject ? [] : [`message ${k}: subject ${show(sent.subject)} shown as ${show(row.subject)}`]),
        ...(row.body === sent.body ? [] : [`message ${k}: body ${show(sent.body)} shown as ${show(row.body)}`]),
      ];
    });
    expect(changed, 'every subject and body shown exactly as typed').toEqual([]);

    const plain = shown[0]!;
    const rowProblems = shown.flatMap((row, k) => {
      const where = `message ${k} (subject ${show(row.subject)}, body ${show(row.body)})`;
      const problems: string[] = [];
      if (row.elements > 0) problems.push(`${where}: ${row.elements} elements inside its subject or text`);
      if (row.rowHeight !== plain.rowHeight || row.articleHeight !== plain.articleHeight) problems.push(`${where}: ${row.articleHeight}px high, a plain row ${plain.articleHeight}px`);
      if (row.subjectPast > 0.5) problems.push(`${where}: its subject reaches ${row.subjectPast.toFixed(0)}px past the row's side, hidden`);
      if (row.textCut > 0.5) problems.push(`${where}: ${row.textCut.toFixed(0)}px of its text cut off sideways`);
      if (row.rowSideways > 0) problems.push(`${where}: its content is ${row.rowSideways}px wider than the row`);
      if (row.metaBelow > 0.5) problems.push(`${where}: its sender, time and state pushed ${row.metaBelow.toFixed(0)}px below the row's edge, hidden`);
      if (row.pageSideways > 0 || row.mainSideways > 0) problems.push(`${where}: the page or its main area scrolls sideways`);
      return problems;
    });
    expect.soft(rowProblems, 'no inbox row breaks its layout').toEqual([]);

    const viewProblems: string[] = [];
    for (const [i, sent] of samples.entries()) {
      const k = 1 + i;
      const view = await readFullView(sy.page, expected.length - 1 - k, plain.rowHeight);
      const where = `message ${k}, ${KINDS[i]![0]} (subject ${show(sent.subject)}, body ${show(sent.body)})`;
      if (view.subject !== sent.subject) viewProblems.push(`${where}: the full view shows the subject as ${show(view.subject)}`);
      if (view.body !== sent.body) viewProblems.push(`${where}: the full view shows the body as ${view.body === null ? 'nothing' : show(view.body)}`);
      if (view.elements > 0) viewProblems.push(`${where}: ${view.elements} elements inside the full view's subject or body`);
      if (view.past > 0.5) viewProblems.push(`${where}: the full view reaches ${view.past.toFixed(0)}px past the main area`);
      if (view.pageSideways > 0 || view.mainSideways > 0) viewProblems.push(`${where}: the full view scrolls sideways`);
    }
    expect.soft(viewProblems, 'every full view shows its message exactly, and fits').toEqual([]);
    lap(`${samples.length} full views`);

    expect(dialogs, 'no alert, confirm or prompt').toEqual([]);
    for (const driver of [il, sy]) {
      expect(await takeViolations(driver), 'no Content-Security-Policy violation').toEqual([]);
      expect(driver.consoleErrors).toEqual([]);
      expect(new URL(driver.page.url()).search).toMatch(/^\?profile=hostile-/);
      await expect(driver.page.getByTestId('alarm-banner')).toHaveCount(0);
    }
  } finally {
    console.log(`hostile text: ${CORPUS.length} strings, ${refusals.length} refusals, ${expected.length} messages; ${timings.join(', ')}`);
    // Closing may fail once the test has timed out: the relay is stopped and the port given back all the same.
    await Promise.allSettled(contexts.map((context) => context.close()));
    await relay.stop();
    release();
  }
});
