/**
 * The benchmark page in real Chromium: test/bench/browser is built once per process with its own Vite config (as the
 * app's renderer is built), served by `vite preview` on a free loopback port, and opened by Playwright in Debian's
 * Chromium with a persistent profile folder, so the vault's IndexedDB lands on disk where it can be measured.
 * Everything is released through the benchmark's Scope.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { repoRoot } from '../../support/vectors';
import type { Scope } from './scope';

const CONFIG = path.join(repoRoot, 'test/bench/browser/vite.config.ts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** As playwright.config.ts launches it for the end-to-end tests. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let built: Promise<string> | null = null;

/** Builds the page once per process (the benchmarks of one run share it); the folder goes when the process exits. */
function buildPage(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'bench-page-'));
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    await build({ configFile: CONFIG, build: { outDir } });
    return outDir;
  })();
  return built;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface BenchBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly origin: string;
  readonly userDataDir: string;
  /** Chromium's full version (the user agent string only gives the major). */
  readonly chromiumVersion: string;
  /** The IndexedDB folder of the page's origin in the profile (LevelDB: every database of the origin). */
  readonly indexedDbFolder: string;
  /** Runs `fn` in a second page of another origin (localhost instead of 127.0.0.1): its storage is not the vault's. */
  runElsewhere<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Opens the page for a profile (the core worker, if started, serves that profile) and waits until it is ready. */
  open(profile: string, query?: Record<string, string>): Promise<void>;
  /** Runs `fn` in the page (it reaches the page's API as `window.bench`); a failure carries the page's last errors. */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Closes the browser (flushing its IndexedDB to disk); idempotent. */
  close(): Promise<void>;
}

export async function openBenchBrowser(scope: Scope, name: string): Promise<BenchBrowser> {
  const outDir = await buildPage();
  const port = await freePort();
  const server = await preview({ configFile: CONFIG, build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
  scope.defer(() => new Promise<void>((resolve) => server.httpServer.close(() => resolve())));
  const userDataDir = scope.tempDir(`bench-${name}-profile-`);
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close();
  };
  scope.defer(close);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const origin = `http://127.0.0.1:${port}`;
  const cdp = await context.newCDPSession(page);
  const { product } = await cdp.send('Browser.getVersion');
  await cdp.detach();
  return {
    chromiumVersion: product,
    context,
    page,
    origin,
    userDataDir,
    indexedDbFolder: path.join(userDataDir, 'Default', 'IndexedDB', `http_127.0.0.1_${port}.indexeddb.leveldb`),
    async runElsewhere(fn, arg) {
      const other = await context.newPage();
      try {
        await other.goto(`http://localhost:${port}/?profile=elsewhere`);
        await other.waitForFunction(() => 'bench' in window);
        return (await other.evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as Awaited<ReturnType<typeof fn>>;
      } finally {
        await other.close();
      }
    },
    async open(profile, query = {}) {
      const search = new URLSearchParams({ profile, ...query });
      await page.goto(`${origin}/?${search}`);
      await page.waitForFunction(() => 'bench' in window);
      await page.evaluate(() => window.bench.ready);
    },
    async run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
      try {
        // Playwright's own typing unboxes handles in `arg`; ours are plain data, so the cast changes nothing.
        return (await page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown)) as R;
      } catch (error) {
        throw new Error(`${String(error)}${errors.length > 0 ? `\npage errors: ${errors.slice(-5).join(' | ')}` : ''}`, { cause: error });
      }
    },
    close,
  };
}

/** Bytes of every file under `dir` (0 if it does not exist). */
export function folderBytes(dir: string): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry);
    const stat = statSync(full);
    total += stat.isDirectory() ? folderBytes(full) : stat.size;
  }
  return total;
}
