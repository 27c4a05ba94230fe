/**
 * One message in the list: who sent it to whom, when (DTG and both posts' local times), where it stands, and the text
 * in its own direction, isolated so that neither its script nor its digits disturb the interface around it. Every row
 * of the (virtual) list has the same height: the text is cut to its first lines (messages.css).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../electron/common/protocol/schemas';
import { useOpenMessage } from '../../app/open-message';
import { useOverdue } from '../../messages/useOverdue';
import type { MessageSummary } from '../../core/api';
import { Timestamp } from '../../components/Timestamp';
import { useListFormat } from '../../components/useListFormat';

/** Pixels: the height of every row of the message list, kept in step with `.virtual-list .message` in messages.css. */
export const MESSAGE_ROW_HEIGHT = 160;

/**
 * The list re-reads its page on every change the core reports (several a second during a catch-up): a row whose
 * message is unchanged is not rendered again.
 */
export const MessageItem = memo(MessageRow, (before, after) => sameSummary(before.message, after.message));

function sameSummary(a: MessageSummary, b: MessageSummary): boolean {
  return (
    a.id === b.id &&
    a.state === b.state &&
    a.logIndex === b.logIndex &&
    a.subject === b.subject &&
    a.body === b.body &&
    a.lang === b.lang &&
    a.precedence === b.precedence &&
    a.createdAt === b.createdAt &&
    a.unread === b.unread &&
    a.deadline === b.deadline &&
    a.open === b.open &&
    stagesOf(a) === stagesOf(b) &&
    a.senderName === b.senderName &&
    a.recipients.join(' ') === b.recipients.join(' ')
  );
}

const stagesOf = (message: MessageSummary): string => message.recipients.map((post) => message.tracking[post]?.stage ?? '').join(' ');

function MessageRow(props: { message: MessageSummary }) {
  const { t } = useTranslation('messages');
  const list = useListFormat();
  const open = useOpenMessage();
  const { message } = props;
  const overdue = useOverdue(message);
  const postName = (post: Post) => t(`post.${post}`, { ns: 'common' });
  return (
    <article
      className="message"
      data-testid={`message-${message.id}`}
      data-state={message.state}
      data-outgoing={message.outgoing}
      data-precedence={message.precedence}
      data-unread={message.unread}
      data-overdue={overdue.length > 0}
    >
      <header className="message__header">
        <p className="badge badge--precedence" data-precedence={message.precedence} data-testid="message-precedence">
          {t(`precedence.${message.precedence}`)}
        </p>
        <button type="button" className="message__open" data-testid="message-open" onClick={() => open(message.id)}>
          <bdi dir="auto" lang={message.lang} data-testid="message-subject">
            {message.subject}
          </bdi>
        </button>
        {message.unread && <span className="badge badge--unread">{t('inbox.unread')}</span>}
        {overdue.length > 0 && (
          <span className="badge badge--overdue" data-testid="message-overdue">
            {t('view.overdue')}
          </span>
        )}
      </header>
      <div className="message__meta">
        <dl className="message__route">
          <div>
            <dt>{t('inbox.from')}</dt>
            <dd data-testid="message-sender">
              <span>{postName(message.senderPost)}</span>
              <bdi className="message__sender-name">{message.senderName}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('inbox.to')}</dt>
            <dd data-testid="message-recipients">{list(message.recipients.map(postName))}</dd>
          </div>
        </dl>
        <Timestamp at={message.createdAt} />
        <p className="badge" data-testid="message-state" data-state={message.state}>
          {t(`inbox.state.${message.state}`)}
        </p>
        {message.recipients.map((post) => {
          const stage = message.tracking[post]?.stage ?? message.state;
          return (
            <p key={post} className="badge badge--stage" data-testid={`message-stage-${post}`} data-stage={stage}>
              {t('inbox.postStage', { post: postName(post), stage: t(`stage.${stage}`) })}
            </p>
          );
        })}
      </div>
      <p className="message__text" dir="auto" lang={message.lang} data-testid="message-text">
        {message.body !== '' ? message.body : message.template ? t(`template.kind.${message.template.kind}`) : ''}
      </p>
    </article>
  );
}
