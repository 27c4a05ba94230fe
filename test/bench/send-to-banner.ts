/**
 * Benchmark: from pressing Send at one post to the urgent banner at the other, over a loopback relay, in real
 * Chromium with the app's own UI at both ends. The Israeli and the Syrian post each join the channel through their
 * page's core worker (lib/browser-channel.ts), each in a browser of its own (two machines, in effect), and each opens
 * the app, unlocked: IL on the composer, SY on its inbox. For every message IL writes a FLASH to SY, presses Send and
 * confirms; the time runs from the press on the confirmation's Send (the press that sends: a FLASH asks first) to the
 * end of the frame at SY that first shows the banner holding that message (browser/app-probe.ts). SY then acknowledges
 * it (through its core, as the banner's message view would), the banner goes, and the next one is sent.
 * Each browser's clock is set against Node's (the press is timed in IL's page, the banner in SY's); a listening tap
 * between each worker and the relay (lib/browser-frame-tap.ts) splits the time into phases.
 * Baseline, same run, in turns with the app: the bare relay round trip of one envelope of the same text between two
 * plain WebSocket clients (lib/bare-relay-path.ts: compose, relay, validate, verify and open — relay-latency's path).
 */
import { initCrypto } from '../../electron/common/crypto/sodium';
import { EVENT_GATHER_MS } from '../../renderer/core/core';
import { bareRelayPath } from './lib/bare-relay-path';
import { benchChannel, PASSPHRASE } from './lib/browser-channel';
import { FrameTap } from './lib/browser-frame-tap';
import { openBenchBrowser, type BenchBrowser } from './lib/browser-page';
import { measurePaths, type Phases } from './lib/post-to-post';
import type { Scope } from './lib/scope';
import { percentile, round, summary } from './lib/stats';
import type { Benchmark, BenchResult } from './lib/types';

const WARMUP = 3;
const COUNT = 20;
/** The app's sends and the baseline's take turns in this many blocks. */
const BLOCKS = 4;
const BARE_WARMUP = 10;
const TIMEOUT_MS = 30_000;
/** Between sends: the acknowledgement and the delivery receipts travel, and the posts go quiet again. */
const QUIET_MS = 1_000;

const nodeNow = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's epoch clock minus Node's, from the round trip with the least delay among a few. */
async function clockOffset(browser: BenchBrowser): Promise<{ offsetMs: number; rttMs: number }> {
  let best = { offsetMs: 0, rttMs: Infinity };
  for (let i = 0; i < 15; i += 1) {
    const before = nodeNow();
    const there = await browser.run(() => performance.timeOrigin + performance.now(), null);
    const after = nodeNow();
    if (after - before < best.rttMs) best = { offsetMs: there - (before + after) / 2, rttMs: after - before };
  }
  return best;
}

/** Opens the app on the profile, locked, and unlocks it as a user does; waits until it is online. */
async function openApp(browser: BenchBrowser, profile: string): Promise<void> {
  await browser.open(profile, { ui: '1' });
  const { page } = browser;
  await page.getByTestId('unlock-passphrase').fill(PASSPHRASE, { timeout: TIMEOUT_MS });
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('nav-inbox').waitFor({ timeout: TIMEOUT_MS });
  await page.locator('[data-testid="connection-state"][data-state="online"]').waitFor({ timeout: TIMEOUT_MS });
}

interface Sample {
  /** Node clock, ms since the press. */
  readonly total: number;
  readonly submit: number;
  readonly receipt: number;
  readonly deliver: number;
  readonly stored: number;
  readonly inDom: number;
}

const SUBJECT = 'FLASH: convoy stopped at the Quneitra crossing';
const BODY = 'Shots heard near the crossing gate at 14:20. Hold all movement on route 98 until confirmed. Acknowledge at once.';

