/** At a post, in the status bar: the last line check from the desk, and whether this post has answered it. */
import { useTranslation } from 'react-i18next';
import type { Post } from '../../electron/common/protocol/schemas';
import { formatDtg } from '../../electron/common/time/dtg';
import { Ltr } from '../components/Ltr';
import { useLineChecks } from '../core-ui/queries';

export function LastLineCheck(props: { post: Post }) {
  const { t } = useTranslation('desk');
  const { data } = useLineChecks();
  const last = data?.checks.find((check) => check.posts.includes(props.post));
  return (
    <p className="status-bar__fact" data-testid="last-line-check" data-answered={last ? last.answers[props.post] !== undefined : undefined}>
      <span>{t('lineChecks.last')}</span>
      {last ? (
        <>
          <Ltr>{formatDtg(last.sentAt)}</Ltr>
          <span>{last.answers[props.post] ? t('lineChecks.state.answered') : t('lineChecks.state.waiting')}</span>
        </>
      ) : (
        <span>{t('lineChecks.none')}</span>
      )}
    </p>
  );
}
