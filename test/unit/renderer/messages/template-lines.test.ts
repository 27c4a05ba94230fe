/**
 * A templated message renders in Hebrew, Arabic and English from one set of data: the labels change, the numbers,
 * places and times do not. Checked by pulling every number out of each rendering (after reading all digit sets as
 * ASCII) and comparing: the same numbers, in the same order, in all three.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeDigits, type DigitStyle } from '../../../../electron/common/digits';
import { parseLocation } from '../../../../electron/common/geo/location';
import type { TemplateData } from '../../../../electron/common/message/template';
import { TemplateData as TemplateSchema } from '../../../../electron/common/message/template';
import { LANGUAGES, type Language } from '../../../../electron/common/settings';
import { NAMESPACES, resources } from '../../../../renderer/i18n/resources';
import { linesAsText, templateLines } from '../../../../renderer/messages/template-lines';

const FROM = Date.UTC(2027, 0, 15, 4, 0); // 0400Z: 06:00 in Jerusalem (winter), 07:00 in Damascus
const TEMPLATES: readonly TemplateData[] = [
  { kind: 'planned-activity', activity: 'Engineering works on the patrol road', area: '36S YB 12345 67890', from: FROM, until: FROM + 4 * 3_600_000, contact: 'Duty officer, channel 3' },
  { kind: 'incident', what: 'Shots heard near the crossing', where: '33.1234 N 35.8123 E', when: FROM - 1_800_000, casualties: 2, request: 'Confirm whether your forces fired' },
  { kind: 'cooperation', sector: 'medical', need: 'Insulin', quantity: { amount: 1250.5, unit: 'doses' }, location: '37S BT 1234 5678', deadline: FROM + 86_400_000 },
];

const instances = new Map<Language, I18n>();
beforeAll(async () => {
  for (const language of LANGUAGES) {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng: language, fallbackLng: false, ns: [...NAMESPACES], interpolation: { escapeValue: false } });
    instances.set(language, instance);
  }
});

function render(template: TemplateData, language: Language, digits: DigitStyle): string {
  const instance = instances.get(language)!;
  return linesAsText(templateLines(template, { t: instance.t.bind(instance), locale: language, digits }));
}

/**
 * Every number in the text, in order, read in any digit set (normalizeDigits also reads the Arabic separators, and
 * drops grouping), with ASCII grouping commas dropped too: "36S YB 12345 · 1,250.5" gives 36, 12345, 1250.5.
 */
const numbers = (text: string): string[] =>
  normalizeDigits(text)
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .match(/\d+(?:\.\d+)?/g) ?? [];

describe('template rendering', () => {
  it('uses valid data (the schema accepts each template)', () => {
    for (const template of TEMPLATES) expect(TemplateSchema.safeParse(template).success).toBe(true);
  });

  for (const template of TEMPLATES) {
    it(`${template.kind}: the same numbers in Hebrew, Arabic and English, in every digit style`, () => {
      const english = render(template, 'en', 'latn');
      expect(numbers(english).length).toBeGreaterThan(4);
      for (const language of LANGUAGES) {
        for (const digits of ['latn', 'arab', 'arabext'] as const) {
          const text = render(template, language, digits);
          expect(numbers(text), `${language}/${digits}:\n${text}`).toEqual(numbers(english));
        }
      }
    });
  }

  it('labels each language in its own words, and shows the DTG and both local times', () => {
    const planned = TEMPLATES[0]!;
    const [en, he, ar] = LANGUAGES.map((language) => render(planned, language, 'latn'));
    expect(en).toContain('Area: 36S YB 12345 67890');
    expect(he).toContain('אזור: 36S YB 12345 67890');
    expect(ar).toContain('المنطقة: 36S YB 12345 67890');
    expect(en).toContain('150400Z JAN 27');
    expect(en).toMatch(/Jerusalem 06:00 \(UTC\+2\).*Damascus 07:00 \(UTC\+3\)/);
    // Arabic-Indic digits for the local times, the DTG stays ASCII (it is the line's authoritative token).
    expect(render(planned, 'ar', 'arab')).toContain('150400Z JAN 27');
    expect(render(planned, 'ar', 'arab')).toContain('٠٦:٠٠');
  });

  it('marks numbers, places and times as left-to-right parts, and the author\'s words as authored', () => {
    const instance = instances.get('ar')!;
    const lines = templateLines(TEMPLATES[1]!, { t: instance.t.bind(instance), locale: 'ar', digits: 'arab' });
    const byField = new Map(lines.map((line) => [line.field, line]));
    expect(byField.get('what')).toMatchObject({ authored: true });
    const where = byField.get('where')!.parts;
    expect(where).toHaveLength(1);
    expect(where[0]!.ltr).toBe(true);
    // The canonical form of the place typed: it reads back as the same position.
    const typed = parseLocation('33.1234 N 35.8123 E');
    const shown = parseLocation(where[0]!.text);
    expect(typed.ok && shown.ok && shown.location.position).toEqual(typed.ok && typed.location.position);
    expect(byField.get('casualties')!.parts).toEqual([{ text: '٢', ltr: true }]);
    expect(byField.get('when')!.parts.filter((part) => part.ltr)).toHaveLength(3);
  });
});
