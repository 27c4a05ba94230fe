/**
 * An instant as the line quotes it: the DTG in UTC (authoritative, ASCII), then the wall-clock time at both posts in
 * the chosen digits. Each value is a left-to-right isolate.
 */
import { useTranslation } from 'react-i18next';
import { formatDtg, formatLocalTime, POST_TIME_ZONES } from '../../electron/common/time/dtg';
import { useSettings } from '../settings/SettingsContext';
import { Ltr } from './Ltr';

export function Timestamp(props: { at: number; testId?: string }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const local = (zone: string) => formatLocalTime(props.at, zone, { locale: i18n.language, digits: settings.digitStyle });
  return (
    <time className="timestamp" dateTime={new Date(props.at).toISOString()} data-testid={props.testId}>
      <Ltr className="timestamp__dtg">{formatDtg(props.at)}</Ltr>
      <span className="timestamp__local">
        <span>{t('clock.jerusalem')}</span>
        <Ltr>{local(POST_TIME_ZONES.IL)}</Ltr>
      </span>
      <span className="timestamp__local">
        <span>{t('clock.damascus')}</span>
        <Ltr>{local(POST_TIME_ZONES.SY)}</Ltr>
      </span>
    </time>
  );
}
