/**
 * The one BrowserWindow. Every security-relevant preference is spelled out, even where it matches Electron's default,
 * so a reader sees the whole policy here and a future default change cannot loosen it. The options are written inline
 * in the constructor call so static scanners (electronegativity) can read them too.
 */
import { BrowserWindow } from 'electron';

export const WINDOW_TITLE = 'Liaison Hotline';

export function createMainWindow(preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in a new window; the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
    },
  });
}
