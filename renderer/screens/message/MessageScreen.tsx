/**
 * One message in full: precedence and subject, who sent it to whom and when (DTG and both posts' local times), its
 * structured fields in the reader's language, the original text in its own language and direction, and where it
 * stands at each recipient post, step by step, with the time and device of each step. Opening it here sends this
 * post's read receipt; an officer of a recipient post acknowledges it from here.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../electron/common/protocol/schemas';
import { useOpenComposer, useOpenMessage } from '../../app/open-message';
import { shortcutLabel, useShortcut } from '../../app/shortcuts';
import { Kbd } from '../../components/Kbd';
import { Ltr } from '../../components/Ltr';
import { Timestamp } from '../../components/Timestamp';
import { useListFormat } from '../../components/useListFormat';
import type { Identity, MessageSummary } from '../../core/api';
import { getCore } from '../../core/client';
import { RpcError } from '../../core/rpc';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useMessage } from '../../core-ui/queries';
import { useCoreAction } from '../../core-ui/useCoreAction';
import { templateLines } from '../../messages/template-lines';
import { useOverdue } from '../../messages/useOverdue';
import { useSettings } from '../../settings/SettingsContext';
import { MessageNotes } from './MessageNotes';
import { useInboxFilter } from '../inbox/inbox-filter-store';
import { PostTimeline } from './PostTimeline';
import { TranslationRequests } from './TranslationRequests';
import { TranslationsView } from './TranslationsView';

export function MessageScreen(props: { id: string; identity: Identity; onBack: () => void }) {
  const { t } = useTranslation('messages');
  const { data: message, error } = useMessage(props.id);
  const open = useOpenMessage();
  const filter = useInboxFilter();
  /** Next is the message below in the inbox as filtered, previous the one above. */
  const step = (direction: 'newer' | 'older') => {
    getCore()
      .inboxNeighbours(filter, Date.now(), props.id)
      .then((around) => {
        const target = around?.[direction];
        if (target) open(target);
      })
      .catch((failure: unknown) => console.error('no adjacent message', failure));
  };
  useShortcut('back', props.onBack);
  useShortcut('next', () => step('older'));
  useShortcut('previous', () => step('newer'));
  const unread = message?.unread === true;
  useEffect(() => {
    if (unread) getCore().markRead(props.id).catch((failure: unknown) => console.error('read receipt not recorded', failure));
  }, [props.id, unread]);
  return (
    <section className="screen message-view" aria-labelledby="screen-title" data-testid="message-view">
      <div className="message-view__nav">
        <button type="button" className="button button--link" data-testid="message-back" onClick={props.onBack} aria-keyshortcuts={shortcutLabel('back').aria}>
          {t('view.back')} <Kbd name="back" />
        </button>
        <button type="button" className="button" data-testid="message-previous" onClick={() => step('newer')} aria-keyshortcuts={shortcutLabel('previous').aria}>
          {t('view.previous')} <Kbd name="previous" />
        </button>
        <button type="button" className="button" data-testid="message-next" onClick={() => step('older')} aria-keyshortcuts={shortcutLabel('next').aria}>
          {t('view.next')} <Kbd name="next" />
        </button>
      </div>
      <ErrorMessage error={error} testId="message-view-error" />
      {message === null && (
        <p className="error" role="alert" data-testid="message-view-missing">
          {t('message.notFound', { ns: 'errors' })}
        </p>
      )}
      {message && <MessageDetail message={message} identity={props.identity} />}
    </section>
  );
}

