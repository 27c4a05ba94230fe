/**
 * Playwright's `test` with a fresh relay for each test that asks for one: creating a channel binds a relay for good,
 * so every test that sets up a desk needs a relay of its own. It listens on the one relay port the app's CSP allows
 * (E2E_RELAY_PORT), which parallel tests take in turns (the wait for a turn does not count against the test's
 * timeout), and is stopped after the test.
 */
import { test as base } from '@playwright/test';
import { E2E_RELAY_PORT } from '../../../playwright.config';
import { RelayProcess } from '../../support/relay-process';
import type { RelayAddress } from './app';
import { holdRelayPortForTest } from './relay-port';

export const test = base.extend<{ relay: RelayAddress }>({
  // Playwright reads the fixtures a fixture needs from its first parameter, which must be a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  relay: async ({}, use, testInfo) => {
    const release = await holdRelayPortForTest(testInfo, E2E_RELAY_PORT);
    try {
      const relay = await RelayProcess.start({ port: E2E_RELAY_PORT });
      try {
        if (relay.bindToken === null) throw new Error('a fresh relay printed no bind token');
        await use({ url: relay.url.replace(/\/$/, ''), bindToken: relay.bindToken });
      } finally {
        await relay.stop();
      }
    } finally {
      release();
    }
  },
});

export { expect } from '@playwright/test';
