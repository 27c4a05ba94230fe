/**
 * A minimal composer: recipient posts, the text and the language it is written in. Sending puts the message in the
 * encrypted outbox; the sync client delivers it when the relay can be reached. A failure keeps the text as typed.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { POSTS, type Post } from '../../../electron/common/protocol/schemas';
import { LANGUAGES, type Language } from '../../../electron/common/settings';
import type { Identity } from '../../core/api';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useCoreAction } from '../../core-ui/useCoreAction';
import { useSettings } from '../../settings/SettingsContext';

export function ComposeScreen(props: { identity: Identity }) {
  const { t } = useTranslation('messages');
  const { settings } = useSettings();
  const ids = { text: useId(), lang: useId() };
  const otherPosts = POSTS.filter((post) => post !== props.identity.post);
  const [recipients, setRecipients] = useState<readonly Post[]>([]);
  const [text, setText] = useState('');
  const [lang, setLang] = useState<Language>(settings.language);
  const [queued, setQueued] = useState(false);
  const action = useCoreAction();

  const toggle = (post: Post, on: boolean) =>
    setRecipients(otherPosts.filter((candidate) => (candidate === post ? on : recipients.includes(candidate))));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setQueued(false);
    const outcome = await action.run(() => getCore().send({ recipients, text, lang }));
    if (outcome.ok) {
      setText('');
      setQueued(true);
    }
  };

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" className="screen__title">
        {t('compose.title', { ns: 'screens' })}
      </h1>
      <form className="form form--wide" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="form__field form__choices">
          <legend>{t('compose.recipients')}</legend>
          {otherPosts.map((post) => (
            <label key={post} className="form__choice">
              <input
                type="checkbox"
                data-testid={`compose-recipient-${post}`}
                checked={recipients.includes(post)}
                onChange={(event) => toggle(post, event.target.checked)}
              />
              <span>{t(`post.${post}`, { ns: 'common' })}</span>
            </label>
          ))}
        </fieldset>
        <div className="form__field">
          <label htmlFor={ids.lang}>{t('compose.language')}</label>
          <select id={ids.lang} data-testid="compose-lang" value={lang} onChange={(event) => setLang(event.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`languageName.${language}`, { ns: 'settings' })}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={ids.text}>{t('compose.text')}</label>
          {/* autoComplete off: Chromium then never saves the text as form state (session restore writes that to disk). */}
          <textarea
            id={ids.text}
            autoComplete="off"
            dir="auto"
            lang={lang}
            rows={8}
            data-testid="compose-text"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setQueued(false);
            }}
          />
        </div>
        <ErrorMessage error={action.error} testId="compose-error" />
        <p className="form__status" role="status" data-testid="compose-result">
          {queued ? t('compose.queued') : ''}
        </p>
        <div className="form__actions">
          <button type="submit" className="button button--primary" data-testid="compose-send" disabled={action.pending}>
            {action.pending ? t('compose.sending') : t('compose.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
