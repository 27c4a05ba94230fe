/**
 * Smoke test of the real desktop shell: launches the built app in Electron and checks the window's security settings,
 * its title, and that the page sees the bridge but no Node. Needs an Electron binary; without one it skips and says why.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary } from '../support/electron-binary';

const binary = findElectronBinary();
if ('missing' in binary) console.log(`[electron smoke test] skipped: ${binary.missing}`);

test('the window is isolated, sandboxed and titled, and the page has the bridge but no Node', async () => {
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '');
  const home = mkdtempSync(path.join(os.tmpdir(), 'liaison-electron-'));
  const app = await electron.launch({
    executablePath: (binary as { path: string }).path,
    args: ['--no-sandbox', '.', '--profile', 'e2e-smoke'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') },
  });
  try {
    const appWindow = await app.firstWindow();
    await expect(appWindow.getByTestId('onboarding')).toBeVisible();
    expect(await appWindow.title()).toBe('Liaison Hotline');
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const [only, ...others] = BrowserWindow.getAllWindows();
      // Not in Electron's type declarations, but present at run time; if a release drops it, this fails loudly.
      const prefs = (only!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return {
        windows: 1 + others.length,
        contextIsolation: prefs.contextIsolation,
        sandbox: prefs.sandbox,
        nodeIntegration: prefs.nodeIntegration,
        webSecurity: prefs.webSecurity,
        url: only!.webContents.getURL(),
      };
    });
    expect(preferences).toEqual({ windows: 1, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, url: 'app://liaison/' });
    const page = await appWindow.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { liaison: object }).liaison).sort(),
    }));
    expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: ['getAppInfo', 'getSettings', 'updateSettings'] });
    // A page may not open windows or navigate away.
    await appWindow.evaluate(() => {
      window.open('https://example.org/');
      window.location.href = 'https://example.org/';
    });
    await appWindow.waitForTimeout(500);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()))).toEqual(['app://liaison/']);
  } finally {
    await app.close();
  }
});
