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

  it('allows the Arabic proclitics alone or stacked (و, ف, then ب, ل, ك, then the article), as the Hebrew prefixes', () => {
    expect(codes('en', 'Soldiers and civilians were hurt.', 'ar', 'أصيب جنود ومدنيين.')).toEqual([]);
    expect(codes('en', 'Soldiers and civilians were hurt.', 'ar', 'أصيب جنود ومدنيّون.')).toEqual([]);
    expect(codes('en', 'so the civilians left', 'ar', 'فالمدنيون غادروا')).toEqual([]);
    expect(codes('en', 'aid for civilians and checkpoints', 'ar', 'مساعدات للمدنيين وحواجز')).toEqual([]);
    expect(codes('en', 'soldiers and civilians', 'he', 'חיילים ואזרחים')).toEqual([]);
    expect(codes('en', 'the ceasefire holds', 'ar', 'وهدنة صامدة')).toEqual(['termForbidden']);
    expect(codes('en', 'Soldiers and civilians were hurt.', 'ar', 'أصيب جنود وسكان.')).toEqual(['termMissing']);
  });

  it('does not demand the noun where an English term in -ing is used as a verb', () => {
    expect(codes('en', 'Wait 30 minutes before crossing.', 'ar', 'انتظروا ٣٠ دقيقة قبل العبور.')).toEqual([]);
    expect(codes('en', 'Wait 30 minutes before crossing.', 'he', 'המתינו 30 דקות לפני החצייה.')).toEqual([]);
    expect(codes('en', 'Crossing the line is forbidden.', 'ar', 'عبور الخط ممنوع.')).toEqual([]);
    expect(codes('en', 'They are shelling the village.', 'he', 'הם מפגיזים את הכפר.')).toEqual([]);
    expect(codes('en', 'The patrol reached the crossing.', 'ar', 'وصلت الدورية إلى العبور.')).toEqual(['termMissing']);
    expect(codes('en', 'At the crossing the patrol waited.', 'he', 'בחצייה המתין הסיור.')).toEqual(['termMissing']);
    expect(codes('en', 'Meet at crossing point 3.', 'he', 'נפגשים בנקודת החצייה 3.')).toEqual(['termMissing']);
  });

  it('keeps the names of the two states, with their loaded variants forbidden, apart from their adjectives', () => {
    expect(codes('en', 'Israel requests a meeting.', 'ar', 'إسرائيل تطلب اجتماعاً.')).toEqual([]);
    expect(codes('en', 'Israel requests a meeting.', 'ar', 'الكيان الصهيوني يطلب اجتماعاً.')).toEqual(['termForbidden']);
    expect(codes('en', 'Israel requests a meeting.', 'ar', 'فلسطين المحتلة تطلب اجتماعاً.')).toEqual(['termForbidden']);
    expect(codes('ar', 'إسرائيل تطلب اجتماعا.', 'he', 'הישות הציונית מבקשת פגישה.')).toEqual(['termForbidden']);
    expect(codes('he', 'ישראל מבקשת פגישה.', 'en', 'The Zionist entity requests a meeting.')).toEqual(['termForbidden']);
    expect(codes('en', 'Syria requests a meeting.', 'he', 'המשטר הסורי מבקש פגישה.')).toEqual(['termForbidden']);
    expect(codes('en', 'The Syrian Arab Republic requests a meeting.', 'ar', 'الجمهورية العربية السورية تطلب اجتماعاً.')).toEqual([]);
    expect(codes('en', 'A message to Israel and Syria.', 'ar', 'رسالة لإسرائيل ولسوريا.')).toEqual([]);
    // The adjectives are other words: "the Israeli side" names no state, nor does "a Syrian patrol".
    expect(codes('ar', 'دورية للجيش الإسرائيلي.', 'he', 'סיור צה״ל.')).toEqual([]);
    expect(codes('he', 'הצד הישראלי מבקש פגישה.', 'en', 'The Israeli side requests a meeting.')).toEqual([]);
    expect(codes('ar', 'دورية سورية والقوات السورية.', 'en', 'A Syrian patrol and the Syrian forces.')).toEqual([]);
    expect(codes('he', 'כוח סורי ליד הגדר.', 'ar', 'قوة سورية قرب السياج.')).toEqual([]);
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

  it('takes "the Golan" as its own place, and its agreed form as a short form of the Golan Heights, not the reverse', () => {
    expect(codes('en', 'The Golan is quiet.', 'ar', 'الجولان هادئ.')).toEqual([]);
    expect(codes('en', 'The Golan is quiet.', 'he', 'הגולן שקט.')).toEqual([]);
    expect(codes('ar', 'الجولان هادئ.', 'en', 'The Golan is quiet.')).toEqual([]);
    expect(codes('he', 'הגולן שקט.', 'ar', 'هضبة الجولان هادئة.')).toEqual([]);
    expect(codes('ar', 'الجولان هادئ.', 'en', 'Quneitra is quiet.')).toEqual(['placeMissing']);
    // The region's name shortened in a translation is a variant the reviewer sees.
    expect(codes('en', 'The Golan Heights are quiet.', 'ar', 'الجولان هادئ.')).toEqual(['placeVariant']);
    expect(codes('en', 'The Golan Heights are quiet.', 'he', 'הגולן שקט.')).toEqual(['placeVariant']);
    expect(codes('he', 'רמת הגולן שקטה.', 'en', 'The Golan is quiet.')).toEqual(['placeVariant']);
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

  it('matches an entry named by a capitalised English word as a name: no ending, and the Arabic article as written', () => {
    const terminology = buildTerminology([{ id: 'rc', terms: { en: 'Red Cross', he: 'הצלב האדום', ar: 'الصليب الأحمر' }, forbidden: {}, note: '' }], []);
    const check = (source: string, lang: 'he' | 'ar', text: string) =>
      runSafetyChecks({ source: { lang: 'en', text: source }, target: { lang, text } }, terminology).map((f) => f.code);
    expect(check('Call the Red Cross', 'ar', 'اتصلوا بالصليب الأحمر')).toEqual([]);
    expect(check('A message for the Red Cross', 'ar', 'رسالة للصليب الأحمر')).toEqual([]);
    expect(check('Call the Red Cross', 'he', 'התקשרו לצלב האדום')).toEqual([]);
    expect(check('Call the Red Cross', 'ar', 'اتصلوا بصليب أحمر')).toEqual(['termMissing']);
  });
});
