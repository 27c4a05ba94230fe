/**
 * The desk's channel policy: how long each precedence gives a post to acknowledge, and how often the line is checked.
 * Saving sends a signed policy to every post; it is in force once the relay has logged it, for messages relayed from
 * then on (deadlines already running keep theirs). Values are typed in minutes, in any digit set.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumber } from '../../../electron/common/digits';
import { PRECEDENCES, type Precedence } from '../../../electron/common/message/precedence';
import type { PolicyRules } from '../../../electron/common/message/policy';
import { Timestamp } from '../../components/Timestamp';
import { getCore } from '../../core/client';
import { ErrorMessage } from '../../core-ui/ErrorMessage';
import { usePolicy } from '../../core-ui/queries';
import { useCoreAction } from '../../core-ui/useCoreAction';

const MINUTE = 60_000;
type Field = Precedence | 'lineCheckInterval';
const FIELDS: readonly Field[] = [...PRECEDENCES, 'lineCheckInterval'];

const minutesOf = (rules: PolicyRules): Record<Field, string> => ({
  ...(Object.fromEntries(PRECEDENCES.map((precedence) => [precedence, String(rules.ackDeadlines[precedence] / MINUTE)])) as Record<Precedence, string>),
  lineCheckInterval: String(rules.lineCheckInterval / MINUTE),
});

/** The rules typed, or null if a field is not a whole number of minutes (the core checks the ranges). */
function rulesOf(values: Record<Field, string>): PolicyRules | null {
  const ms = (field: Field) => {
    const minutes = parseNumber(values[field]);
    return minutes !== null && Number.isInteger(minutes) ? minutes * MINUTE : null;
  };
  const all = FIELDS.map(ms);
  if (all.some((value) => value === null)) return null;
  const ackDeadlines = Object.fromEntries(PRECEDENCES.map((precedence, i) => [precedence, all[i]!])) as Record<Precedence, number>;
  return { ackDeadlines, lineCheckInterval: all[PRECEDENCES.length]! };
}

export function PolicyPanel() {
  const { t } = useTranslation('desk');
  const { data, error } = usePolicy();
  /**
   * What the supervisor typed over the policy set at `base`; until then the form shows the policy in force. A policy
   * newly in force (this desk's, back through the log, or another supervisor's) replaces what was typed over the old.
   */
  const [edits, setEdits] = useState<{ readonly base: number | null; readonly values: Record<Field, string> } | null>(null);
  const [sent, setSent] = useState(false);
  const action = useCoreAction();
  const baseId = useId();
  const setAt = data?.setAt ?? null;
  const values = edits && edits.base === setAt ? edits.values : data ? minutesOf(data.rules) : null;
  const rules = values ? rulesOf(values) : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rules) return;
    const outcome = await action.run(() => getCore().setPolicy(rules));
    setSent(outcome.ok);
  };
  return (
    <section className="panel" aria-labelledby="policy-title" data-testid="policy">
      <h2 id="policy-title" className="panel__title">
        {t('policy.title')}
      </h2>
      <p>{t('policy.intro')}</p>
      {data && (
        <p data-testid="policy-set">
          {data.setAt === null ? (
            t('policy.defaults')
          ) : (
            <>
              <span>{t('policy.setBy')}</span> <bdi>{data.setBy}</bdi> <Timestamp at={data.setAt} testId="policy-set-at" />
            </>
          )}
        </p>
      )}
      {values && (
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="form__row">
            {FIELDS.map((field) => (
              <div key={field} className="form__field">
                <label htmlFor={`${baseId}-${field}`}>{field === 'lineCheckInterval' ? t('policy.lineCheckInterval') : t('policy.deadline', { precedence: t(`precedence.${field}`, { ns: 'messages' }) })}</label>
                <input
                  id={`${baseId}-${field}`}
                  inputMode="numeric"
                  autoComplete="off"
                  dir="ltr"
                  data-testid={`policy-${field}`}
                  value={values[field]}
                  aria-invalid={parseNumber(values[field]) === null}
                  onChange={(event) => {
                    setSent(false);
                    setEdits({ base: setAt, values: { ...values, [field]: event.target.value } });
                  }}
                />
              </div>
            ))}
          </div>
          <p className="form__hint">{t('policy.hint')}</p>
          {rules === null && (
            <p className="error" role="alert" data-testid="policy-not-number">
              {t('policy.notNumber')}
            </p>
          )}
          <div className="form__actions">
            <button type="submit" className="button button--primary" data-testid="policy-save" disabled={action.pending || rules === null}>
              {t('policy.save')}
            </button>
          </div>
          {sent && (
            <p role="status" data-testid="policy-sent">
              {t('policy.sent')}
            </p>
          )}
        </form>
      )}
      <ErrorMessage error={action.error ?? error} testId="policy-error" />
    </section>
  );
}
