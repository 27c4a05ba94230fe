import { defineConfig } from 'vitest/config';

// Unit tests, and integration tests against real relay processes, in Node. End-to-end tests live in test/e2e and run
// under Playwright.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
