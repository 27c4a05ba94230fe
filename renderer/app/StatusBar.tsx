/**
 * The status bar: the relay connection and the outbox, then the clock. There is no sync client yet, so the connection
 * is honestly "not connected" and the outbox is empty.
 */
import { useTranslation } from 'react-i18next';
import { Clock } from './Clock';

export type ConnectionState = 'disconnected' | 'connecting' | 'connected';

export function StatusBar(props: { connection: ConnectionState; outboxCount: number }) {
  const { t } = useTranslation();
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <p className="status-bar__connection" data-state={props.connection} data-testid="connection-state">
        <span className="status-bar__dot" aria-hidden="true" />
        {t(`status.connection.${props.connection}`)}
      </p>
      <p className="status-bar__outbox">
        {t('status.outbox', { count: props.outboxCount })}
      </p>
      <Clock />
    </footer>
  );
}
