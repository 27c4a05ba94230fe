/**
 * Escalation: messages past their acknowledgement deadline at some recipient post, shown at the post that sent them
 * and at the desk (core.openMessages picks which). It appears the moment a deadline passes by this window's clock,
 * and goes when the acknowledgement arrives.
 */
import { useTranslation } from 'react-i18next';
import type { Post } from '../../electron/common/protocol/schemas';
import { useOpenMessage } from '../app/open-message';
import { useListFormat } from '../components/useListFormat';
import { useOpenMessages } from '../core-ui/queries';
import type { MessageSummary } from '../core/api';
import { useOverdueList } from '../messages/useOverdue';

const NONE: readonly MessageSummary[] = [];

export function OverdueBanner() {
  const { t } = useTranslation('messages');
  const list = useListFormat();
  const open = useOpenMessage();
  const { data: candidates } = useOpenMessages();
  const overdue = useOverdueList(candidates ?? NONE);
  if (overdue.length === 0) return null;
  const first = overdue[0]!;
  const postName = (post: Post) => t(`post.${post}`, { ns: 'common' });
  return (
    <section className="urgent-region" aria-label={t('overdue.title', { count: overdue.length })}>
      <div className="alarm-banner overdue-banner" role="alert" data-testid="overdue-banner" data-count={overdue.length} data-message={first.message.id}>
        <p>
          <strong>{t('overdue.title', { count: overdue.length })}</strong>{' '}
          {t('overdue.missing', { posts: list(first.posts.map(postName)) })}{' '}
          <bdi dir="auto" lang={first.message.lang} data-testid="overdue-subject">
            {first.message.subject}
          </bdi>
        </p>
        <button type="button" className="button" data-testid="overdue-open" onClick={() => open(first.message.id)}>
          {t('alert.open')}
        </button>
      </div>
    </section>
  );
}
