import { describe, expect, it } from 'vitest';
import { buildTerminology, shippedTerminology, terminologyFromData } from '../../../../../electron/common/translation/terminology';
import { runSafetyChecks } from '../../../../../electron/common/translation/safety-checks';
import { codes } from './check-helpers';

describe('glossary check', () => {
  it('accepts the agreed term however it is prefixed, inflected or vocalised', () => {
    expect(codes('en', 'The checkpoints are closed', 'he', 'המחסומים סגורים')).toEqual([]);
    expect(codes('en', 'The checkpoints are closed', 'ar', 'الحواجز مغلقة')).toEqual([]);
    expect(codes('en', 'Two patrols left', 'ar', 'غادرت دوريتان')).toEqual([]);
    expect(codes('he', 'הסיורים יצאו', 'ar', 'خرجت الدوريّات')).toEqual([]);
    expect(codes('ar', 'وصل ضباط الارتباط', 'he', 'קציני הקישור הגיעו')).toEqual([]);
    expect(codes('en', 'The cease-fire holds', 'ar', 'وقفُ إطلاقِ النار صامد')).toEqual([]);
  });

  it('reports a term translated otherwise, naming the agreed term', () => {
    const findings = runSafetyChecks({ source: { lang: 'en', text: 'The ceasefire holds' }, target: { lang: 'he', text: 'שביתת הנשק נשמרת' } });
    expect(findings.map((f) => [f.check, f.values['expected']])).toEqual([['glossary', 'הפסקת אש']]);
  });

  it('reports a forbidden variant instead of the missing term, only where the entry applies', () => {
    expect(codes('en', 'The ceasefire holds', 'he', 'ההפוגה נשמרת')).toEqual(['termForbidden']);
    expect(codes('en', 'No casualties', 'ar', 'لا قتلى')).toEqual(['termForbidden']);
    // "killed" is not "casualties": the same Arabic word is then the right one.
    expect(codes('en', 'Two soldiers were killed', 'ar', 'قتلى من الجنود: اثنان')).toEqual([]);
    expect(codes('en', 'The ceasefire holds', 'he', 'הפסקת האש נשמרת, לא הפוגה')).toEqual(['termForbidden']);
  });

  it('leaves a term inside a place name to the gazetteer', () => {
    expect(codes('en', 'Meet at the Quneitra crossing', 'ar', 'نلتقي في معبر القنيطرة')).toEqual([]);
    expect(codes('en', 'Meet at the Quneitra crossing', 'ar', 'نلتقي في مسعدة')).toEqual(['placeMissing']);
  });
});

describe('gazetteer check', () => {
  it('accepts the agreed name with prefixes, and recognises variants in the original', () => {
    expect(codes('en', 'Quneitra', 'he', 'בקונייטרה')).toEqual([]);
    expect(codes('en', 'Kuneitra', 'ar', 'والقنيطرة')).toEqual([]);
    expect(codes('en', 'the Sea of Galilee', 'he', 'בכנרת')).toEqual([]);
    expect(codes('ar', 'جبل الشيخ', 'he', 'בהר החרמון')).toEqual([]);
    expect(codes('ar', 'مجدل شمس', 'he', 'מג׳דל שמס')).toEqual([]);
  });

  it('reports a variant spelling, and a place dropped or replaced', () => {
    const variant = runSafetyChecks({ source: { lang: 'en', text: 'near Quneitra' }, target: { lang: 'he', text: 'ליד קוניטרה' } });
    expect(variant.map((f) => [f.code, f.values['found'], f.values['expected']])).toEqual([['placeVariant', 'קוניטרה', 'קונייטרה']]);
    expect(codes('he', 'ליד קצרין', 'en', 'near Kiryat Shmona')).toEqual(['placeMissing']);
    expect(codes('he', 'ליד קצרין', 'ar', 'في مكان قريب')).toEqual(['placeMissing']);
  });

  it('does not read a zone marker as the place it is named after', () => {
    expect(codes('en', 'at 14:30 Damascus time', 'ar', 'الساعة 14:30 بتوقيت دمشق')).toEqual([]);
  });
});

describe('terminology', () => {
  it('ships a valid glossary and gazetteer of the border area', () => {
    const { glossary, gazetteer } = shippedTerminology();
    expect(glossary.length).toBeGreaterThanOrEqual(30);
    expect(gazetteer.length).toBeGreaterThanOrEqual(25);
    expect(new Set(glossary.map((e) => e.id)).size).toBe(glossary.length);
    expect(new Set(gazetteer.map((p) => p.id)).size).toBe(gazetteer.length);
    expect(glossary.filter((e) => Object.values(e.forbidden).some((v) => (v ?? []).length > 0)).length).toBeGreaterThanOrEqual(20);
  });

  it('refuses data that does not match the shapes', () => {
    expect(() => terminologyFromData([{ id: 'x', terms: { en: 'only one' } }], [])).toThrow();
    expect(() => terminologyFromData([], [{ id: 'y', kind: 'town', names: { en: 'A', he: 'א' } }])).toThrow();
  });

  it('checks with a terminology given by the caller', () => {
    const terminology = buildTerminology([{ id: 'ob', terms: { en: 'observer', ar: 'مراقب' }, forbidden: { ar: ['رقيب'] }, note: '' }], []);
    const check = (text: string) => runSafetyChecks({ source: { lang: 'en', text: 'The observer left' }, target: { lang: 'ar', text } }, terminology).map((f) => f.code);
    expect(check('غادر المراقب')).toEqual([]);
    expect(check('غادر الرقيب')).toEqual(['termForbidden']);
    expect(check('غادر الضابط')).toEqual(['termMissing']);
  });
});
