/**
 * The desk's notes on a message (DESIGN §3: annotations hang off the message they concern), oldest first, each with
 * its time and the supervisor's device. At the desk, a supervisor adds one here; it goes to every post the message
 * concerns as a signed event and never changes the message itself.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Timestamp } from '../../components/Timestamp';
import type { Identity, MessageSummary } from '../../core/api';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useCoreAction } from '../../core-ui/useCoreAction';

export function MessageNotes(props: { message: MessageSummary; identity: Identity }) {
  const { t } = useTranslation('messages');
  const { message, identity } = props;
  const canAnnotate = identity.post === 'US' && identity.roles.includes('supervisor');
  if (message.notes.length === 0 && !canAnnotate) return null;
  return (
    <section aria-labelledby="view-notes" className="message-view__notes" data-testid="view-notes">
      <h2 id="view-notes">{t('notes.title')}</h2>
      {message.notes.length === 0 ? (
        <p data-testid="view-notes-none">{t('notes.none')}</p>
      ) : (
        <ol className="notes">
          {message.notes.map((note) => (
            <li key={note.source} className="note" data-testid="view-note">
              <p className="note__meta">
                <Timestamp at={note.at} /> <span>{t('notes.by')}</span> <bdi>{note.deviceName}</bdi>
              </p>
              <p className="note__text" dir="auto" data-testid="view-note-text">
                {note.text}
              </p>
            </li>
          ))}
        </ol>
      )}
      {canAnnotate && <AnnotateForm messageId={message.id} />}
    </section>
  );
}

function AnnotateForm(props: { messageId: string }) {
  const { t } = useTranslation('messages');
  const [text, setText] = useState('');
  const action = useCoreAction();
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await action.run(() => getCore().annotate(props.messageId, text));
    if (outcome.ok) setText('');
  };
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form__field">
        <label htmlFor={id}>{t('notes.add')}</label>
        <textarea id={id} dir="auto" rows={2} autoComplete="off" data-testid="view-note-input" value={text} onChange={(event) => setText(event.target.value)} />
        <p className="form__hint">{t('notes.hint')}</p>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" data-testid="view-note-send" disabled={action.pending || text.trim() === ''}>
          {t('notes.send')}
        </button>
      </div>
      <ErrorMessage error={action.error} testId="view-note-error" />
    </form>
  );
}
