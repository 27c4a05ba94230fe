// What a safety check reports (DESIGN §4). A finding carries a machine-readable code and its values, so the UI can
// word it in any of the three languages; `detail` is the English wording, for the command line and logs.

/** The check kinds, in the order findings are reported. */
export const CHECK_KINDS = ['empty', 'number', 'coordinate', 'time', 'date', 'unit', 'glossary', 'forbidden', 'place', 'question', 'untranslated'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** Each code with the check it belongs to and its English template; `{name}` is replaced by the value of that name. */
const TEMPLATES = {
  emptyTranslation: ['empty', 'the translation is empty'],
  emptyOriginal: ['empty', 'the original is empty'],
  numberMissing: ['number', 'the number {value} of the original is missing from the translation'],
  numberExtra: ['number', 'the number {value} of the translation is not in the original'],
  coordinateMissing: ['coordinate', 'the coordinate {value} of the original is missing from the translation'],
  coordinateExtra: ['coordinate', 'the coordinate {value} of the translation is not in the original'],
  timeMissing: ['time', 'the time {value} of the original is missing from the translation (same value, same zone)'],
  timeExtra: ['time', 'the time {value} of the translation is not in the original, nor a conversion of one of its times'],
  dtgMissing: ['time', 'the date-time group {value} of the original is missing from the translation'],
  dtgExtra: ['time', 'the date-time group {value} of the translation is not in the original'],
  dateMissing: ['date', 'the date {value} of the original is missing from the translation'],
  dateExtra: ['date', 'the date {value} of the translation is not in the original'],
  unitMissing: ['unit', 'the quantity {value} {unit} of the original is not in the translation with that unit'],
  unitExtra: ['unit', 'the quantity {value} {unit} of the translation is not in the original with that unit'],
  termMissing: ['glossary', '"{term}" of the original is not translated with the agreed term "{expected}"'],
  termForbidden: ['forbidden', '"{found}" is a forbidden variant for "{term}"; the agreed term is "{expected}"'],
  placeMissing: ['place', 'the place "{place}" of the original is not named with its agreed form "{expected}"'],
  placeVariant: ['place', 'the place "{place}" is written "{found}" in the translation; the agreed form is "{expected}"'],
  questionLost: ['question', 'the original is a question but the translation has no question mark'],
  questionAdded: ['question', 'the translation is a question but the original has no question mark'],
  untranslated: ['untranslated', '"{text}" is left in the script of the original'],
} as const satisfies Record<string, readonly [CheckKind, string]>;

export type FindingCode = keyof typeof TEMPLATES;

export interface Finding {
  readonly check: CheckKind;
  readonly code: FindingCode;
  readonly values: Readonly<Record<string, string>>;
  /** English, for the command line. */
  readonly detail: string;
}

export function finding(code: FindingCode, values: Readonly<Record<string, string>> = {}): Finding {
  const [check, template] = TEMPLATES[code];
  const detail = template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  return { check, code, values, detail };
}

/** Findings in the order of CHECK_KINDS, each check's own order (order of appearance) kept: a stable output. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => CHECK_KINDS.indexOf(f.check);
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}
