/**
 * The gate in front of everything: with no vault in this profile, onboarding; locked, the unlock screen; unlocked but
 * not yet enrolled, the wait for the desk; enrolled, the app itself. The core's status decides, and the idle lock
 * runs whenever the vault is open.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../core-ui/ErrorMessage';
import { lockVault } from '../core-ui/lock';
import { useCoreStatus } from '../core-ui/queries';
import { GateLayout } from '../gate/GateLayout';
import { UnlockScreen } from '../gate/UnlockScreen';
import { EnrolmentWaiting } from '../onboarding/EnrolmentWaiting';
import { Onboarding } from '../onboarding/Onboarding';
import { useSettings } from '../settings/SettingsContext';
import { clearInboxFilter } from '../screens/inbox/inbox-filter-store';
import { AppFrame } from './AppFrame';
import { useIdleLock } from './useIdleLock';

export function App() {
  const { t } = useTranslation('gate');
  const { settings } = useSettings();
  const { data: status, error } = useCoreStatus();
  useIdleLock(status?.vault === 'unlocked', settings.autoLockMinutes, lockVault);
  // The inbox's filter may hold a search term: it goes when the vault locks.
  const vault = status?.vault;
  useEffect(() => {
    if (vault !== undefined && vault !== 'unlocked') clearInboxFilter();
  }, [vault]);

  if (status?.vault === 'absent') return <Onboarding />;
  if (status?.vault === 'locked') return <UnlockScreen />;
  const identity = status?.identity;
  if (!status || !identity) {
    return (
      <GateLayout title={t('opening.title')} testId="opening">
        {error === undefined ? <p role="status">{t('opening.body')}</p> : <ErrorMessage error={error} testId="opening-error" />}
      </GateLayout>
    );
  }
  if (identity.enrolment !== 'ready') return <EnrolmentWaiting identity={identity} enrolment={identity.enrolment} />;
  return <AppFrame status={status} identity={identity} />;
}
