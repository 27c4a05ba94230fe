/** One alarm: what was caught, when, its particulars, and the button that acknowledges it as seen. */
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../core/api';
import { getCore } from '../core/client';
import { Timestamp } from '../components/Timestamp';
import { ErrorMessage } from '../core-ui/ErrorMessage';
import { useCoreAction } from '../core-ui/useCoreAction';
import { AlarmDetail } from './AlarmDetail';

export function AlarmItem(props: { alarm: Alarm }) {
  const { t } = useTranslation('alarms');
  const { alarm } = props;
  const action = useCoreAction();
  return (
    <li className="alarm" data-testid={`alarm-${alarm.id}`} data-kind={alarm.kind}>
      <p className="alarm__text">{t(`kind.${alarm.kind}`)}</p>
      <Timestamp at={alarm.at} />
      <AlarmDetail detail={alarm.detail} />
      <button
        type="button"
        className="button"
        data-testid={`alarm-dismiss-${alarm.id}`}
        disabled={action.pending}
        onClick={() => void action.run(() => getCore().dismissAlarm(alarm.id))}
      >
        {t('panel.dismiss')}
      </button>
      <ErrorMessage error={action.error} testId={`alarm-error-${alarm.id}`} />
    </li>
  );
}
