/**
 * Safety-check findings in the reader's language. Each value (a number, a coordinate, a term) is inserted as a
 * first-strong isolate, so a left-to-right number inside right-to-left text, or a Hebrew term inside an Arabic
 * sentence, keeps its own order and cannot reorder the words around it.
 */
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../electron/common/translation/findings';

const isolate = (value: string): string => `\u2068${value}\u2069`;

/** The finding's values, isolated, as the interpolation options of its message (values are never escaped twice: React escapes). */
const isolated = (values: Readonly<Record<string, string>>) => ({
  value: isolate(values.value ?? ''),
  unit: isolate(values.unit ?? ''),
  term: isolate(values.term ?? ''),
  expected: isolate(values.expected ?? ''),
  found: isolate(values.found ?? ''),
  place: isolate(values.place ?? ''),
  text: isolate(values.text ?? ''),
  interpolation: { escapeValue: false },
});

export function FindingList(props: { findings: readonly Finding[]; testId: string }) {
  const { t } = useTranslation('translation');
  if (props.findings.length === 0) {
    return (
      <p className="findings findings--clean" data-testid={props.testId} data-count="0">
        {t('workspace.clean')}
      </p>
    );
  }
  return (
    <ul className="findings" data-testid={props.testId} data-count={props.findings.length}>
      {props.findings.map((finding, i) => (
        <li key={`${finding.code}-${i}`} className="finding" data-check={finding.check} data-testid="finding">
          <strong>{t(`check.${finding.check}`)}</strong>{' '}
          <span>{t(`finding.${finding.code}`, isolated(finding.values))}</span>
        </li>
      ))}
    </ul>
  );
}
