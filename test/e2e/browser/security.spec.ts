/** The Content-Security-Policy is really in force in the served app, not only written down. */
import { expect, test } from '@playwright/test';
import { AppDriver } from '../support/app';

// eval() itself cannot be probed from here: code injected by the test driver runs outside the page's CSP. The
// header test below checks that the policy has no 'unsafe-eval'; this one checks the policy is enforced at all.
test('the page refuses inline script, inline handlers, foreign scripts and connections other than the relay', async ({ page }, testInfo) => {
  const app = new AppDriver(page);
  await app.open(`e2e-csp-${testInfo.workerIndex}-${Date.now()}`);
  const outcome = await page.evaluate(async () => {
    const flags = window as unknown as Record<string, boolean | undefined>;
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    const image = document.createElement('img');
    image.setAttribute('onerror', 'window.__handlerRan = true');
    image.src = 'data:image/png;base64,AAAA';
    document.body.append(image);
    const foreign = document.createElement('script');
    foreign.src = 'http://127.0.0.1:9/evil.js';
    document.body.append(foreign);
    let fetchOutcome = 'allowed';
    try {
      await fetch('http://127.0.0.1:9/');
    } catch {
      fetchOutcome = 'blocked';
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {
      inline: flags.__inlineRan ? 'ran' : 'blocked',
      handler: flags.__handlerRan ? 'ran' : 'blocked',
      fetch: fetchOutcome,
      violations: [...new Set(violations)].sort(),
    };
  });
  expect(outcome).toEqual({
    inline: 'blocked',
    handler: 'blocked',
    fetch: 'blocked',
    violations: ['connect-src', 'img-src', 'script-src-attr', 'script-src-elem'],
  });
});

test('the server sends the CSP and nosniff headers', async ({ request }) => {
  const response = await request.get('/');
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toMatch(/connect-src ws:\/\/127\.0\.0\.1:\d+(;|$)/);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});
