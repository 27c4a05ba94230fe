/**
 * A templated message as a reader sees it, in the reader's language: one line per field, each a label and a value
 * made of parts. Labels, units and the words around times come from the locale; every number, place and time is
 * formatted from the message's data, and marked as a left-to-right part so that the screen isolates it. The same data
 * gives the same values in Hebrew, Arabic and English: only the words around them change (and the digit style, which
 * is the reader's pinned preference).
 *
 * Free-text fields are the author's words, shown as written in the author's language.
 */
import type { TFunction } from 'i18next';
import { formatNumber, type DigitStyle } from '../../electron/common/digits';
import { parseLocation } from '../../electron/common/geo/location';
import type { TemplateData } from '../../electron/common/message/template';
import { formatDtg, formatLocalTime, POST_TIME_ZONES } from '../../electron/common/time/dtg';

export interface ValuePart {
  readonly text: string;
  /** A number, place or time: shown as a left-to-right isolate. */
  readonly ltr: boolean;
}

export interface TemplateLine {
  readonly field: FieldName;
  readonly label: string;
  readonly parts: readonly ValuePart[];
  /** The author's own words (shown with the author's language and direction). */
  readonly authored: boolean;
}

export interface LineFormat {
  readonly t: TFunction;
  readonly locale: string;
  readonly digits: DigitStyle;
}

const word = (text: string): ValuePart => ({ text, ltr: false });
const ltr = (text: string): ValuePart => ({ text, ltr: true });

/** A location in its canonical ASCII form (what the translation checks compare), as typed if it no longer parses. */
function place(text: string): ValuePart[] {
  const parsed = parseLocation(text);
  return [ltr(parsed.ok ? parsed.canonical : text)];
}

/** The DTG (UTC, ASCII, authoritative), then the local time at each post in the reader's digits. */
function time(at: number, format: LineFormat): ValuePart[] {
  const local = (zone: string) => formatLocalTime(at, zone, { locale: format.locale, digits: format.digits });
  return [
    ltr(formatDtg(at)),
    word(` · ${format.t('clock.jerusalem', { ns: 'common' })} `),
    ltr(local(POST_TIME_ZONES.IL)),
    word(` · ${format.t('clock.damascus', { ns: 'common' })} `),
    ltr(local(POST_TIME_ZONES.SY)),
  ];
}

/** The labelled fields of every template (keys of `messages:template`). */
type FieldName =
  | 'activity' | 'area' | 'from' | 'until' | 'contact'
  | 'what' | 'where' | 'when' | 'casualties' | 'request'
  | 'sector' | 'need' | 'quantity' | 'location' | 'deadline';

export function templateLines(template: TemplateData, format: LineFormat): TemplateLine[] {
  const { t } = format;
  const line = (field: FieldName, parts: readonly ValuePart[], authored = false): TemplateLine => ({ field, label: t(`template.${field}`, { ns: 'messages' }), parts, authored });
  const authored = (field: FieldName, text: string) => line(field, [word(text)], true);
  switch (template.kind) {
    case 'planned-activity':
      return [
        authored('activity', template.activity),
        line('area', place(template.area)),
        line('from', time(template.from, format)),
        line('until', time(template.until, format)),
        authored('contact', template.contact),
      ];
    case 'incident':
      return [
        authored('what', template.what),
        line('where', place(template.where)),
        line('when', time(template.when, format)),
        line('casualties', template.casualties === null ? [word(t('template.casualtiesUnknown', { ns: 'messages' }))] : [ltr(formatNumber(template.casualties, format.digits))]),
        ...(template.request.length > 0 ? [authored('request', template.request)] : []),
      ];
    case 'cooperation':
      return [
        line('sector', [word(t(`category.${template.sector}`, { ns: 'messages' }))]),
        authored('need', template.need),
        line('quantity', [ltr(formatNumber(template.quantity.amount, format.digits, { maximumFractionDigits: 3 })), word(` ${t(`template.units.${template.quantity.unit}`, { ns: 'messages' })}`)]),
        line('location', place(template.location)),
        line('deadline', time(template.deadline, format)),
      ];
  }
}

/** The lines as plain text (a notification, a copy to the clipboard): label, then value. */
export const linesAsText = (lines: readonly TemplateLine[]): string => lines.map((item) => `${item.label}: ${item.parts.map((part) => part.text).join('')}`).join('\n');
