/**
 * Security that a user can see or the page can prove: the Content-Security-Policy is in force in the served app (not
 * only written down), and the vault locks on demand and by itself after the idle time, refusing a wrong passphrase
 * with a translated error.
 */
import { AppDriver, PASSPHRASE } from '../support/app';
import { expect, test } from '../support/fixtures';

const profileFor = (name: string, workerIndex: number) => `e2e-${name}-${workerIndex}-${Date.now()}`;

// eval() itself cannot be probed from here: code injected by the test driver runs outside the page's CSP. The
// header test below checks that the policy has no 'unsafe-eval'; this one checks the policy is enforced at all.
test('the page refuses inline script, inline handlers, foreign scripts and connections other than the relay', async ({ page }, testInfo) => {
  const app = new AppDriver(page);
  await app.open(profileFor('csp', testInfo.workerIndex));
  await expect(page.getByTestId('onboarding')).toBeVisible();
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
  // Connections go to relays on this machine only: never a bare scheme, never another host.
  const connect = /(?:^|;)\s*connect-src ([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/) ?? [];
  expect(connect.length).toBeGreaterThan(0);
  for (const source of connect) expect(source).toMatch(/^('self'|ws:\/\/127\.0\.0\.1:(\d+|\*))$/);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('Lock closes the vault; a wrong passphrase is refused with a translated error, the right one opens it', async ({ page, relay }, testInfo) => {
  const app = new AppDriver(page);
  await app.open(profileFor('lock', testInfo.workerIndex));
  await app.createChannel(relay);
  await app.lock();
  await expect(page.getByTestId('nav-inbox')).toHaveCount(0);

  await page.getByTestId('unlock-passphrase').fill(`${PASSPHRASE}-wrong`);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-error')).toHaveText(/Wrong passphrase.*1/);
  await expect(page.getByTestId('unlock-passphrase')).toHaveValue('');
  await expect(page.getByTestId('unlock-screen')).toBeVisible();

  await app.unlock();
  expect(app.consoleErrors).toEqual([]);
});

test('the app locks itself after the idle time set in Settings', async ({ page, relay }, testInfo) => {
  const app = new AppDriver(page);
  await page.clock.install();
  await app.open(profileFor('idle', testInfo.workerIndex));
  await app.createChannel(relay);
  await app.goTo('settings');
  await page.getByTestId('settings-autolock').selectOption('1');
  await expect(page.getByTestId('settings-save-state')).not.toBeEmpty();

  await page.clock.fastForward('00:50');
  await expect(page.getByTestId('nav-inbox')).toBeVisible();
  await page.clock.fastForward('00:15');
  await expect(page.getByTestId('unlock-screen')).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});
