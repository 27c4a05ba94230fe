/**
 * The desktop shell's entry point: profile, single-instance lock, lockdown, the app:// protocol, settings and the
 * validated IPC handlers, then the one window. Everything security-relevant is decided in the modules it wires up.
 */
import { app, ipcMain, protocol, session, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN, APP_SCHEME } from '../common/ipc/bridge';
import { serveAppRequest } from './app-protocol';
import { createIpcRegistry, isTrustedSender } from './ipc-handle';
import { profileFromArgv } from './profile';
import { denyAllPermissions, lockDownApp } from './security';
import { DEFAULT_SETTINGS } from '../common/settings';
import { SettingsStore, settingsStoreSchema } from './settings-store';
import { createMainWindow } from './main-window';
import { describeLocalRelay, startLocalRelay, type RunningLocalRelay } from './local-relay';
import { showUrgentNotice } from './urgent-notice';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

// The profile picks the user-data folder, and so the single-instance lock: one instance per profile.
const profile = profileFromArgv(process.argv);
app.setPath('userData', path.join(app.getPath('appData'), 'liaison-hotline', 'profiles', profile));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  lockDownApp(app);
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(() => {
    const settings = new SettingsStore(
      new Store({ name: 'settings', schema: settingsStoreSchema(), defaults: { ...DEFAULT_SETTINGS }, clearInvalidConfig: false }),
    );
    denyAllPermissions(session.defaultSession);
    // Beside the app, shared by every profile on this machine (the data is not per profile: one channel, one log).
    const localRelay: Promise<RunningLocalRelay | null> = startLocalRelay({
      relayUrl: settings.read().relayUrl,
      dataDir: path.join(app.getPath('appData'), 'liaison-hotline', 'relay'),
      repoRoot: app.getAppPath(),
      nodePath: process.env.npm_node_execpath ?? 'node',
    }).catch((error: unknown) => {
      console.error('the local relay did not start', error);
      return null;
    });
    app.on('will-quit', () => void localRelay.then((relay) => relay?.stop()));
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request.url, settings.read().relayUrl));

    const ipc = createIpcRegistry(ipcMain, (event) => isTrustedSender(event, () => mainWindow?.webContents.id));
    ipc.handle('settings:get', () => settings.read());
    ipc.handle('settings:update', (patch) => settings.update(patch));
    ipc.handle('app:info', () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform, profile }));
    ipc.handle('relay:local', async () => describeLocalRelay(await localRelay));
    ipc.handle('notify:urgent', (notice) => showUrgentNotice(notice));

    mainWindow = createMainWindow(preloadPath);
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(`${APP_ORIGIN}/`);
  });

  app.on('window-all-closed', () => app.quit());
}

