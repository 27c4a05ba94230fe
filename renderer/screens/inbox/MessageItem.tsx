/**
 * One message in the list: who sent it to whom, when (DTG and both posts' local times), where it stands, and the text
 * in its own direction, isolated so that neither its script nor its digits disturb the interface around it. Every row
 * of the (virtual) list has the same height: the text is cut to its first lines (messages.css).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageSummary } from '../../core/api';
import { Timestamp } from '../../components/Timestamp';
import { useListFormat } from '../../components/useListFormat';

/** Pixels: the height of every row of the message list, kept in step with `.virtual-list .message` in messages.css. */
export const MESSAGE_ROW_HEIGHT = 136;

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
    a.text === b.text &&
    a.lang === b.lang &&
    a.createdAt === b.createdAt &&
    a.outgoing === b.outgoing &&
    a.senderPost === b.senderPost &&
    a.senderName === b.senderName &&
    a.recipients.join(' ') === b.recipients.join(' ')
  );
}

function MessageRow(props: { message: MessageSummary }) {
  const { t } = useTranslation('messages');
  const list = useListFormat();
  const { message } = props;
  const postName = (post: MessageSummary['senderPost']) => t(`post.${post}`, { ns: 'common' });
  return (
    <article className="message" data-testid={`message-${message.id}`} data-state={message.state} data-outgoing={message.outgoing}>
      <header className="message__header">
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
      </header>
      <p className="message__text" dir="auto" lang={message.lang} data-testid="message-text">
        {message.text}
      </p>
    </article>
  );
}
