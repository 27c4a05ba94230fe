/** The app frame: header with navigation, the current section, and the status bar. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlaceholderScreen } from '../screens/PlaceholderScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { Navigation } from './Navigation';
import type { Section } from './sections';
import { StatusBar } from './StatusBar';

export function App() {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('inbox');
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app__header">
        <p className="app__name">{t('appName')}</p>
        <Navigation current={section} onSelect={setSection} />
      </header>
      <main id="main" className="app__main" tabIndex={-1}>
        {section === 'settings' ? <SettingsScreen /> : <PlaceholderScreen section={section} />}
      </main>
      <StatusBar connection="disconnected" outboxCount={0} />
    </div>
  );
}
