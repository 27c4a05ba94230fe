/**
 * Who asked for this message in which languages, and a way to ask: the languages other than the original's, chosen
 * and sent as a signed request that puts the message in the queues of the translators who cover them, at every post.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../electron/common/settings';
import { Timestamp } from '../../components/Timestamp';
import { useListFormat } from '../../components/useListFormat';
import type { MessageSummary } from '../../core/api';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useCoreAction } from '../../core-ui/useCoreAction';

export function TranslationRequests(props: { message: MessageSummary }) {
  const { t } = useTranslation('messages');
  const list = useListFormat();
  const { message } = props;
  const others = LANGUAGES.filter((language) => language !== message.lang);
  const [chosen, setChosen] = useState<readonly Language[]>([]);
  const action = useCoreAction();
  const languageName = (language: Language) => t(`languageInText.${language}`, { ns: 'settings' });
  const toggle = (language: Language, on: boolean) =>
    setChosen((current) => (on ? [...current.filter((held) => held !== language), language] : current.filter((held) => held !== language)));
  const request = async () => {
    const outcome = await action.run(() => getCore().requestTranslation(message.id, chosen));
    if (outcome.ok) setChosen([]);
  };
  return (
    <section aria-labelledby="view-translation-requests" className="message-view__requests" data-testid="view-translation-requests">
      <h2 id="view-translation-requests">{t('requests.title')}</h2>
      {message.translationRequests.length > 0 && (
        <ul>
          {message.translationRequests.map((request) => (
            <li key={request.source} data-testid="view-translation-request">
              <span>{t('requests.asked', { languages: list(request.languages.map(languageName)) })}</span> <bdi>{request.deviceName}</bdi>{' '}
              <Timestamp at={request.at} />
            </li>
          ))}
        </ul>
      )}
      <fieldset className="form__field form__choices">
        <legend>{t('requests.choose')}</legend>
        {others.map((language) => (
          <label key={language} className="form__choice">
            <input
              type="checkbox"
              data-testid={`view-request-${language}`}
              checked={chosen.includes(language)}
              onChange={(event) => toggle(language, event.target.checked)}
            />
            <span lang={language}>{languageName(language)}</span>
          </label>
        ))}
      </fieldset>
      <div className="form__actions">
        <button type="button" className="button" data-testid="view-request-send" disabled={action.pending || chosen.length === 0} onClick={() => void request()}>
          {t('requests.send')}
        </button>
      </div>
      <ErrorMessage error={action.error} testId="view-request-error" />
    </section>
  );
}
