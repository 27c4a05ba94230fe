/**
 * Translations written at the sending post before the message leaves (DESIGN §4): a translator here adds one per
 * other language, beside the message as it is being composed, with the same live checks and memory matches as the
 * workspace. They are kept in the encrypted compose draft and sent just after the message as submissions; a second
 * translator certifies them like any other. The original stays the message as composed.
 */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../electron/common/settings';
import type { Finding } from '../../../electron/common/translation/findings';
import type { PresendTranslation } from '../../core/api';
import { TranslationSides } from '../translations/TranslationSides';
import type { SourceText } from '../translations/useLiveFindings';

export function PresendTranslations(props: {
  source: SourceText;
  translations: readonly PresendTranslation[];
  findings: readonly (readonly Finding[])[];
  onChange: (next: PresendTranslation[]) => void;
}) {
  const { t } = useTranslation('messages');
  const { source, translations, onChange } = props;
  const languageName = (language: Language) => t(`languageInText.${language}`, { ns: 'settings' });
  const addable = LANGUAGES.filter((language) => language !== source.lang && !translations.some((held) => held.lang === language));
  const edit = (lang: Language, patch: Partial<PresendTranslation>) => onChange(translations.map((held) => (held.lang === lang ? { ...held, ...patch } : held)));
  return (
    <fieldset className="form__field presend" data-testid="presend-translations">
      <legend>{t('compose.translations')}</legend>
      <p className="form__hint">{t('compose.translationsHint')}</p>
      {translations.map((translation, i) => (
        <section key={translation.lang} className="translation-editor" data-testid={`presend-translation-${translation.lang}`} aria-label={t('compose.translationInto', { language: languageName(translation.lang) })}>
          <h2>{t('compose.translationInto', { language: languageName(translation.lang) })}</h2>
          {translation.lang === source.lang && (
            <p className="form__error" data-testid="presend-same-language">
              {t('compose.translationSameLanguage')}
            </p>
          )}
          <TranslationSides source={source} lang={translation.lang} work={translation} findings={props.findings[i] ?? []} onEdit={(patch) => edit(translation.lang, patch)} saved={false} />
          <div className="form__actions">
            <button type="button" className="button" data-testid="presend-remove" onClick={() => onChange(translations.filter((held) => held.lang !== translation.lang))}>
              {t('compose.translationRemove')}
            </button>
          </div>
        </section>
      ))}
      <div className="form__actions">
        {addable.map((language) => (
          <button key={language} type="button" className="button" data-testid={`presend-add-${language}`} onClick={() => onChange([...translations, { lang: language, subject: '', body: '' }])}>
            {t('compose.translationAdd', { language: languageName(language) })}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
