/**
 * The compose form's template fields: what each template asks for, and the step from what was typed (strings) to
 * the template's data, with a reason for every field that is not right yet. Pure, so the rules are tested without a
 * screen; the schema in electron/common then checks the data again before it is queued.
 */
import { parseNumber } from '../../../electron/common/digits';
import { parseLocation, type LocationErrorCode } from '../../../electron/common/geo/location';
import { COOPERATION_SECTORS, QUANTITY_UNITS, TemplateData, type TemplateKind } from '../../../electron/common/message/template';
import { parseTimeInput, type TimeZoneChoice } from './time-input';

export type FieldKind = 'text' | 'longText' | 'location' | 'time' | 'count' | 'amount' | 'sector' | 'unit';

/** Each names its label, `messages:template.<name>`. */
export type FieldName =
  | 'activity' | 'area' | 'from' | 'until' | 'contact'
  | 'what' | 'where' | 'when' | 'casualties' | 'request'
  | 'sector' | 'need' | 'amount' | 'unit' | 'location' | 'deadline';

export interface FieldSpec {
  readonly name: FieldName;
  readonly kind: FieldKind;
  readonly optional?: boolean;
}

export const TEMPLATE_FIELDS: Readonly<Record<TemplateKind, readonly FieldSpec[]>> = {
  'planned-activity': [
    { name: 'activity', kind: 'longText' },
    { name: 'area', kind: 'location' },
    { name: 'from', kind: 'time' },
    { name: 'until', kind: 'time' },
    { name: 'contact', kind: 'text' },
  ],
  incident: [
    { name: 'what', kind: 'longText' },
    { name: 'where', kind: 'location' },
    { name: 'when', kind: 'time' },
    { name: 'casualties', kind: 'count', optional: true },
    { name: 'request', kind: 'longText', optional: true },
  ],
  cooperation: [
    { name: 'sector', kind: 'sector' },
    { name: 'need', kind: 'longText' },
    { name: 'amount', kind: 'amount' },
    { name: 'unit', kind: 'unit' },
    { name: 'location', kind: 'location' },
    { name: 'deadline', kind: 'time' },
  ],
};

/** Why a field is not right: a key of the `messages` namespace, or a location error of the `location` namespace. */
export type FieldProblem = { readonly kind: 'required' | 'time' | 'number' | 'order' } | { readonly kind: 'location'; readonly code: LocationErrorCode };

export type TemplateValues = Readonly<Record<string, string>>;

/** The first values of a new form: a choice field starts on its first option. */
export function initialValues(kind: TemplateKind): Record<string, string> {
  return Object.fromEntries(TEMPLATE_FIELDS[kind].map((field) => [field.name, field.kind === 'sector' ? COOPERATION_SECTORS[0] : field.kind === 'unit' ? QUANTITY_UNITS[0] : '']));
}

/** One field's problem, as soon as something is typed (an empty required field is flagged only on sending). */
export function fieldProblem(field: FieldSpec, value: string, zone: TimeZoneChoice): FieldProblem | null {
  if (value.trim() === '') return null;
  switch (field.kind) {
    case 'location': {
      const parsed = parseLocation(value);
      return parsed.ok ? null : { kind: 'location', code: parsed.error };
    }
    case 'time':
      return parseTimeInput(value, zone) === null ? { kind: 'time' } : null;
    case 'count': {
      const n = parseNumber(value);
      return n === null || !Number.isInteger(n) || n < 0 ? { kind: 'number' } : null;
    }
    case 'amount': {
      const n = parseNumber(value);
      return n === null || !(n > 0) ? { kind: 'number' } : null;
    }
    default:
      return null;
  }
}

export type BuiltTemplate = { readonly ok: true; readonly template: TemplateData } | { readonly ok: false; readonly problems: Readonly<Record<string, FieldProblem>> };

/** The template's data from the form, or every field's problem. */
export function buildTemplate(kind: TemplateKind, values: TemplateValues, zone: TimeZoneChoice): BuiltTemplate {
  const problems: Record<string, FieldProblem> = {};
  for (const field of TEMPLATE_FIELDS[kind]) {
    const value = values[field.name] ?? '';
    const problem = value.trim() === '' ? (field.optional ? null : { kind: 'required' as const }) : fieldProblem(field, value, zone);
    if (problem) problems[field.name] = problem;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const text = (name: string) => (values[name] ?? '').trim();
  const at = (name: string) => parseTimeInput(text(name), zone)!;
  const data =
    kind === 'planned-activity'
      ? { kind, activity: text('activity'), area: text('area'), from: at('from'), until: at('until'), contact: text('contact') }
      : kind === 'incident'
        ? { kind, what: text('what'), where: text('where'), when: at('when'), casualties: text('casualties') === '' ? null : parseNumber(text('casualties')), request: text('request') }
        : {
            kind,
            sector: text('sector'),
            need: text('need'),
            quantity: { amount: parseNumber(text('amount')), unit: text('unit') },
            location: text('location'),
            deadline: at('deadline'),
          };
  const parsed = TemplateData.safeParse(data);
  if (parsed.success) return { ok: true, template: parsed.data };
  // What the schema refuses beyond the checks above: a window that ends before it starts, an over-long field.
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'quantity' ? 'amount' : String(issue.path[0] ?? '');
    problems[field] = field === 'until' ? { kind: 'order' } : { kind: 'required' };
  }
  return { ok: false, problems };
}
