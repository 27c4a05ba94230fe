/**
 * The status bar: the relay connection, the outbox, when the device last caught up, how much of the relay's log it
 * has verified, at a post the last line check, the alarms (a button that opens their panel), then the clock.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../electron/common/digits';
import { formatLocalTime } from '../../electron/common/time/dtg';
import type { Post } from '../../electron/common/protocol/schemas';
import type { SyncStatus } from '../core/api';
import { Ltr } from '../components/Ltr';
import { useSettings } from '../settings/SettingsContext';
import { LastLineCheck } from '../line-checks/LastLineCheck';
import { Clock } from './Clock';

// The device's own zone: "last sync" is about this machine, not about either post.
const OWN_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function StatusBar(props: { post: Post; sync: SyncStatus; alarms: number; alarmsOpen: boolean; onToggleAlarms: () => void }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const { connection, outbox, lastSyncAt, verifiedLogSize } = props.sync;
  const digits = settings.digitStyle;
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <p className="status-bar__connection" data-state={connection} data-testid="connection-state">
        <span className="status-bar__dot" aria-hidden="true" />
        {t(`status.connection.${connection}`)}
      </p>
      <p data-testid="outbox-count" data-count={outbox}>
        {t('status.outbox', { count: outbox })}
      </p>
      <p className="status-bar__fact">
        <span>{t('status.lastSync')}</span>
        {lastSyncAt === null ? (
          <span data-testid="last-sync">{t('status.never')}</span>
        ) : (
          <Ltr testId="last-sync">{formatLocalTime(lastSyncAt, OWN_TIME_ZONE, { locale: i18n.language, digits })}</Ltr>
        )}
      </p>
      <p className="status-bar__fact">
        <span>{t('status.verifiedLog')}</span>
        {verifiedLogSize === null ? (
          <span data-testid="verified-log-size" data-count="">
            {t('status.none')}
          </span>
        ) : (
          <bdi dir="ltr" data-testid="verified-log-size" data-count={verifiedLogSize}>
            {formatNumber(verifiedLogSize, digits)}
          </bdi>
        )}
      </p>
      {props.post !== 'US' && <LastLineCheck post={props.post} />}
      <button
        type="button"
        className="status-bar__alarms"
        data-alarmed={props.alarms > 0}
        aria-expanded={props.alarmsOpen}
        aria-controls={props.alarmsOpen ? 'alarm-panel' : undefined}
        onClick={props.onToggleAlarms}
        data-testid="alarm-indicator"
      >
        <span>{t('indicator', { ns: 'alarms' })}</span>
        <bdi dir="ltr" data-testid="alarm-count" data-count={props.alarms}>
          {formatNumber(props.alarms, digits)}
        </bdi>
      </button>
      <Clock />
    </footer>
  );
}
