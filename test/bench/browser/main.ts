/**
 * The benchmark page: `window.bench` (bench-api.ts) for the Node side. `?profile=NAME` names the profile whose core
 * worker the page starts, as the app does (renderer/core/client.ts); `?ui=1` also renders the app itself over it
 * (app-ui.ts), so the catch-up can be measured with the inbox open on the UI thread, and inbox-render and send-to-banner
 * can watch the app's own screens (app-probe.ts).
 */
import { getCore, startCore } from '../../../renderer/core/client';
import { profileFromLocation } from '../../../renderer/host/browser-host';
import { armBanner, armFirstRows, armPress, awaitBanner, awaitFirstRows, bannerGone, domCounts, pressed, scrollList } from './app-probe';
import type { BenchPage } from './bench-api';
import { catchUp, longTasks, observeLongTasks } from './catch-up';
import { floor } from './floor';
import { listReads } from './list-reads';
import { rawPuts } from './raw-idb';
import { fill, queries } from './search';
import { unlockBench } from './unlock';

const profile = profileFromLocation(window.location.search);
const withUi = new URLSearchParams(window.location.search).get('ui') === '1';

let started = false;
function core() {
  if (!started) startCore(profile);
  started = true;
  return getCore();
}

async function prepare(): Promise<void> {
  if (!withUi) return;
  const { mountApp } = await import('./app-ui');
  started = true;
  await mountApp(profile);
}

const bench: BenchPage = {
  ready: prepare(),
  unlock: unlockBench,
  fill,
  queries: (input) => queries(core(), input),
  rawPuts,
  core: (method, ...args) => (core()[method] as unknown as (...a: typeof args) => Promise<never>)(...args),
  observeLongTasks,
  longTasks,
  catchUp: (input) => catchUp(core(), input),
  floor,
  armFirstRows,
  firstRows: awaitFirstRows,
  domCounts,
  scrollList,
  armPress,
  pressed,
  armBanner,
  banner: awaitBanner,
  bannerGone,
  listReads: (input) => listReads(core(), input),
};
window.bench = bench;
