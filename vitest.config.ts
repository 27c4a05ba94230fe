import { defineConfig } from 'vitest/config';

// Unit and integration tests that run in Node. End-to-end tests live in test/e2e and run under Playwright.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
