/**
 * Renderer entry: find the host, start the core worker for its profile, load settings, set up i18n for the saved
 * language, then render the app.
 */
import './zod-without-eval';
import '@fontsource/noto-sans-hebrew/400.css';
import '@fontsource/noto-sans-hebrew/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import './styles/app.css';
import './styles/controls.css';
import './styles/gate.css';
import './styles/screens.css';
import './styles/messages.css';
import './styles/alarms.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_SETTINGS, type Settings } from '../electron/common/settings';
import { App } from './app/App';
import { startCore } from './core/client';
import { getHost } from './host';
import { HostProvider } from './host/HostContext';
import { i18n, initI18n, setDigitStyle } from './i18n';
import { SettingsProvider } from './settings/SettingsContext';

async function start(): Promise<void> {
  const host = await getHost();
  // The worker starts opening the profile's vault while settings and translations load.
  startCore(host.profile);
  let settings: Settings;
  try {
    settings = await host.readSettings();
  } catch (error) {
    console.warn('settings could not be read; using defaults', error);
    settings = DEFAULT_SETTINGS;
  }
  setDigitStyle(settings.digitStyle);
  await initI18n(settings.language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <HostProvider host={host}>
          <SettingsProvider host={host} initial={settings}>
            <App />
          </SettingsProvider>
        </HostProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
