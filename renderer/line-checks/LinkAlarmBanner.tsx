/**
 * The desk's link alarm: the newest line check has gone unanswered by a post past its window. It stays until that
 * post answers (or a later check is answered); the line is in doubt until then.
 */
import { useTranslation } from 'react-i18next';
import { Ltr } from '../components/Ltr';
import { useListFormat } from '../components/useListFormat';
import { useLineChecks } from '../core-ui/queries';
import { formatDtg } from '../../electron/common/time/dtg';
import { useMissedLineChecks } from './useMissedLineChecks';

export function LinkAlarmBanner() {
  const { t } = useTranslation('desk');
  const list = useListFormat();
  const { data } = useLineChecks();
  const missed = useMissedLineChecks(data);
  const newest = data?.checks[0];
  const posts = newest ? missed.get(newest.id) : undefined;
  if (!newest || !posts) return null;
  return (
    <section className="urgent-region" aria-label={t('lineChecks.alarm')}>
      <div className="alarm-banner" role="alert" data-testid="link-alarm" data-posts={posts.join(' ')}>
        <p>
          <strong>{t('lineChecks.alarm')}</strong>{' '}
          {t('lineChecks.missed', { posts: list(posts.map((post) => t(`post.${post}`, { ns: 'common' }))) })} <Ltr>{formatDtg(newest.sentAt)}</Ltr>
        </p>
      </div>
    </section>
  );
}
