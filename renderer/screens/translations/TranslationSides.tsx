/**
 * A translation being written beside its original: the original (never editable) and the translation, each in its
 * own direction, aligned sentence by sentence, the sentence the caret is in highlighted on both sides; under them the
 * live safety-check findings and the translation memory's matches for the current sentence. Used by the workspace's
 * editor (after receipt) and by the composer (before sending); the caller keeps the text and acts on it.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alignSegments, counterpartOf } from '../../../electron/common/translation/align';
import type { Finding } from '../../../electron/common/translation/findings';
import { segmentAt, segmentSentences } from '../../../electron/common/translation/segment';
import { directionOf, type Language } from '../../../electron/common/settings';
import type { FuzzyMatch } from '../../core/api';
import { getCore } from '../../core/client';
import { FindingList } from './FindingList';
import { SentenceText } from './SentenceText';
import type { SourceText, TranslatedText } from './useLiveFindings';

export function TranslationSides(props: {
  source: SourceText;
  lang: Language;
  work: TranslatedText;
  findings: readonly Finding[];
  onEdit: (patch: Partial<TranslatedText>) => void;
  /** Shown under the translation once what was typed is kept in the vault. */
  saved: boolean;
}) {
  const { t } = useTranslation('translation');
  const { source, lang, work, onEdit } = props;
  const [caret, setCaret] = useState(0);
  const ids = { subject: useId(), body: useId() };
  const languageName = (language: Language) => t(`languageInText.${language}`, { ns: 'settings' });

  const sourceSegments = useMemo(() => segmentSentences(source.body), [source.body]);
  const body = work.body;
  const targetSegments = useMemo(() => segmentSentences(body), [body]);
  const groups = useMemo(() => alignSegments(sourceSegments, targetSegments), [sourceSegments, targetSegments]);
  const targetIndex = segmentAt(targetSegments, caret);
  const sourceCurrent = targetIndex < 0 ? [] : counterpartOf(groups, 'target', targetIndex);
  const matches = useMemoryMatches(source.lang, lang, sourceCurrent.length === 1 ? sourceSegments[sourceCurrent[0]!]!.text : '');
  const insert = (text: string) => onEdit({ body: body.slice(0, caret) + text + body.slice(caret) });

  return (
    <>
      <div className="translation-editor__sides">
        <div className="translation-editor__side" lang={source.lang} dir={directionOf(source.lang)} data-testid="editor-original">
          <h3>{t('workspace.original', { language: languageName(source.lang) })}</h3>
          <p className="translation-editor__subject">{source.subject}</p>
          <p className="translation-editor__text">
            <SentenceText text={source.body} segments={sourceSegments} current={sourceCurrent} testId="editor-original-sentence" />
          </p>
        </div>
        <div className="translation-editor__side" lang={lang} dir={directionOf(lang)}>
          <div className="form__field">
            <label htmlFor={ids.subject}>{t('workspace.subject')}</label>
            <input id={ids.subject} autoComplete="off" data-testid="editor-subject" value={work.subject} onChange={(event) => onEdit({ subject: event.target.value })} />
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
                  onEdit({ body: event.target.value });
                  setCaret(event.target.selectionStart);
                }}
                onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
              />
            </div>
          </div>
          {props.saved && (
            <p className="form__hint" role="status" data-testid="editor-saved">
              {t('workspace.saved')}
            </p>
          )}
        </div>
      </div>
      <section aria-label={t('workspace.checks')}>
        <h3>{t('workspace.checks')}</h3>
        <FindingList findings={props.findings} testId="editor-findings" />
      </section>
      <section aria-label={t('workspace.matches')}>
        <h3>{t('workspace.matches')}</h3>
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
    </>
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
