/**
 * Watching the app's own UI (app-ui.ts) from inside its page, for inbox-render and send-to-banner: when something
 * first appears in the DOM, when the frame showing it was produced, how many elements the page holds, and when a
 * button was pressed. Nothing here touches the app: it only observes the document and scrolls the list.
 *
 * "Painted" is measured as the end of the frame that first contains the change: a MutationObserver sees React's commit
 * (a microtask at the end of the task that rendered it); requestAnimationFrame then runs at the start of the next
 * frame, before its style, layout and paint; a message posted from there is delivered after that rendering step, so
 * its time is when the frame with the new rows had been laid out and painted on the page's thread (compositing, on
 * other threads, follows within the frame). The paint timing entries cannot be used: first-contentful-paint was the
 * unlock screen's, and largest-contentful-paint stops at the first input (the click on Unlock).
 */
import type { BannerSeen, DomCounts, FirstRows, ScrollResult } from './bench-api';
import { epochNow } from './catch-up';

const LIST = '[data-testid="message-list"]';

/** Resolves with the epoch time just after the next frame is rendered. */
export function afterNextFrame(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(epochNow());
      };
      channel.port2.postMessage(null);
    });
  });
}

/** Calls `check` on every DOM change until it returns a value (or `timeoutMs` passes); resolves with that value. */
function whenDom<T>(check: () => T | null, timeoutMs: number, what: string, attributes: readonly string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = (value: T) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const value = check();
      if (value !== null) done(value);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${what}: not seen within ${timeoutMs} ms`));
    }, timeoutMs);
    observer.observe(document.body, { childList: true, subtree: true, ...(attributes.length > 0 ? { attributes: true, attributeFilter: [...attributes] } : {}) });
    const now = check();
    if (now !== null) done(now);
  });
}

export function domCounts(): DomCounts {
  const list = document.querySelector<HTMLElement>(LIST);
  const rows = list ? [...list.querySelectorAll<HTMLElement>('li')] : [];
  const positions = rows.map((row) => Number(row.getAttribute('aria-posinset')));
  return {
    nodes: document.querySelectorAll('*').length,
    listNodes: list ? list.querySelectorAll('*').length : 0,
    rows: rows.length,
    articles: list ? list.querySelectorAll('article').length : 0,
    placeholders: list ? list.querySelectorAll('.virtual-list__placeholder').length : 0,
    firstRow: positions.length > 0 ? Math.min(...positions) : 0,
    lastRow: positions.length > 0 ? Math.max(...positions) : 0,
    total: Number(list?.dataset['total'] ?? 0),
    scrollHeight: list?.scrollHeight ?? 0,
  };
}

let firstRows: Promise<FirstRows> | null = null;

/**
 * Arms the watch for the inbox's first rows: call before pressing Unlock. Marks the submit of the unlock form (the
 * press), the app's frame appearing (the navigation: the core reported the vault open), the message list, its first
 * row with a message, and the end of the frame that shows it.
 */
export function armFirstRows(timeoutMs: number): void {
  let submitAt: number | null = null;
  document.addEventListener('submit', () => (submitAt ??= epochNow()), { capture: true, once: true });
  let frameAt: number | null = null;
  let listAt: number | null = null;
  firstRows = whenDom(
    () => {
      const now = epochNow();
      if (frameAt === null && document.querySelector('[data-testid="nav-inbox"]')) frameAt = now;
      const list = document.querySelector(LIST);
      if (list && listAt === null) listAt = now;
      return list?.querySelector('article') ? now : null;
    },
    timeoutMs,
    'the inbox rows',
  ).then(async (rowsAt) => {
    const paintedAt = await afterNextFrame();
    if (submitAt === null) throw new Error('the rows came before the unlock form was submitted');
    return { submitAt, frameAt: frameAt ?? rowsAt, listAt: listAt ?? rowsAt, rowsAt, paintedAt, counts: domCounts() };
  });
}

export function awaitFirstRows(): Promise<FirstRows> {
  if (!firstRows) throw new Error('armFirstRows was not called');
  return firstRows;
}

/**
 * Scrolls the message list to its middle row or its end, and waits until every row it renders shows its message (no
 * placeholder left) including the target row, and the frame showing them is rendered.
 */
export async function scrollList(input: { to: 'middle' | 'end'; timeoutMs: number }): Promise<ScrollResult> {
  const list = document.querySelector<HTMLElement>(LIST);
  if (!list) throw new Error('no message list');
  const total = Number(list.dataset['total']);
  const target = input.to === 'middle' ? Math.floor(total / 2) : total - 1;
  const rowHeight = list.scrollHeight / total;
  const startedAt = epochNow();
  list.scrollTop = input.to === 'end' ? list.scrollHeight : target * rowHeight;
  const filledAt = await whenDom(
    () => {
      const row = list.querySelector(`li[aria-posinset="${target + 1}"]`);
      return row?.querySelector('article') && !list.querySelector('.virtual-list__placeholder') ? epochNow() : null;
    },
    input.timeoutMs,
    `row ${target + 1} of ${total}`,
  );
  const paintedAt = await afterNextFrame();
  const box = list.getBoundingClientRect();
  const row = list.querySelector<HTMLElement>(`li[aria-posinset="${target + 1}"]`)!.getBoundingClientRect();
  return {
    target,
    startedAt,
    filledAt,
    paintedAt,
    scrollTop: list.scrollTop,
    targetVisible: row.top >= box.top - 1 && row.bottom <= box.bottom + 1,
    counts: domCounts(),
  };
}

let pressedAt: number | null = null;

/** Notes when the button with this test id is next clicked (capture phase: before the app's own handler runs). */
export function armPress(testId: string): void {
  pressedAt = null;
  const listener = (event: Event) => {
    if (!(event.target instanceof Element) || !event.target.closest(`[data-testid="${testId}"]`)) return;
    pressedAt = epochNow();
    document.removeEventListener('click', listener, { capture: true });
  };
  document.addEventListener('click', listener, { capture: true });
}

export const pressed = (): number | null => pressedAt;

let banner: Promise<BannerSeen> | null = null;

/** Arms the watch for an urgent banner holding up a message other than `exceptId`. */
export function armBanner(input: { exceptId: string | null; timeoutMs: number }): void {
  banner = whenDom(
    () => {
      const element = document.querySelector<HTMLElement>('[data-testid="urgent-banner"]');
      const id = element?.dataset['message'];
      return element && id && id !== input.exceptId ? { id, subject: element.querySelector('[data-testid="urgent-subject"]')?.textContent ?? '', inDomAt: epochNow() } : null;
    },
    input.timeoutMs,
    'the urgent banner',
    ['data-message'],
  ).then(async (seen) => ({ ...seen, paintedAt: await afterNextFrame() }));
}

export function awaitBanner(): Promise<BannerSeen> {
  if (!banner) throw new Error('armBanner was not called');
  return banner;
}

/** Resolves once no urgent banner is shown. */
export async function bannerGone(timeoutMs: number): Promise<void> {
  await whenDom(() => (document.querySelector('[data-testid="urgent-banner"]') ? null : true), timeoutMs, 'the banner to go');
}
