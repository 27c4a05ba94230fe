/**
 * The fields of the chosen template. Locations, times and numbers are checked as they are typed and a problem is
 * shown under its field (translated, and announced); an empty required field is flagged only when sending.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { COOPERATION_SECTORS, QUANTITY_UNITS, type TemplateKind } from '../../../electron/common/message/template';
import { fieldProblem, TEMPLATE_FIELDS, type FieldProblem, type FieldSpec, type TemplateValues } from './template-form';
import { TIME_ZONE_CHOICES, type TimeZoneChoice } from './time-input';

export interface TemplateFieldsProps {
  readonly kind: TemplateKind;
  readonly values: TemplateValues;
  readonly zone: TimeZoneChoice;
  readonly lang: string;
  /** Problems found on sending (empty required fields among them). */
  readonly problems: Readonly<Record<string, FieldProblem>>;
  readonly onChange: (name: string, value: string) => void;
  readonly onZoneChange: (zone: TimeZoneChoice) => void;
}

export function TemplateFields(props: TemplateFieldsProps) {
  const { t } = useTranslation('messages');
  const zoneId = useId();
  const fields = TEMPLATE_FIELDS[props.kind];
  return (
    <fieldset className="form__group" data-testid="template-fields">
      <legend>{t(`template.kind.${props.kind}`)}</legend>
      {fields.some((field) => field.kind === 'time') && (
        <div className="form__field">
          <label htmlFor={zoneId}>{t('template.timeZone')}</label>
          <select id={zoneId} data-testid="template-zone" value={props.zone} onChange={(event) => props.onZoneChange(event.target.value as TimeZoneChoice)}>
            {TIME_ZONE_CHOICES.map((zone) => (
              <option key={zone} value={zone}>
                {t(`template.zone.${zone}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {fields.map((field) => (
        <TemplateField
          key={`${props.kind}-${field.name}`}
          field={field}
          value={props.values[field.name] ?? ''}
          zone={props.zone}
          lang={props.lang}
          problem={fieldProblem(field, props.values[field.name] ?? '', props.zone) ?? props.problems[field.name] ?? null}
          onChange={(value) => props.onChange(field.name, value)}
        />
      ))}
    </fieldset>
  );
}

function TemplateField(props: { field: FieldSpec; value: string; zone: TimeZoneChoice; lang: string; problem: FieldProblem | null; onChange: (value: string) => void }) {
  const { t } = useTranslation('messages');
  const ids = { input: useId(), hint: useId(), problem: useId() };
  const { field, problem } = props;
  const hint = field.kind === 'location' ? t('template.locationHint') : field.kind === 'time' && props.zone === 'UTC' ? t('template.dtgHint') : null;
  const describedBy = [hint === null ? null : ids.hint, problem === null ? null : ids.problem].filter(Boolean).join(' ') || undefined;
  const common = {
    id: ids.input,
    'data-testid': `template-${field.name}`,
    'aria-describedby': describedBy,
    'aria-invalid': problem !== null,
    value: props.value,
    onChange: (event: { target: { value: string } }) => props.onChange(event.target.value),
  };
  return (
    <div className="form__field">
      <label htmlFor={ids.input}>{t(`template.${field.name}`)}</label>
      {field.kind === 'longText' ? (
        <textarea {...common} rows={3} dir="auto" lang={props.lang} autoComplete="off" />
      ) : field.kind === 'sector' ? (
        <select {...common}>
          {COOPERATION_SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {t(`category.${sector}`)}
            </option>
          ))}
        </select>
      ) : field.kind === 'unit' ? (
        <select {...common}>
          {QUANTITY_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {t(`template.units.${unit}`)}
            </option>
          ))}
        </select>
      ) : field.kind === 'time' && props.zone !== 'UTC' ? (
        <input {...common} type="datetime-local" dir="ltr" autoComplete="off" />
      ) : (
        <input
          {...common}
          type="text"
          autoComplete="off"
          spellCheck={false}
          dir={field.kind === 'text' ? 'auto' : 'ltr'}
          lang={field.kind === 'text' ? props.lang : undefined}
          inputMode={field.kind === 'count' || field.kind === 'amount' ? 'decimal' : undefined}
        />
      )}
      {hint !== null && (
        <p id={ids.hint} className="form__hint">
          {hint}
        </p>
      )}
      {problem !== null && (
        <p id={ids.problem} className="form__error" role="alert" data-testid={`template-${field.name}-error`}>
          {problem.kind === 'location' ? t(`error.${problem.code}`, { ns: 'location' }) : t(problemKey[problem.kind])}
        </p>
      )}
    </div>
  );
}

const problemKey = { required: 'compose.required', time: 'template.invalidTime', number: 'compose.invalidNumber', order: 'compose.windowOrder' } as const;
