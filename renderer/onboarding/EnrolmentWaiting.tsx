/**
 * A joined device waits for the desk: it shows its fingerprint to read out over the phone (the desk compares it with
 * the request on its screen before approving) and where the request stands. The app opens once the certificate
 * arrives. A request that could not be sent can be sent again; so can a pending one, because the relay never tells a
 * device that the desk refused it (the desk says so by phone).
 */
import { useTranslation } from 'react-i18next';
import type { Identity } from '../core/api';
import { getCore } from '../core/client';
import { Fingerprint } from '../components/Fingerprint';
import { ErrorMessage } from '../core-ui/ErrorMessage';
import { useCoreAction } from '../core-ui/useCoreAction';
import { LockButton } from '../app/LockButton';
import { GateLayout } from '../gate/GateLayout';

export function EnrolmentWaiting(props: { identity: Identity; enrolment: Exclude<Identity['enrolment'], 'ready'> }) {
  const { t } = useTranslation('gate');
  const { identity, enrolment } = props;
  const action = useCoreAction();
  return (
    <GateLayout title={t('waiting.title')} testId="enrolment-waiting" actions={<LockButton />}>
      <p>{t('waiting.readOut')}</p>
      <p className="fingerprint-box">
        <Fingerprint value={identity.fingerprint} testId="own-fingerprint" className="fingerprint--large" />
      </p>
      <dl className="facts">
        <div>
          <dt>{t('waiting.device')}</dt>
          <dd>
            <bdi>{identity.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('waiting.post')}</dt>
          <dd>{t(`post.${identity.post}`, { ns: 'common' })}</dd>
        </div>
      </dl>
      <p className="enrolment-state" role="status" data-testid="enrolment-state" data-state={enrolment}>
        {t(`waiting.state.${enrolment}`)}
      </p>
      {enrolment === 'pending' && <p className="form__hint">{t('waiting.ifRefused')}</p>}
      <div className="form__actions">
        <button
          type="button"
          className={enrolment === 'unsent' ? 'button button--primary' : 'button'}
          data-testid="enrolment-resend"
          disabled={action.pending}
          onClick={() => void action.run(() => getCore().resendEnrolment())}
        >
          {t('waiting.resend')}
        </button>
      </div>
      <ErrorMessage error={action.error} testId="enrolment-error" />
    </GateLayout>
  );
}
