/**
 * The workspace's editor for a message already received or sent: the translation beside its original with live
 * checks and memory matches (TranslationSides), kept sealed in the vault as it is typed, and submitted for
 * certification by a second translator. Submitting over findings takes a second press.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../electron/common/settings';
import type { MessageSummary } from '../../core/api';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useCoreAction } from '../../core-ui/useCoreAction';
import { TranslationSides } from './TranslationSides';
import { useLiveFindings } from './useLiveFindings';
import { useTranslationWork, type Work } from './useTranslationWork';

export function TranslationEditor(props: { message: MessageSummary; lang: Language; start: Work; onDone: () => void }) {
  const { t } = useTranslation('translation');
  const { message, lang } = props;
  const { work, edit, saved } = useTranslationWork(message.id, lang, props.start);
  const action = useCoreAction();
  const [confirming, setConfirming] = useState(false);
  const findings = useLiveFindings(message, lang, work);

  if (!work) return null;
  const submit = async () => {
    if (findings.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    const outcome = await action.run(() => getCore().submitTranslation(message.id, lang, work.subject, work.body));
    if (outcome.ok) props.onDone();
  };
  return (
    <section className="translation-editor" aria-labelledby="translation-editor-title" data-testid="translation-editor" data-lang={lang}>
      <h2 id="translation-editor-title">{t('workspace.translation', { language: t(`languageInText.${lang}`, { ns: 'settings' }) })}</h2>
      <TranslationSides source={message} lang={lang} work={work} findings={findings} onEdit={edit} saved={saved} />
      <div className="form__actions">
        <button type="button" className="button button--primary" data-testid="editor-submit" disabled={action.pending || work.body.trim() === ''} onClick={() => void submit()}>
          {confirming && findings.length > 0 ? t('workspace.submitWithFindings') : t('workspace.submit')}
        </button>
      </div>
      <ErrorMessage error={action.error} testId="editor-error" />
    </section>
  );
}
