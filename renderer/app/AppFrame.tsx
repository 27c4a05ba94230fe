/** The app once open: header with navigation and Lock, alarms when there are any, the current section, the status bar. */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreStatus, Identity } from '../core/api';
import { AlarmBanner } from '../alarms/AlarmBanner';
import { AlarmPanel } from '../alarms/AlarmPanel';
import { OverdueBanner } from '../alerts/OverdueBanner';
import { UrgentBanner } from '../alerts/UrgentBanner';
import { LinkAlarmBanner } from '../line-checks/LinkAlarmBanner';
import { MessageScreen } from '../screens/message/MessageScreen';
import { LockButton } from './LockButton';
import { Navigation } from './Navigation';
import { OpenComposerContext, OpenMessageContext } from './open-message';
import { useShortcut } from './shortcuts';
import type { Section } from './sections';
import { SectionView } from './SectionView';
import { StatusBar } from './StatusBar';

export function AppFrame(props: { status: CoreStatus; identity: Identity }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('inbox');
  const [alarmsOpen, setAlarmsOpen] = useState(false);
  /** A message opened from a list or a banner: shown in place of the section until closed. */
  const [openMessage, setOpenMessage] = useState<string | null>(null);
  const { status, identity } = props;
  /** Bumped by the search shortcut: the inbox focuses its search box whenever it changes. */
  const [searchRequest, setSearchRequest] = useState(0);
  const select = useCallback((next: Section) => {
    setOpenMessage(null);
    setSection(next);
  }, []);
  const openComposer = useCallback(() => select('compose'), [select]);
  /** A banner's message opens over the inbox, whatever section was showing: the navigation and Back then say so. */
  const openFromBanner = useCallback((id: string) => {
    setSection('inbox');
    setOpenMessage(id);
  }, []);
  useShortcut('compose', openComposer);
  useShortcut('search', () => {
    select('inbox');
    setSearchRequest((count) => count + 1);
  });
  return (
    <OpenMessageContext.Provider value={setOpenMessage}>
    <OpenComposerContext.Provider value={openComposer}>
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app__header">
        <p className="app__name">{t('appName')}</p>
        <Navigation current={section} onSelect={select} />
        <LockButton />
      </header>
      <OpenMessageContext.Provider value={openFromBanner}>
        <UrgentBanner />
        <OverdueBanner />
        {identity.post === 'US' && <LinkAlarmBanner />}
      </OpenMessageContext.Provider>
      {status.alarms > 0 && <AlarmBanner count={status.alarms} panelOpen={alarmsOpen} onShow={() => setAlarmsOpen(true)} />}
      {alarmsOpen && <AlarmPanel onClose={() => setAlarmsOpen(false)} />}
      <main id="main" className="app__main" tabIndex={-1}>
        {openMessage === null ? (
          <SectionView section={section} identity={identity} searchRequest={searchRequest} />
        ) : (
          <MessageScreen id={openMessage} identity={identity} onBack={() => setOpenMessage(null)} />
        )}
      </main>
      <StatusBar post={identity.post} sync={status.sync} alarms={status.alarms} alarmsOpen={alarmsOpen} onToggleAlarms={() => setAlarmsOpen((open) => !open)} />
    </div>
    </OpenComposerContext.Provider>
    </OpenMessageContext.Provider>
  );
}
