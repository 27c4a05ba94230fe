/**
 * A submitted translation under review by a second translator: the text as submitted, the safety checks run again
 * on it, a written reason for each failed check the certifier accepts, and certify or return (with a comment). The
 * core refuses what every client would refuse — a translator certifying their own work, a failed check without a
 * reason — and says why.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkedWhole } from '../../../electron/common/translation/certification';
import type { CheckKind } from '../../../electron/common/translation/findings';
import { runSafetyChecks } from '../../../electron/common/translation/safety-checks';
import { directionOf } from '../../../electron/common/settings';
import type { MessageSummary } from '../../core/api';
import type { TranslationSummary } from '../../core/messages/translation-view';
import { getCore } from '../../core/client';
import { Timestamp } from '../../components/Timestamp';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { useCoreAction } from '../../core-ui/useCoreAction';
import { FindingList } from './FindingList';
import { useTerminology } from './useTerminology';

export function ReviewPanel(props: { message: MessageSummary; translation: TranslationSummary; onDone: () => void }) {
  const { t } = useTranslation('translation');
  const { message, translation } = props;
  const terminology = useTerminology();
  const findings = useMemo(
    () => runSafetyChecks({ source: { lang: message.lang, text: checkedWhole(message) }, target: { lang: translation.lang, text: checkedWhole(translation) } }, terminology),
    [message, translation, terminology],
  );
  const failed = [...new Set(findings.map((finding) => finding.check))];
  const [reasons, setReasons] = useState<Partial<Record<CheckKind, string>>>({});
  const [comment, setComment] = useState('');
  const action = useCoreAction();
  const review = async (verdict: 'certified' | 'returned') => {
    const overrides = verdict === 'certified' ? failed.flatMap((check) => (reasons[check]?.trim() ? [{ check, reason: reasons[check]!.trim() }] : [])) : [];
    const outcome = await action.run(() => getCore().reviewTranslation({ messageId: message.id, submissionId: translation.id!, verdict, comment, overrides }));
    if (outcome.ok) props.onDone();
  };
  return (
    <section className="review-panel" aria-labelledby="review-title" data-testid="review-panel" data-lang={translation.lang}>
      <h2 id="review-title">{t('workspace.review')}</h2>
      <p>{t('workspace.reviewIntro')}</p>
      <p>
        <span>{t('workspace.submittedBy')}</span> <bdi>{translation.translator.deviceName}</bdi> <Timestamp at={translation.translator.at} />
      </p>
      <div className="translation-editor__side" lang={translation.lang} dir={directionOf(translation.lang)} data-testid="review-text">
        <p className="translation-editor__subject">{translation.subject}</p>
        <p className="translation-editor__text">{translation.body}</p>
      </div>
      <h3>{t('workspace.checks')}</h3>
      <FindingList findings={findings} testId="review-findings" />
      {failed.map((check) => (
        <div className="form__field" key={check}>
          <label htmlFor={`review-reason-${check}`}>{t('workspace.reason', { check: t(`check.${check}`) })}</label>
          <input
            id={`review-reason-${check}`}
            autoComplete="off"
            dir="auto"
            data-testid={`review-reason-${check}`}
            value={reasons[check] ?? ''}
            onChange={(event) => setReasons({ ...reasons, [check]: event.target.value })}
          />
        </div>
      ))}
      <div className="form__field">
        <label htmlFor="review-comment">{t('workspace.comment')}</label>
        <textarea id="review-comment" autoComplete="off" dir="auto" rows={2} data-testid="review-comment" value={comment} onChange={(event) => setComment(event.target.value)} />
      </div>
      <div className="form__actions">
        <button type="button" className="button button--primary" data-testid="review-certify" disabled={action.pending} onClick={() => void review('certified')}>
          {t('workspace.certify')}
        </button>
        <button type="button" className="button" data-testid="review-return" disabled={action.pending} onClick={() => void review('returned')}>
          {t('workspace.return')}
        </button>
      </div>
      <ErrorMessage error={action.error} testId="review-error" />
    </section>
  );
}