async function run(scope: Scope): Promise<BenchResult> {
  await initCrypto();
  const channel = await benchChannel(scope);
  const ilTap = await FrameTap.start(channel.relay.url);
  scope.defer(() => ilTap.close());
  const syTap = await FrameTap.start(channel.relay.url);
  scope.defer(() => syTap.close());
  const il = await openBenchBrowser(scope, 'send-il');
  const sy = await openBenchBrowser(scope, 'send-sy');
  await il.open('il');
  await channel.joinPage(il, 'IL', 'קצין קישור', ilTap.url);
  await sy.open('sy');
  await channel.joinPage(sy, 'SY', 'ضابط الارتباط', syTap.url);
  // Everyone is approved; the desk's Node Core would take every delivery on this process's CPU.
  await channel.desk.core.close();
  await openApp(il, 'il');
  await openApp(sy, 'sy');
  await il.page.getByTestId('nav-compose').click();
  const bare = await bareRelayPath(scope);

  const offsetsBefore = { il: await clockOffset(il), sy: await clockOffset(sy) };
  let exceptId: string | null = null;
  const sendOne = async (n: number): Promise<Sample> => {
    const { page } = il;
    const subject = `${SUBJECT} #${n}`;
    // The composer keeps its form as a draft and empties it after a send: everything is set again each time.
    await page.getByTestId('compose-recipient-SY').check({ timeout: TIMEOUT_MS });
    await page.getByTestId('compose-precedence').selectOption('FLASH');
    await page.getByTestId('compose-subject').fill(subject);
    await page.getByTestId('compose-text').fill(BODY);
    await page.getByTestId('compose-send').click();
    await page.getByTestId('compose-confirm-send').waitFor({ timeout: TIMEOUT_MS });
    await sy.run((input) => window.bench.armBanner(input), { exceptId, timeoutMs: TIMEOUT_MS });
    await il.run(() => window.bench.armPress('compose-confirm-send'), null);
    ilTap.reset();
    syTap.reset();
    await page.getByTestId('compose-confirm-send').click();
    const seen = await sy.run(() => window.bench.banner(), null);
    const pressedAt = await il.run(() => window.bench.pressed(), null);
    if (pressedAt === null) throw new Error('the press on Send was not seen');
    if (seen.subject !== subject) throw new Error(`the banner holds "${seen.subject}", expected "${subject}"`);
    const press = pressedAt - offsetsBefore.il.offsetMs;
    const at = (epoch: number | undefined, what: string) => {
      if (epoch === undefined) throw new Error(`send ${n}: no ${what} seen by the tap`);
      return epoch - press;
    };
    const sample: Sample = {
      total: seen.paintedAt - offsetsBefore.sy.offsetMs - press,
      submit: at(ilTap.stats.first['>submit'], 'submit from IL'),
      receipt: at(ilTap.stats.first['<receipt'], 'receipt at IL'),
      deliver: at(syTap.stats.first['<deliver'], 'delivery at SY'),
      stored: at(syTap.stats.first['>ack'], 'ack from SY'),
      inDom: seen.inDomAt - offsetsBefore.sy.offsetMs - press,
    };
    // "Received and understood" at SY: the banner goes, and the post is as it was before this message.
    await sy.run((id) => window.bench.core('acknowledge', id), seen.id);
    await sy.run((timeoutMs) => window.bench.bannerGone(timeoutMs), TIMEOUT_MS);
    exceptId = seen.id;
    await sleep(QUIET_MS);
    return sample;
  };

  const text = `${SUBJECT} #00\n${BODY}`;
  for (let n = 0; n < WARMUP; n += 1) await sendOne(-1 - n);
  await measurePaths([bare], { text, warmup: BARE_WARMUP, count: 0, blocks: 1 });
  const samples: Sample[] = [];
  const baseline: Phases = { total: [], compose: [], transit: [], verifyOpen: [] };
  for (let block = 0; block < BLOCKS; block += 1) {
    const size = Math.floor(COUNT / BLOCKS) + (block < COUNT % BLOCKS ? 1 : 0);
    for (let i = 0; i < size; i += 1) samples.push(await sendOne(samples.length));
    const { phases } = await measurePaths([bare], { text, warmup: 0, count: size, blocks: 1 });
    for (const key of ['total', 'compose', 'transit', 'verifyOpen'] as const) baseline[key].push(...phases[0]![key]);
  }
  const offsetsAfter = { il: await clockOffset(il), sy: await clockOffset(sy) };

  const of = (key: keyof Sample) => samples.map((s) => s[key]);
  const p = (xs: readonly number[], q: number) => percentile(xs, q);
  const steps = (q: number) => {
    const phase = (from: keyof Sample | null, to: keyof Sample) => p(samples.map((s) => s[to] - (from === null ? 0 : s[from])), q).toFixed(1);
    return (
      `press -> IL submits ${phase(null, 'submit')} ms (outbox write, seal, sync kick), -> SY's delivery ${phase('submit', 'deliver')} ms (relay), ` +
      `-> SY stored it (its ack) ${phase('deliver', 'stored')} ms, -> banner in the DOM ${phase('stored', 'inDom')} ms, -> painted ${phase('inDom', 'total')} ms`
    );
  };
  const storedToDom = samples.map((s) => s.inDom - s.stored);
  const bareName = 'bare relay round trip, 2 ws clients';
  return {
    rows: [
      { metric: 'p50 Send pressed at IL -> banner painted at SY', value: p(of('total'), 50), unit: 'ms', baseline: { name: bareName, value: p(baseline.total, 50) }, target: null },
      { metric: 'p95 Send pressed at IL -> banner painted at SY', value: p(of('total'), 95), unit: 'ms', baseline: { name: bareName, value: p(baseline.total, 95) }, target: null },
      { metric: 'p50 stored at SY -> banner in the DOM', value: p(storedToDom, 50), unit: 'ms', baseline: { name: "core's change-notice gathering (EVENT_GATHER_MS)", value: EVENT_GATHER_MS }, target: null },
    ],
    notes: [
      `${COUNT} FLASH messages IL -> SY after ${WARMUP} warm-up, typed in IL's composer, Send, then the confirmation's Send pressed (the timed press); each acknowledged at SY before the next, ${QUIET_MS} ms apart; the app's sends and ${COUNT} bare round trips (after ${BARE_WARMUP} warm-up) take turns in ${BLOCKS} blocks`,
      `time: the press (click, capture phase, in IL's page) to the end of the frame at SY first showing the banner with that message (MutationObserver, then requestAnimationFrame and a posted message); both pages' clocks set against Node's, offsets IL ${offsetsBefore.il.offsetMs.toFixed(2)} -> ${offsetsAfter.il.offsetMs.toFixed(2)} ms, SY ${offsetsBefore.sy.offsetMs.toFixed(2)} -> ${offsetsAfter.sy.offsetMs.toFixed(2)} ms (round trips ${offsetsBefore.il.rttMs.toFixed(1)} / ${offsetsBefore.sy.rttMs.toFixed(1)} ms)`,
      `p50 by phase: ${steps(50)}`,
      `p95 by phase: ${steps(95)}`,
      `all samples (ms): ${of('total').map((ms) => ms.toFixed(0)).join(', ')}`,
      `baseline: the same text (${new TextEncoder().encode(text).length} B) composed (sign + seal to IL, SY, US), submitted, relayed (durable SQLite commit, Merkle append), validated, verified and opened by plain RelayClients on a relay of its own; p50 compose ${p(baseline.compose, 50).toFixed(2)} ms, carry ${p(baseline.transit, 50).toFixed(2)} ms, verify + open ${p(baseline.verifyOpen, 50).toFixed(2)} ms`,
    ],
    details: {
      count: COUNT,
      warmup: WARMUP,
      eventGatherMs: EVENT_GATHER_MS,
      clock: { before: offsetsBefore, after: offsetsAfter },
      appMs: Object.fromEntries((['total', 'submit', 'receipt', 'deliver', 'stored', 'inDom'] as const).map((key) => [key, summary(of(key))])),
      samples: samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 1)]))),
      bareMs: { total: summary(baseline.total), compose: summary(baseline.compose), transit: summary(baseline.transit), verifyOpen: summary(baseline.verifyOpen) },
      chromium: il.chromiumVersion,
    },
  };
}

export const sendToBanner: Benchmark = {
  name: 'send-to-banner',
  title: 'Send pressed at IL to the urgent banner at SY, app UI at both ends, in Chromium',
  budgetMs: 360_000,
  run,
};