function MessageDetail(props: { message: MessageSummary; identity: Identity }) {
  const { t, i18n } = useTranslation('messages');
  const { settings } = useSettings();
  const list = useListFormat();
  const action = useCoreAction();
  const { message, identity } = props;
  const postName = (post: Post) => t(`post.${post}`, { ns: 'common' });
  const lines = message.template ? templateLines(message.template, { t: i18n.t.bind(i18n), locale: i18n.language, digits: settings.digitStyle }) : [];
  const overdue = useOverdue(message);
  const mine = message.tracking[identity.post];
  const canAcknowledge =
    !message.outgoing && message.senderPost !== identity.post && identity.roles.includes('officer') && mine !== undefined && mine.marks.acknowledged === undefined;
  const acknowledge = () => void action.run(() => getCore().acknowledge(message.id));
  const openComposer = useOpenComposer();
  // A reply starts as the composer's draft: to the sender's post, same precedence, the subject marked as a reply.
  const reply = async () => {
    const outcome = await action.run(async () => {
      // A message being written is never overwritten by a reply: it is sent or cleared first.
      const current = await getCore().draft();
      if (current && (current.subject.trim() !== '' || current.body.trim() !== '')) throw new RpcError('message.draftInProgress', {});
      await getCore().saveDraft({
        recipients: [message.senderPost],
        precedence: message.precedence,
        category: 'reply',
        template: 'none',
        values: {},
        zone: 'UTC',
        subject: t('view.replySubject', { subject: message.subject }),
        body: '',
        lang: settings.language,
        replyTo: message.id,
      });
    });
    if (outcome.ok) openComposer();
  };
  const canReply = message.senderPost !== identity.post;
  useShortcut('acknowledge', acknowledge, canAcknowledge && !action.pending);
  return (
    <article data-testid={`message-view-${message.id}`} data-precedence={message.precedence}>
      <header className="message-view__header">
        <p className="badge badge--precedence" data-precedence={message.precedence} data-testid="view-precedence">
          {t(`precedence.${message.precedence}`)}
        </p>
        <h1 id="screen-title" className="screen__title">
          <bdi dir="auto" lang={message.lang} data-testid="view-subject">
            {message.subject}
          </bdi>
        </h1>
        <dl className="message__route">
          <div>
            <dt>{t('inbox.from')}</dt>
            <dd>
              <span>{postName(message.senderPost)}</span> <bdi>{message.senderName}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('inbox.to')}</dt>
            <dd>{list(message.recipients.map(postName))}</dd>
          </div>
          <div>
            <dt>{t('compose.category')}</dt>
            <dd data-testid="view-category">{t(`category.${message.category}`)}</dd>
          </div>
        </dl>
        <Timestamp at={message.createdAt} testId="view-created" />
        {message.replyTo !== null && <p className="form__hint">{t('view.replyTo')}</p>}
      </header>
      {lines.length > 0 && (
        <section aria-labelledby="view-fields" className="message-view__fields">
          <h2 id="view-fields">{t('view.fields')}</h2>
          <dl data-testid="view-fields">
            {lines.map((line) => (
              <div key={line.field} data-testid={`view-field-${line.field}`}>
                <dt>{line.label}</dt>
                <dd>
                  {line.authored ? (
                    <bdi dir="auto" lang={message.lang}>
                      {line.parts.map((part) => part.text).join('')}
                    </bdi>
                  ) : (
                    line.parts.map((part, i) => (part.ltr ? <Ltr key={i}>{part.text}</Ltr> : <span key={i}>{part.text}</span>))
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {/* The original and its translations side by side: the original first, always. */}
      <div className="message-view__texts">
        {message.body !== '' && (
          <section aria-labelledby="view-original" className="message-view__original">
            <h2 id="view-original">{t('view.original', { language: t(`languageInText.${message.lang}`, { ns: 'settings' }) })}</h2>
            <p className="message-view__body" dir="auto" lang={message.lang} data-testid="view-body">
              {message.body}
            </p>
          </section>
        )}
        <TranslationsView message={message} />
      </div>
      <section aria-labelledby="view-timeline" className="message-view__timeline">
        <h2 id="view-timeline">{t('view.timeline')}</h2>
        <p className="message-view__deadline">
          <span>{t('view.deadline')}</span> <Timestamp at={message.deadline} testId="view-deadline" />
        </p>
        {message.recipients.map((post) => (
          <PostTimeline key={post} post={post} message={message} overdue={overdue.includes(post)} />
        ))}
      </section>
      <MessageNotes message={message} identity={identity} />
      <TranslationRequests message={message} />
      <div className="form__actions">
        {canReply && (
          <button type="button" className="button" data-testid="view-reply" disabled={action.pending} onClick={() => void reply()}>
            {t('view.reply')}
          </button>
        )}
      </div>
      {canAcknowledge && (
        <div className="form__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="view-acknowledge"
            disabled={action.pending}
            aria-keyshortcuts={shortcutLabel('acknowledge').aria}
            onClick={acknowledge}
          >
            {t('view.acknowledge')} <Kbd name="acknowledge" />
          </button>
        </div>
      )}
      <ErrorMessage error={action.error} testId="view-acknowledge-error" />
    </article>
  );
}
