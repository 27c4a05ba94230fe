import { describe, expect, it, vi } from 'vitest';

// Electron's binary is not needed to see what the window is built with: a stand-in BrowserWindow keeps the options.
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(readonly options: Record<string, unknown>) {}
  },
}));

const { createMainWindow, WINDOW_TITLE } = await import('../../../../electron/main/main-window');

describe('main window options', () => {
  const options = (createMainWindow('/app/out/preload/index.cjs') as unknown as { options: Electron.BrowserWindowConstructorOptions }).options;
  const preferences = options.webPreferences!;

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
  });

  it('keeps web security on, refuses insecure content and disables middle-click', () => {
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.experimentalFeatures).toBe(false);
    expect(preferences.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads the given preload and carries the product title', () => {
    expect(preferences.preload).toBe('/app/out/preload/index.cjs');
    expect(options.title).toBe(WINDOW_TITLE);
  });
});
