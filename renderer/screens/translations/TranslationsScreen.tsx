/**
 * The translation workspace: the languages this translator covers, the queue of messages needing a translation into
 * them (most urgent, then oldest, first), and for the one chosen, the editor — or, once a translation is submitted,
 * its review by a second translator.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../electron/common/settings';
import type { Identity, MessageSummary } from '../../core/api';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useMessage, useTranslationQueue, useTranslatorLanguages } from '../../core-ui/queries';
import { useCoreAction } from '../../core-ui/useCoreAction';
import { GlossaryPanel } from './GlossaryPanel';
import { MemoryExport } from './MemoryExport';
import { ReviewPanel } from './ReviewPanel';
import { TranslationEditor } from './TranslationEditor';

interface Open {
  readonly messageId: string;
  readonly lang: Language;
}

export function TranslationsScreen(props: { identity: Identity }) {
  const { t } = useTranslation('translation');
  const [open, setOpen] = useState<Open | null>(null);
  const isTranslator = props.identity.roles.includes('translator');
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" className="screen__title">
        {t('translations.title', { ns: 'screens' })}
      </h1>
      {!isTranslator ? (
        <p data-testid="workspace-not-translator">{t('workspace.notTranslator')}</p>
      ) : open ? (
        <OpenTranslation open={open} onBack={() => setOpen(null)} />
      ) : (
        <>
          <LanguagesCovered />
          <Queue onOpen={setOpen} />
          <MemoryExport />
        </>
      )}
      {!open && <GlossaryPanel canEdit={isTranslator || props.identity.roles.includes('supervisor')} />}
    </section>
  );
}

function LanguagesCovered() {
  const { t } = useTranslation('translation');
  const { data } = useTranslatorLanguages();
  const action = useCoreAction();
  /**
   * What was just chosen, shown at once while the core stores it (a checkbox must follow the click), until a read
   * says the same. Not until the next read: one asked before the change can answer after the click, and showing it
   * would undo the tick on screen.
   */
  const [chosen, setChosen] = useState<readonly Language[] | null>(null);
  if (!data) return null;
  // Stored and read back: the read takes over again (set during render, React's way to adjust state to new data).
  if (chosen !== null && sameLanguages(chosen, data)) setChosen(null);
  const shown = chosen ?? data;
  const toggle = async (language: Language, on: boolean) => {
    const next = on ? [...shown, language] : shown.filter((held) => held !== language);
    setChosen(next);
    const outcome = await action.run(() => getCore().setTranslatorLanguages(next));
    if (!outcome.ok) setChosen(null);
  };
  return (
    <fieldset className="form__field form__choices" data-testid="workspace-languages">
      <legend>{t('workspace.languages')}</legend>
      {LANGUAGES.map((language) => (
        <label key={language} className="form__choice">
          <input type="checkbox" data-testid={`workspace-language-${language}`} checked={shown.includes(language)} onChange={(event) => void toggle(language, event.target.checked)} />
          <span lang={language}>{t(`languageName.${language}`, { ns: 'settings' })}</span>
        </label>
      ))}
      <ErrorMessage error={action.error} testId="workspace-languages-error" />
    </fieldset>
  );
}

const sameLanguages = (a: readonly Language[], b: readonly Language[]): boolean => a.length === b.length && a.every((language) => b.includes(language));

function Queue(props: { onOpen: (open: Open) => void }) {
  const { t } = useTranslation('translation');
  const { data, error } = useTranslationQueue();
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('workspace.queue')}</h2>
      <p>{t('workspace.intro')}</p>
      <ErrorMessage error={error} testId="queue-error" />
      {data?.length === 0 && <p data-testid="queue-empty">{t('workspace.queueEmpty')}</p>}
      <ol className="translation-queue" data-testid="translation-queue">
        {data?.map(({ message, languages }) => (
          <li key={message.id} data-testid={`queue-${message.id}`}>
            <span className="badge badge--precedence" data-precedence={message.precedence}>
              {t(`precedence.${message.precedence}`, { ns: 'messages' })}
            </span>{' '}
            <bdi dir="auto" lang={message.lang} data-testid="queue-subject">
              {message.subject}
            </bdi>
            <div className="form__actions">
              {languages.map((language) => (
                <button key={language} type="button" className="button" data-testid={`queue-translate-${language}`} onClick={() => props.onOpen({ messageId: message.id, lang: language })}>
                  <StageOf message={message} lang={language} />
                </button>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function StageOf(props: { message: MessageSummary; lang: Language }) {
  const { t } = useTranslation('translation');
  const stage = props.message.translations.find((translation) => translation.lang === props.lang)?.stage;
  const language = t(`languageInText.${props.lang}`, { ns: 'settings' });
  return <span data-testid={`queue-stage-${props.lang}`}>{t('workspace.stageOf', { language, stage: stage ? t(`stage.${stage}`) : t('workspace.needed') })}</span>;
}

function OpenTranslation(props: { open: Open; onBack: () => void }) {
  const { t } = useTranslation('translation');
  const { data: message } = useMessage(props.open.messageId);
  if (!message) return null;
  const current = message.translations.find((translation) => translation.lang === props.open.lang);
  // A returned translation is reworked from what was submitted; a fresh one starts from nothing.
  const start = current?.stage === 'returned' ? { subject: current.subject, body: current.body } : { subject: '', body: '' };
  return (
    <>
      <button type="button" className="button button--link" data-testid="workspace-back" onClick={props.onBack}>
        {t('workspace.back')}
      </button>
      {current?.stage === 'submitted' ? (
        <ReviewPanel message={message} translation={current} onDone={props.onBack} />
      ) : current?.stage === 'certified' ? null : (
        <TranslationEditor message={message} lang={props.open.lang} start={start} onDone={props.onBack} />
      )}
    </>
  );
}
