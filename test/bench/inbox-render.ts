/**
 * Benchmark: the inbox with 100,000 messages, in real Chromium with the app's own UI (browser/app-ui.ts). Two Syrian
 * devices join the channel through the page's core worker and lock; their vaults are filled from the page, through
 * Vault.commit as the receiver stores messages (browser/search.ts `fill`), one with 100 messages and one with 100,000.
 * Then, in turns, each profile's app is opened locked, the passphrase typed and Unlock pressed, and the time taken
 * until the inbox's first rows are on screen (browser/app-probe.ts: from the form's submit to the end of the frame that
 * first shows a row of `message-list`). The page's elements (`document.querySelectorAll('*')`) and the list's rows are
 * counted after that render, and again after scrolling the list to its middle and to its end (timed as well: from
 * setting scrollTop until every rendered row shows its message, then the frame).
 * Baseline, same run, same page and build: the same steps on the 100-message profile. The DOM must not grow with the
 * list (virtual list: only the rows on screen are in the page); the first render's ratio is reported.
 */
import { initCrypto } from '../../electron/common/crypto/sodium';
import type { FirstRows, ListReads, ScrollResult } from './browser/bench-api';
import { benchChannel, pageStatusUntil, PASSPHRASE } from './lib/browser-channel';
import { openBenchBrowser, type BenchBrowser } from './lib/browser-page';
import type { Scope } from './lib/scope';
import { percentile, round } from './lib/stats';
import type { Benchmark, BenchResult } from './lib/types';

const SMALL = 100;
const LARGE = 100_000;
/** Unlock-to-rows rounds per profile, the two profiles taking turns (the first of each is a warm-up). */
const ROUNDS = 6;
const SEED = 7;
const TIMEOUT_MS = 60_000;
/** The DOM may differ by a few elements (e.g. a badge); the "must not grow with the list". */
const DOM_TARGET = { kind: 'at-most', ratio: 1.05 } as const;

interface Profile {
  readonly name: string;
  readonly count: number;
}

