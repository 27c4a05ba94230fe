/**
 * Process-wide lockdown applied before any window exists: no navigation, no new windows, no webviews, and every
 * permission request (camera, notifications, geolocation, ...) denied. Later features that need a permission get it
 * through a capability of the bridge, decided in main, never through the web permission prompt.
 */
import type { App, Session, WebContents } from 'electron';

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}

export function lockDownWebContents(contents: WebContents): void {
  // loadURL from main does not raise these events, so the app's own page still loads; any navigation the page or a
  // link tries (in any frame) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function lockDownApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
}
