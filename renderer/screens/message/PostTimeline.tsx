/** Where a message stands at one recipient post: each step with its time and the device that reported it. */
import { useTranslation } from 'react-i18next';
import { EVENT_STAGES, stageRank } from '../../../electron/common/message/lifecycle';
import type { Post } from '../../../electron/common/protocol/schemas';
import { Timestamp } from '../../components/Timestamp';
import type { MessageSummary } from '../../core/api';

export function PostTimeline(props: { post: Post; message: MessageSummary; overdue: boolean }) {
  const { t } = useTranslation('messages');
  const { post, message } = props;
  const track = message.tracking[post];
  if (!track) return null;
  const { overdue } = props;
  return (
    <section className="timeline" data-testid={`timeline-${post}`} data-stage={track.stage} data-overdue={overdue}>
      <h3>
        {t('inbox.postStage', { post: t(`post.${post}`, { ns: 'common' }), stage: t(`stage.${track.stage}`) })}
        {overdue && (
          <span className="badge badge--overdue" data-testid={`timeline-${post}-overdue`}>
            {t('view.overdue')}
          </span>
        )}
      </h3>
      <ol className="timeline__steps">
        <li data-testid={`timeline-${post}-relayed`} data-done={message.relayedAt !== null}>
          <span className="timeline__stage">{t('stage.relayed')}</span>
          {message.relayedAt !== null ? <Timestamp at={message.relayedAt} /> : <span>{t('view.notYet')}</span>}
        </li>
        {EVENT_STAGES.filter((stage) => stage !== 'closed' || track.marks.closed).map((stage) => {
          const mark = track.marks[stage];
          // A later step implies the earlier ones even when their own report has not arrived (yet, or ever).
          const implied = !mark && stageRank(track.stage) > stageRank(stage);
          return (
            <li key={stage} data-testid={`timeline-${post}-${stage}`} data-done={mark !== undefined || implied}>
              <span className="timeline__stage">{t(`stage.${stage}`)}</span>
              {mark ? (
                <>
                  <Timestamp at={mark.at} />
                  {/* U+2068 … U+2069: the device's name is isolated, whatever its script. */}
                  <span className="timeline__device">{t('view.by', { device: `\u2068${mark.deviceName}\u2069` })}</span>
                </>
              ) : (
                <span>{implied ? '' : t('view.notYet')}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