interface Measured {
  readonly rounds: FirstRows[];
  readonly middle: ScrollResult;
  readonly end: ScrollResult;
  readonly reads: ListReads;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the app on the profile, locked; types the passphrase, arms the probe, presses Unlock; waits for the rows. */
async function unlockToRows(browser: BenchBrowser, profile: Profile): Promise<FirstRows> {
  await browser.open(profile.name, { ui: '1' });
  const { page } = browser;
  await page.getByTestId('unlock-passphrase').fill(PASSPHRASE, { timeout: TIMEOUT_MS });
  await browser.run((timeoutMs) => window.bench.armFirstRows(timeoutMs), TIMEOUT_MS);
  await page.getByTestId('unlock-submit').click();
  const rows = await browser.run(() => window.bench.firstRows(), null);
  if (rows.counts.total !== profile.count) throw new Error(`${profile.name}: the list says ${rows.counts.total} messages, expected ${profile.count}`);
  return rows;
}

/** Once more unlocked: scrolled to the middle and to the end, then the reads behind the list timed by part. */
async function afterRounds(browser: BenchBrowser, profile: Profile): Promise<Omit<Measured, 'rounds'>> {
  await unlockToRows(browser, profile);
  // The list settles (its own range report may ask for one more page) before anything is timed.
  await sleep(500);
  const middle = await browser.run((input) => window.bench.scrollList(input), { to: 'middle' as const, timeoutMs: TIMEOUT_MS });
  await sleep(500);
  const end = await browser.run((input) => window.bench.scrollList(input), { to: 'end' as const, timeoutMs: TIMEOUT_MS });
  await sleep(500);
  const reads = await browser.run((input) => window.bench.listReads(input), { profile: profile.name, count: profile.count });
  return { middle, end, reads };
}

async function prepare(browser: BenchBrowser, channel: Awaited<ReturnType<typeof benchChannel>>, profile: Profile, device: string) {
  await browser.open(profile.name);
  await channel.joinPage(browser, 'SY', device);
  await browser.run(() => window.bench.core('lock'), null);
  const filled = await browser.run((input) => window.bench.fill(input), { profile: profile.name, passphrase: PASSPHRASE, count: profile.count, batch: 256, seed: SEED });
  // Once unlocked by its worker, so the relay's catch-up (nothing new) is done before any timed unlock.
  await browser.run((passphrase) => window.bench.core('unlock', passphrase), PASSPHRASE);
  await pageStatusUntil(browser, (status) => status.sync.connection === 'online', `${profile.name} online`);
  await browser.run(() => window.bench.core('lock'), null);
  return filled;
}

const since = (from: number, to: number) => to - from;
const p50 = (samples: readonly number[]) => percentile(samples, 50);

async function run(scope: Scope): Promise<BenchResult> {
  await initCrypto();
  const browser = await openBenchBrowser(scope, 'inbox');
  const channel = await benchChannel(scope);
  const small: Profile = { name: 'inbox-small', count: SMALL };
  const large: Profile = { name: 'inbox-large', count: LARGE };
  const fillSmall = await prepare(browser, channel, small, 'ضابط الارتباط 1');
  const fillLarge = await prepare(browser, channel, large, 'ضابط الارتباط 2');
  // The desk has nothing more to do; it would only take CPU from the page.
  await channel.desk.core.close();

  const measured = new Map<Profile, FirstRows[]>([
    [small, []],
    [large, []],
  ]);
  for (let round = 0; round < ROUNDS; round += 1) {
    // Which profile goes first alternates, so neither always finds the other's blocks in the cache.
    for (const profile of round % 2 === 0 ? [small, large] : [large, small]) measured.get(profile)!.push(await unlockToRows(browser, profile));
  }
  const after = new Map<Profile, Omit<Measured, 'rounds'>>([
    [small, await afterRounds(browser, small)],
    [large, await afterRounds(browser, large)],
  ]);
  await browser.page.goto('about:blank');
  const of = (profile: Profile): Measured => ({ rounds: measured.get(profile)!.slice(1), ...after.get(profile)! });
  const [s, l] = [of(small), of(large)];

  const toPainted = (m: Measured) => m.rounds.map((r) => since(r.submitAt, r.paintedAt));
  const frameToPainted = (m: Measured) => m.rounds.map((r) => since(r.frameAt, r.paintedAt));
  const submitToFrame = (m: Measured) => m.rounds.map((r) => since(r.submitAt, r.frameAt));
  const nodes = (m: Measured) => p50(m.rounds.map((r) => r.counts.nodes));
  const scrollMs = (r: ScrollResult) => since(r.startedAt, r.paintedAt);
  const baseline = (name: string, value: number) => ({ name: `${name}, ${SMALL} msgs`, value });
  const ms = (x: number) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
  const coreReads = ({ core, limit }: ListReads) =>
    `messagePage(0, ${limit}) ${ms(core.firstPage)} [= count of the order index + page], messages(${limit}) ${ms(core.newest)} [the same page, no count], messagePage(middle) ${ms(core.middlePage)}, messagePage(last) ${ms(core.lastPage)}`;
  const rawReads = ({ raw, limit }: ListReads) =>
    `order index count() ${ms(raw.indexCount)}, object store count() ${ms(raw.storeCount)}, index cursor first ${limit} ${ms(raw.firstPage)}, advance(middle) + ${limit} ${ms(raw.middlePage)}`;
  const counts = (label: string, c: FirstRows['counts']) =>
    `${label}: ${c.nodes} elements (${c.listNodes} in the list), ${c.rows} rows (${c.articles} with a message, ${c.placeholders} placeholders), rows ${c.firstRow}–${c.lastRow} of ${c.total}`;
  const perRound = (m: Measured) =>
    m.rounds.map((r) => ({
      submitToFrame: round(since(r.submitAt, r.frameAt), 1),
      frameToRows: round(since(r.frameAt, r.rowsAt), 1),
      rowsToPainted: round(since(r.rowsAt, r.paintedAt), 1),
      submitToPainted: round(since(r.submitAt, r.paintedAt), 1),
      counts: r.counts,
    }));
  const allLarge = [...l.rounds.map((r) => r.counts.nodes), l.middle.counts.nodes, l.end.counts.nodes];
  const allSmall = [...s.rounds.map((r) => r.counts.nodes), s.middle.counts.nodes, s.end.counts.nodes];
  return {
    rows: [
      { metric: `p50 Unlock pressed -> first rows painted (${LARGE} msgs)`, value: p50(toPainted(l)), unit: 'ms', baseline: baseline('same', p50(toPainted(s))), target: null },
      { metric: `p50 app frame shown -> first rows painted (${LARGE} msgs)`, value: p50(frameToPainted(l)), unit: 'ms', baseline: baseline('same', p50(frameToPainted(s))), target: null },
      { metric: `DOM elements after first render (${LARGE} msgs)`, value: nodes(l), unit: 'elements', baseline: baseline('same', nodes(s)), target: DOM_TARGET },
      { metric: `DOM elements scrolled to the middle (${LARGE} msgs)`, value: l.middle.counts.nodes, unit: 'elements', baseline: baseline('same', s.middle.counts.nodes), target: DOM_TARGET },
      { metric: `DOM elements scrolled to the end (${LARGE} msgs)`, value: l.end.counts.nodes, unit: 'elements', baseline: baseline('same', s.end.counts.nodes), target: DOM_TARGET },
      { metric: `scroll to the middle -> rows painted (${LARGE} msgs)`, value: scrollMs(l.middle), unit: 'ms', baseline: baseline('same', scrollMs(s.middle)), target: null },
      { metric: `scroll to the end -> rows painted (${LARGE} msgs)`, value: scrollMs(l.end), unit: 'ms', baseline: baseline('same', scrollMs(s.end)), target: null },
    ],
    notes: [
      `fill: ${LARGE} + ${SMALL} messages through Vault.commit in batches of 256 (as received), in ${fillLarge.commitSeconds.toFixed(1)} + ${fillSmall.commitSeconds.toFixed(1)} s; two Syrian profiles of one channel, each opened ${ROUNDS} times in turns (the first of each a warm-up), locked, Unlock pressed in the app's own UI`,
      `first rows: from the unlock form's submit (the press) to the end of the frame first showing a row of message-list (MutationObserver on the commit, then requestAnimationFrame and a posted message: after that frame's layout and paint); split at the app's frame appearing (Argon2id unlock + status re-read: p50 ${p50(submitToFrame(l)).toFixed(0)} ms at ${LARGE}, ${p50(submitToFrame(s)).toFixed(0)} ms at ${SMALL})`,
      `${LARGE} msgs, per round (ms, submit -> painted): ${toPainted(l).map((x) => x.toFixed(0)).join(', ')}; ${SMALL} msgs: ${toPainted(s).map((x) => x.toFixed(0)).join(', ')}`,
      counts(`${LARGE} after first render`, l.rounds[0]!.counts),
      counts(`${SMALL} after first render`, s.rounds[0]!.counts),
      counts(`${LARGE} at the middle (row ${l.middle.target + 1})`, l.middle.counts),
      counts(`${LARGE} at the end (row ${l.end.target + 1}${l.end.targetVisible ? ', visible' : ', NOT visible'})`, l.end.counts),
      counts(`${SMALL} at the end (row ${s.end.target + 1}${s.end.targetVisible ? ', visible' : ', NOT visible'})`, s.end.counts),
      `elements over every render and scroll: ${LARGE} msgs ${Math.min(...allLarge)}–${Math.max(...allLarge)}, ${SMALL} msgs ${Math.min(...allSmall)}–${Math.max(...allSmall)}; list height ${l.end.counts.scrollHeight} px at ${LARGE} (Chromium lays out at most ~33.5 million px: ${Math.floor(33_554_428 / (l.end.counts.scrollHeight / LARGE))} rows of this height)`,
      `the list's reads in the core (through the RPC, once, after the scrolls), ${LARGE} vs ${SMALL} msgs: ${coreReads(l.reads)} vs ${coreReads(s.reads)}`,
      `the same in plain IndexedDB on the vault's database, ${LARGE} vs ${SMALL} msgs: ${rawReads(l.reads)} vs ${rawReads(s.reads)}`,
    ],
    details: {
      counts: { small: SMALL, large: LARGE },
      fill: { small: fillSmall, large: fillLarge },
      rounds: { small: perRound(s), large: perRound(l) },
      scroll: {
        small: { middle: { ...s.middle, ms: round(scrollMs(s.middle), 1) }, end: { ...s.end, ms: round(scrollMs(s.end), 1) } },
        large: { middle: { ...l.middle, ms: round(scrollMs(l.middle), 1) }, end: { ...l.end, ms: round(scrollMs(l.end), 1) } },
      },
      reads: { small: s.reads, large: l.reads },
      chromium: browser.chromiumVersion,
    },
  };
}

export const inboxRender: Benchmark = {
  name: 'inbox-render',
  title: 'inbox with 100,000 messages: first render and DOM size, in Chromium',
  budgetMs: 900_000,
  run,
};
