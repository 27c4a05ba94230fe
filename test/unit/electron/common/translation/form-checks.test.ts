import { describe, expect, it } from 'vitest';
import { CHECK_KINDS } from '../../../../../electron/common/translation/findings';
import { runSafetyChecks } from '../../../../../electron/common/translation/safety-checks';
import { codes } from './check-helpers';

describe('question check', () => {
  it('accepts either question mark in either language', () => {
    expect(codes('en', 'Do you read me?', 'ar', 'هل تسمعونني؟')).toEqual([]);
    expect(codes('ar', 'هل تسمعونني؟', 'he', 'האם אתם שומעים אותי?')).toEqual([]);
    expect(codes('he', 'האם אתם שומעים אותי?', 'ar', 'هل تسمعونني?')).toEqual([]);
  });

  it('reports a lost and an added question mark', () => {
    expect(codes('en', 'Do you read me?', 'he', 'האם אתם שומעים אותי.')).toEqual(['questionLost']);
    expect(codes('ar', 'نسمعكم.', 'en', 'We read you?')).toEqual(['questionAdded']);
  });
});

describe('untranslated check', () => {
  it('finds words of the original script left in a translation of another script', () => {
    expect(codes('he', 'הסיור יצא מהבסיס', 'ar', 'خرجت الدورية מהבסיס הצפוני')).toEqual(['untranslated']);
    expect(codes('ar', 'خرجت الدورية من القاعدة', 'en', 'The patrol left من القاعدة')).toEqual(['untranslated']);
    expect(codes('he', 'הסיור יצא', 'en', 'The patrol left התחנה')).toEqual([]);
  });

  it('quotes the stretch as it is written in the translation, not folded', () => {
    const stretch = (source: string, target: string, lang: 'en' | 'he' = 'en') =>
      runSafetyChecks({ source: { lang: 'ar', text: source }, target: { lang, text: target } })
        .filter((f) => f.check === 'untranslated')
        .map((f) => f.values['text']);
    expect(stretch('ويرجى تجهيز قاعة الاجتماعات', 'Please ويرجى تجهيز قاعة الاجتماعات')).toEqual(['ويرجى تجهيز قاعة الاجتماعات']);
    expect(stretch('على متنه', 'המשלחת على مَتْنِهِ', 'he')).toEqual(['على مَتْنِهِ']);
    const hebrew = runSafetyChecks({ source: { lang: 'he', text: 'שָׁלוֹם לְכֻלָּם' }, target: { lang: 'ar', text: 'مرحبا שָׁלוֹם לְכֻלָּם' } });
    expect(hebrew.map((f) => f.values['text'])).toEqual(['שָׁלוֹם לְכֻלָּם']);
  });

  it('leaves Latin in Hebrew and Arabic alone unless it is a stretch of the English original', () => {
    expect(codes('en', 'Reply by 12:00 UTC to Alpha at 36S YB 63493 68761, 2 km from Quneitra', 'he', 'השיבו עד 12:00 UTC ל-Alpha ב-36S YB 63493 68761, 2 km מקונייטרה')).toEqual([]);
    expect(codes('en', 'Reply by 12:00 UTC, please confirm receipt', 'ar', 'الرجاء الرد قبل 12:00 UTC، please confirm receipt')).toEqual(['untranslated']);
    expect(codes('en', 'Reply by 12:00 UTC', 'ar', 'الرجاء الرد قبل 12:00 UTC (see annex two)')).toEqual([]);
    expect(codes('en', 'Coordination via the hotline', 'he', 'Coordination דרך הקו החם')).toEqual(['untranslated']);
  });
});

describe('empty check', () => {
  it('reports an empty or invisible translation, and nothing else about it', () => {
    expect(codes('en', 'At 14:30Z, 2 km from Quneitra?', 'he', '')).toEqual(['emptyTranslation']);
    expect(codes('en', 'At 14:30Z, 2 km from Quneitra?', 'ar', ' \u200F\n')).toEqual(['emptyTranslation']);
    expect(codes('he', '   ', 'en', 'text')).toEqual(['emptyOriginal']);
  });
});

describe('findings', () => {
  it('come in the order of the check kinds, with an English detail and the values a UI needs', () => {
    const findings = runSafetyChecks({
      source: { lang: 'en', text: 'Is the ceasefire holding 3 km from Quneitra since 06:00Z?' },
      target: { lang: 'he', text: 'ההפוגה נשמרת 4 ק"מ ממסעדה מאז 06:00 שעון ישראל' },
    });
    expect(findings.map((f) => f.check)).toEqual(['number', 'number', 'time', 'time', 'forbidden', 'place', 'question']);
    expect(findings.map((f) => CHECK_KINDS.indexOf(f.check))).toEqual([...findings.map((f) => CHECK_KINDS.indexOf(f.check))].sort((a, b) => a - b));
    for (const f of findings) expect(f.detail).toMatch(/^[\x20-\x7E\u0590-\u05FF\u0600-\u06FF]+$/u);
    expect(findings[0]?.values).toEqual({ value: '3' });
  });

  it('are the same for the same input', () => {
    const pair = { source: { lang: 'ar' as const, text: 'دورية على بعد ٢ كم من القنيطرة الساعة ١٤:٣٠' }, target: { lang: 'en' as const, text: 'A unit 3 km from Masade at 14:30' } };
    expect(runSafetyChecks(pair)).toEqual(runSafetyChecks(pair));
  });
});
