/**
 * End-to-end tests in real Chromium (Debian's package: Playwright never downloads a browser here) against the built
 * renderer, served with the same CSP as the desktop shell. Build first: `npm run build` (npm test does).
 */
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 4317);
/** The one relay address the app under test may reach (its CSP names it): the sync tests run their relays there. */
export const E2E_RELAY_PORT = port + 1;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync('out/renderer/index.html')) {
  throw new Error('out/renderer is missing: run `npm run build` before the end-to-end tests');
}

/** How Chromium is launched, also for the tests that launch it themselves (a persistent profile, say). */
export const CHROMIUM_LAUNCH = {
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
export const BASE_URL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: BASE_URL,
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    command: `npx vite preview -c vite.renderer.config.ts --port ${port} --strictPort`,
    env: { LIAISON_LOCAL_RELAY: '0', LIAISON_RELAY_URL: `ws://127.0.0.1:${E2E_RELAY_PORT}/` },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
  projects: [
    { name: 'chromium', testMatch: /browser\/.*\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
  ],
});
