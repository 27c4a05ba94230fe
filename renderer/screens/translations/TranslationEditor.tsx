/**
 * The side-by-side editor: the original (never editable) beside the translation, each in its own direction, aligned
 * sentence by sentence; the sentence the caret is in is highlighted on both sides. The safety checks run as the
 * translator types, the translation memory offers certified sentences like the current one, and the work is kept
 * sealed in the vault as it is typed.
 */
import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alignSegments, counterpartOf } from '../../../electron/common/translation/align';
import { checkedWhole } from '../../../electron/common/translation/certification';
import { runSafetyChecks } from '../../../electron/common/translation/safety-checks';
import { segmentAt, segmentSentences } from '../../../electron/common/translation/segment';
import { directionOf, type Language } from '../../../electron/common/settings';
import type { FuzzyMatch, MessageSummary } from '../../core/api';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useCoreAction } from '../../core-ui/useCoreAction';
import { FindingList } from './FindingList';
import { useTerminology } from './useTerminology';
import { SentenceText } from './SentenceText';
import { useTranslationWork, type Work } from './useTranslationWork';

export function TranslationEditor(props: { message: MessageSummary; lang: Language; start: Work; onDone: () => void }) {
  const { t } = useTranslation('translation');
  const { message, lang } = props;
  const { work, edit, saved } = useTranslationWork(message.id, lang, props.start);
  const [caret, setCaret] = useState(0);
  const ids = { subject: useId(), body: useId() };
  const action = useCoreAction();
  const [confirming, setConfirming] = useState(false);
  const languageName = (language: Language) => t(`languageName.${language}`, { ns: 'settings' });

  const sourceSegments = useMemo(() => segmentSentences(message.body), [message.body]);
  const body = work?.body ?? '';
  const targetSegments = useMemo(() => segmentSentences(body), [body]);
  const groups = useMemo(() => alignSegments(sourceSegments, targetSegments), [sourceSegments, targetSegments]);
  const targetIndex = segmentAt(targetSegments, caret);
  const sourceCurrent = targetIndex < 0 ? [] : counterpartOf(groups, 'target', targetIndex);
  // The checks follow typing a beat behind, so a long message never slows the keys down.
  const checked = useDeferredValue(work);
  const terminology = useTerminology();
  const findings = useMemo(
    () => (checked ? runSafetyChecks({ source: { lang: message.lang, text: checkedWhole(message) }, target: { lang, text: checkedWhole(checked) } }, terminology) : []),
    [checked, message, lang, terminology],
  );
  const matches = useMemoryMatches(message.lang, lang, sourceCurrent.length === 1 ? sourceSegments[sourceCurrent[0]!]!.text : '');

  if (!work) return null;
  const submit = async () => {
    if (findings.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    const outcome = await action.run(() => getCore().submitTranslation(message.id, lang, work.subject, work.body));
    if (outcome.ok) props.onDone();
  };
  const insert = (text: string) => edit({ body: body.slice(0, caret) + text + body.slice(caret) });
  return (
    <section className="translation-editor" aria-labelledby="translation-editor-title" data-testid="translation-editor" data-lang={lang}>
      <h2 id="translation-editor-title">{t('workspace.translation', { language: languageName(lang) })}</h2>
      <div className="translation-editor__sides">
        <div className="translation-editor__side" lang={message.lang} dir={directionOf(message.lang)} data-testid="editor-original">
          <h3>{t('workspace.original', { language: languageName(message.lang) })}</h3>
          <p className="translation-editor__subject">{message.subject}</p>
          <p className="translation-editor__text">
            <SentenceText text={message.body} segments={sourceSegments} current={sourceCurrent} testId="editor-original-sentence" />
          </p>
        </div>
        <div className="translation-editor__side" lang={lang} dir={directionOf(lang)}>
          <div className="form__field">
            <label htmlFor={ids.subject}>{t('workspace.subject')}</label>
            <input id={ids.subject} autoComplete="off" data-testid="editor-subject" value={work.subject} onChange={(event) => edit({ subject: event.target.value })} />
          </div>
          <div className="form__field">
            <label htmlFor={ids.body}>{t('workspace.body')}</label>
            <div className="backdrop-wrap">
              <div className="backdrop" aria-hidden="true">
                <SentenceText text={body} segments={targetSegments} current={targetIndex < 0 ? [] : [targetIndex]} />
              </div>
              <textarea
                id={ids.body}
                autoComplete="off"
                rows={8}
                data-testid="editor-body"
                value={body}
                onChange={(event) => {
                  edit({ body: event.target.value });
                  setCaret(event.target.selectionStart);
                }}
                onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
              />
            </div>
          </div>
          {saved && (
            <p className="form__hint" role="status" data-testid="editor-saved">
              {t('workspace.saved')}
            </p>
          )}
        </div>
      </div>
      <section aria-labelledby="editor-checks-title">
        <h3 id="editor-checks-title">{t('workspace.checks')}</h3>
        <FindingList findings={findings} testId="editor-findings" />
      </section>
      <section aria-labelledby="editor-matches-title">
        <h3 id="editor-matches-title">{t('workspace.matches')}</h3>
        {matches.length === 0 ? (
          <p data-testid="editor-no-matches">{t('workspace.noMatches')}</p>
        ) : (
          <ul className="memory-matches" data-testid="editor-matches">
            {matches.map((match, i) => (
              <li key={i}>
                <span>{t('workspace.similarity', { percent: new Intl.NumberFormat(undefined, { style: 'percent' }).format(match.similarity) })}</span>{' '}
                <bdi dir="auto" lang={match.source.lang}>{match.source.text}</bdi>
                <br />
                <bdi dir="auto" lang={match.target.lang} data-testid="editor-match-target">
                  {match.target.text}
                </bdi>
                {match.numbersDiffer && <strong className="badge badge--overdue">{t('workspace.numbersDiffer')}</strong>}{' '}
                <button type="button" className="button" onClick={() => insert(match.target.text)}>
                  {t('workspace.insert')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="form__actions">
        <button type="button" className="button button--primary" data-testid="editor-submit" disabled={action.pending || body.trim() === ''} onClick={() => void submit()}>
          {confirming && findings.length > 0 ? t('workspace.submitWithFindings') : t('workspace.submit')}
        </button>
      </div>
      <ErrorMessage error={action.error} testId="editor-error" />
    </section>
  );
}

const NO_MATCHES: readonly FuzzyMatch[] = [];

/** The memory's matches for the original's current sentence, asked for when that sentence changes. */
function useMemoryMatches(sourceLang: Language, targetLang: Language, sentence: string): readonly FuzzyMatch[] {
  const [found, setFound] = useState<{ sentence: string; matches: readonly FuzzyMatch[] }>({ sentence: '', matches: NO_MATCHES });
  useEffect(() => {
    if (sentence.trim() === '') return;
    let live = true;
    getCore()
      .memoryMatches(sourceLang, targetLang, sentence)
      .then((matches) => live && setFound({ sentence, matches }))
      .catch((error: unknown) => console.error('memory not searched', error));
    return () => {
      live = false;
    };
  }, [sourceLang, targetLang, sentence]);
  return found.sentence === sentence ? found.matches : NO_MATCHES;
}
