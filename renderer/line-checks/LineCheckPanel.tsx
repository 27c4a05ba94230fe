/**
 * The desk's line checks: send one now, and for each recent one, which post answered when, from which device, and
 * the size of the log that device had verified (beside the desk's own). A post that has not answered within the
 * window is marked missed, by the screen's clock. A split view of the log is caught by checkpoint comparison and
 * raised as an alarm; the sizes here are for the supervisor's eye.
 */
import { useTranslation } from 'react-i18next';
import { Timestamp } from '../components/Timestamp';
import type { LineCheckView } from '../core/api';
import { getCore } from '../core/client';
import { ErrorMessage } from '../core-ui/ErrorMessage';
import { useLineChecks } from '../core-ui/queries';
import { useCoreAction } from '../core-ui/useCoreAction';
import { useMissedLineChecks } from './useMissedLineChecks';

/** Checks shown: the newest few; older ones are in the vault. */
const SHOWN = 6;

export function LineCheckPanel() {
  const { t } = useTranslation('desk');
  const { data, error } = useLineChecks();
  const action = useCoreAction();
  return (
    <section className="panel" aria-labelledby="line-checks-title" data-testid="line-checks">
      <h2 id="line-checks-title" className="panel__title">
        {t('lineChecks.title')}
      </h2>
      <p>{t('lineChecks.intro', { minutes: data ? data.interval / 60_000 : 60 })}</p>
      <div className="form__actions">
        <button type="button" className="button button--primary" data-testid="linecheck-send" disabled={action.pending} onClick={() => void action.run(() => getCore().sendLineCheck())}>
          {t('lineChecks.send')}
        </button>
      </div>
      <ErrorMessage error={action.error ?? error} testId="linecheck-error" />
      {data && <LineCheckList view={data} />}
    </section>
  );
}

function LineCheckList(props: { view: LineCheckView }) {
  const { t } = useTranslation('desk');
  const { view } = props;
  const missed = useMissedLineChecks(view);
  if (view.checks.length === 0) return <p data-testid="linecheck-none">{t('lineChecks.none')}</p>;
  return (
    <ol className="line-checks">
      {view.checks.slice(0, SHOWN).map((check) => (
        <li key={check.id} className="line-check" data-testid={`linecheck-${check.id}`}>
          <p>
            <span>{t('lineChecks.sent')}</span> <Timestamp at={check.sentAt} />
          </p>
          <ul>
            {check.posts.map((post) => {
              const answer = check.answers[post];
              const state = answer ? 'answered' : missed.get(check.id)?.includes(post) ? 'missed' : 'waiting';
              return (
                <li key={post} data-testid={`linecheck-${check.id}-${post}`} data-state={state}>
                  <strong>{t(`post.${post}`, { ns: 'common' })}</strong> {t(`lineChecks.state.${state}`)}
                  {answer && (
                    <>
                      {' '}
                      <Timestamp at={answer.at} /> <bdi>{answer.deviceName}</bdi>{' '}
                      {answer.size !== null && (
                        <span data-testid={`linecheck-${check.id}-${post}-size`} data-size={answer.size}>
                          {view.verifiedLogSize === null
                            ? t('lineChecks.size', { size: answer.size })
                            : t('lineChecks.sizeWithDesk', { size: answer.size, desk: view.verifiedLogSize })}
                        </span>
                      )}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
