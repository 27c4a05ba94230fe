/** The desk's queue of enrolment requests waiting for a supervisor. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { usePendingEnrolments } from '../../core-ui/queries';
import { PendingEnrolmentItem } from './PendingEnrolmentItem';

export function PendingEnrolmentList() {
  const { t } = useTranslation('desk');
  const titleId = useId();
  const { data: requests, error } = usePendingEnrolments();
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="pending-enrolments">
      <h2 id={titleId} className="panel__title">
        {t('pending.title')}
      </h2>
      <ErrorMessage error={error} testId="pending-enrolments-error" />
      {requests?.length === 0 && <p>{t('pending.none')}</p>}
      {requests !== undefined && requests.length > 0 && (
        <ul className="cards">
          {requests.map((request) => (
            <PendingEnrolmentItem key={request.deviceId} request={request} />
          ))}
        </ul>
      )}
    </section>
  );
}
