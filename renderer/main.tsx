/** Renderer entry: find the host, load settings, set up i18n for the saved language, then render the app. */
import '@fontsource/noto-sans-hebrew/400.css';
import '@fontsource/noto-sans-hebrew/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_SETTINGS, type Settings } from '../electron/common/settings';
import { App } from './app/App';
import { getHost } from './host';
import { i18n, initI18n, setDigitStyle } from './i18n';
import { SettingsProvider } from './settings/SettingsContext';

async function start(): Promise<void> {
  const host = await getHost();
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
        <SettingsProvider host={host} initial={settings}>
          <App />
        </SettingsProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
