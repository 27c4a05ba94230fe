/**
 * The app's own UI, started exactly as renderer/main.tsx starts it (browser host, core worker, settings, i18n, the
 * same stylesheets and fonts, then <App/>), so the UI thread does what it does in the app: re-reading the status and
 * the inbox on every change event from the core and rendering them. The benchmark drives the core through the same
 * RPC client, as a user's clicks would.
 */
import '@fontsource/noto-sans-hebrew/400.css';
import '@fontsource/noto-sans-hebrew/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '../../../renderer/styles/app.css';
import '../../../renderer/styles/controls.css';
import '../../../renderer/styles/gate.css';
import '../../../renderer/styles/screens.css';
import '../../../renderer/styles/messages.css';
import '../../../renderer/styles/alarms.css';
import { StrictMode, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from '../../../renderer/app/App';
import { startCore } from '../../../renderer/core/client';
import { createBrowserHost } from '../../../renderer/host/browser-host';
import { HostProvider } from '../../../renderer/host/HostContext';
import { i18n, initI18n, setDigitStyle } from '../../../renderer/i18n';
import { SettingsProvider } from '../../../renderer/settings/SettingsContext';

export async function mountApp(profile: string): Promise<void> {
  const host = createBrowserHost(window.localStorage, profile);
  startCore(host.profile);
  const settings = await host.readSettings();
  setDigitStyle(settings.digitStyle);
  await initI18n(settings.language);
  createRoot(document.getElementById('root')!).render(
    createElement(
      StrictMode,
      null,
      createElement(
        I18nextProvider,
        { i18n },
        createElement(HostProvider, { host }, createElement(SettingsProvider, { host, initial: settings }, createElement(App))),
      ),
    ),
  );
}
