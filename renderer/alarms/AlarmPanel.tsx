/** Every undismissed alarm, newest as the core lists them; opened from the banner or the status bar. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../core-ui/ErrorMessage';
import { useAlarms } from '../core-ui/queries';
import { AlarmItem } from './AlarmItem';

export function AlarmPanel(props: { onClose: () => void }) {
  const { t } = useTranslation('alarms');
  const { data: alarms, error } = useAlarms();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening the panel moves the reader to it, so a keyboard or screen-reader user lands on the alarms.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section id="alarm-panel" className="alarm-panel" aria-labelledby="alarm-panel-title" data-testid="alarm-panel">
      <div className="alarm-panel__header">
        <h2 id="alarm-panel-title" ref={heading} tabIndex={-1}>
          {t('panel.title')}
        </h2>
        <button type="button" className="button" data-testid="alarm-panel-close" onClick={props.onClose}>
          {t('panel.close')}
        </button>
      </div>
      <ErrorMessage error={error} testId="alarm-panel-error" />
      {alarms?.length === 0 && <p>{t('panel.none')}</p>}
      {alarms !== undefined && alarms.length > 0 && (
        <ul className="alarm-list">
          {alarms.map((alarm) => (
            <AlarmItem key={alarm.id} alarm={alarm} />
          ))}
        </ul>
      )}
    </section>
  );
}
