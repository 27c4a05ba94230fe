/**
 * One device asking to join: who it says it is, and its fingerprint, which the supervisor compares with the one the
 * post reads out over the phone before approving.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingEnrolment } from '../../core/api';
import { getCore } from '../../core/client';
import { Fingerprint } from '../../components/Fingerprint';
import { Timestamp } from '../../components/Timestamp';
import { useListFormat } from '../../components/useListFormat';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useCoreAction } from '../../core-ui/useCoreAction';

export function PendingEnrolmentItem(props: { request: PendingEnrolment }) {
  const { t } = useTranslation('desk');
  const list = useListFormat();
  const nameId = useId();
  const action = useCoreAction();
  const { request } = props;
  const id = request.deviceId;
  return (
    <li className="card" data-testid={`enrolment-${id}`}>
      <p id={nameId} className="card__title">
        <bdi>{request.name}</bdi>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('pending.post')}</dt>
          <dd>{t(`post.${request.post}`, { ns: 'common' })}</dd>
        </div>
        <div>
          <dt>{t('pending.roles')}</dt>
          <dd>{list(request.roles.map((role) => t(`role.${role}`, { ns: 'common' })))}</dd>
        </div>
        <div>
          <dt>{t('pending.received')}</dt>
          <dd>
            <Timestamp at={request.receivedAt} />
          </dd>
        </div>
        <div>
          <dt>{t('pending.fingerprint')}</dt>
          <dd>
            <Fingerprint value={request.fingerprint} testId={`enrolment-fingerprint-${id}`} />
          </dd>
        </div>
      </dl>
      <p className="form__hint">{t('pending.compare')}</p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid={`enrolment-approve-${id}`}
          aria-describedby={nameId}
          disabled={action.pending}
          onClick={() => void action.run(() => getCore().approveEnrolment(id))}
        >
          {t('pending.approve')}
        </button>
        <button
          type="button"
          className="button"
          data-testid={`enrolment-refuse-${id}`}
          aria-describedby={nameId}
          disabled={action.pending}
          onClick={() => void action.run(() => getCore().refuseEnrolment(id))}
        >
          {t('pending.refuse')}
        </button>
      </div>
      <ErrorMessage error={action.error} testId={`enrolment-error-${id}`} />
    </li>
  );
}
