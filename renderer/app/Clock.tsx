/**
 * The line's clock: the DTG in UTC, which every message is stamped with, and the wall-clock time at both posts. The
 * DTG keeps ASCII digits (it is a standard token like a call sign, with Latin month letters); local times follow the
 * chosen digit style. Each value is a left-to-right isolate.
 */
import { useTranslation } from 'react-i18next';
import { formatDtg, formatLocalTime, POST_TIME_ZONES } from '../../electron/common/time/dtg';
import { Ltr } from '../components/Ltr';
import { useSettings } from '../settings/SettingsContext';
import { useNow } from './useNow';

export function Clock() {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const now = useNow();
  const local = (zone: string) => formatLocalTime(now, zone, { locale: i18n.language, digits: settings.digitStyle });
  return (
    <dl className="clock" aria-label={t('clock.label')}>
      <div className="clock__item">
        <dt>{t('clock.utc')}</dt>
        <dd>
          <Ltr testId="clock-dtg">{formatDtg(now)}</Ltr>
        </dd>
      </div>
      <div className="clock__item">
        <dt>{t('clock.jerusalem')}</dt>
        <dd>
          <Ltr testId="clock-jerusalem">{local(POST_TIME_ZONES.IL)}</Ltr>
        </dd>
      </div>
      <div className="clock__item">
        <dt>{t('clock.damascus')}</dt>
        <dd>
          <Ltr testId="clock-damascus">{local(POST_TIME_ZONES.SY)}</Ltr>
        </dd>
      </div>
    </dl>
  );
}
