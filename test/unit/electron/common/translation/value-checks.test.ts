import { describe, expect, it } from 'vitest';
import { codes, findingsOf } from './check-helpers';

describe('number check', () => {
  it('reads every digit set and both separator styles as the same value', () => {
    expect(codes('en', 'Deliver 1,500 rations and 2.5 tonnes? No: 1500 rations.', 'ar', 'سلّموا ١٬٥٠٠ حصة و٢٫٥ طن؟ لا: ۱۵۰۰ حصة.')).toEqual([]);
    expect(codes('he', 'נדרשים 1,250,000 ליטרים', 'en', 'we need 1250000 litres')).toEqual([]);
  });

  it('takes "." as a decimal point in every language, so "1.500" is not fifteen hundred', () => {
    expect(findingsOf('en', 'Send 1,500 rations', 'he', 'שלחו 1.500 מנות')).toEqual(['numberMissing 1500', 'numberExtra 1.5']);
    expect(findingsOf('en', 'Send 1.5 rations', 'he', 'שלחו 1,5 מנות')).toEqual(['numberMissing 1.5', 'numberExtra 1', 'numberExtra 5']);
  });

  it('finds a swapped digit, a dropped number and an added one', () => {
    expect(findingsOf('en', 'Sector 47 has 12 posts', 'he', 'בגזרה 74 יש 12 עמדות')).toEqual(['numberMissing 47', 'numberExtra 74']);
    expect(findingsOf('ar', 'أصيب 3 أشخاص', 'en', 'people were hurt')).toEqual(['numberMissing 3']);
    expect(findingsOf('ar', 'أصيب أشخاص', 'en', '4 people were hurt')).toEqual(['numberExtra 4']);
  });

  it('lets a small number written as a word stand for its digits, but never demands digits for a word', () => {
    expect(codes('en', 'two vehicles and three soldiers', 'he', '2 רכבים ו-3 חיילים')).toEqual([]);
    expect(codes('he', 'שלושה רכבים', 'ar', '3 آليات')).toEqual([]);
    expect(codes('ar', 'اثنان من الجنود', 'en', 'one of the soldiers')).toEqual([]);
    expect(findingsOf('en', 'two vehicles', 'he', '3 רכבים')).toEqual(['numberExtra 3']);
  });
});

describe('coordinate check', () => {
  it('compares MGRS references whatever their digits and spacing, and never as loose numbers', () => {
    expect(codes('en', 'at 36S YB 63493 68761', 'ar', 'عند 36S YB ٦٣٤٩٣ ٦٨٧٦١')).toEqual([]);
    expect(codes('en', 'at 36S YB 63493 68761', 'he', 'ב-36SYB6349368761')).toEqual([]);
    expect(findingsOf('en', 'at 36S YB 63493 68761', 'he', 'ב-36S YB 63493 68762')).toEqual(['coordinateMissing 36S YB 63493 68761', 'coordinateExtra 36S YB 63493 68762']);
  });

  it('compares latitude/longitude, DMS with hemispheres in any language, decimal with either decimal separator', () => {
    expect(codes('en', `OP at 33°14'10"N 35°46'30"E`, 'he', `עמדה ב-33°14'10" צפון 35°46'30" מזרח`)).toEqual([]);
    expect(codes('en', `OP at 33°14'10"N 35°46'30"E`, 'ar', `نقطة عند 33°14'10" شمالاً 35°46'30" شرقاً`)).toEqual([]);
    expect(codes('en', 'seen at 33.12345, 35.82468', 'ar', 'شوهدت عند ٣٣٫١٢٣٤٥، ٣٥٫٨٢٤٦٨')).toEqual([]);
    expect(codes('en', 'seen at 33.12345, 35.82468', 'he', 'נצפה ב-33.12345, 35.82468')).toEqual([]);
    expect(codes('en', 'seen at N33.12345 E35.82468', 'ar', 'شوهدت عند 33.12345N 35.82468E')).toEqual([]);
    expect(codes('en', 'grid -33.12345, -70.51234', 'he', 'רשת -33.12345, -70.51234')).toEqual([]);
    expect(codes('en', 'grid -33.12345, -70.51234', 'he', 'רשת 33.12345, -70.51234')).toEqual(['coordinateMissing', 'coordinateExtra']);
    expect(codes('en', `OP at 33°14'10"N 35°46'30"E`, 'he', `עמדה ב-33°14'11" צפון 35°46'30" מזרח`)).toEqual(['coordinateMissing', 'coordinateExtra']);
    expect(codes('en', 'seen at 33.12345, 35.82468', 'he', 'נצפה ב-33.12345, 35.82469')).toEqual(['coordinateMissing', 'coordinateExtra']);
  });

  it('requires the reference as written: a converted one cannot be checked to its last digit', () => {
    expect(codes('en', 'at 36S YB 63493 68761', 'he', 'ב-33.12345, 35.82468')).toEqual(['coordinateMissing', 'coordinateExtra']);
  });
});

describe('time check', () => {
  it('compares hours and minutes in any digit set, am/pm, and the same zone in any language', () => {
    expect(codes('en', 'at 2:30 pm', 'ar', 'الساعة ١٤:٣٠')).toEqual([]);
    expect(codes('en', 'at 14:30 Damascus time', 'ar', 'الساعة 14:30 بتوقيت دمشق')).toEqual([]);
    expect(codes('he', 'ב-14:30 לפי שעון ישראל', 'en', 'at 14:30 (Israel time)')).toEqual([]);
    expect(codes('en', 'at 14:30Z', 'he', 'ב-14:30 UTC')).toEqual([]);
    expect(codes('en', 'at 14:30 UTC+3', 'ar', 'الساعة 14:30 UTC+3')).toEqual([]);
  });

  it('finds a time in the wrong zone, a dropped zone and a changed time', () => {
    // Without a date, 14:30 Israel time may be the same instant (summer), so only the missing time is reported.
    expect(findingsOf('en', 'at 14:30 Damascus time', 'he', 'ב-14:30 שעון ישראל')).toEqual(['timeMissing 14:30 Damascus time']);
    expect(findingsOf('en', 'on 15/01/2027 at 14:30 Damascus time', 'he', 'ב-15/01/2027 ב-14:30 שעון ישראל')).toEqual([
      'timeMissing 14:30 Damascus time',
      'timeExtra 14:30 Israel time',
    ]);
    expect(findingsOf('en', 'at 14:30Z', 'ar', 'الساعة 14:30')).toEqual(['timeMissing 14:30 UTC', 'timeExtra 14:30']);
    expect(findingsOf('ar', 'الساعة ١٤:٣٠', 'en', 'at 14:50')).toEqual(['timeMissing 14:30', 'timeExtra 14:50']);
  });

  it('gives a zone written after a range to every time of the range', () => {
    expect(codes('en', 'between 09:00 and 11:00 Damascus time', 'he', 'בין 09:00 ל-11:00 שעון דמשק')).toEqual([]);
    expect(codes('en', 'between 09:00 and 11:00 Damascus time', 'ar', 'من الساعة 09:00 حتى 11:00 بتوقيت دمشق')).toEqual([]);
    expect(codes('en', 'at 09:00. The patrol returns at 11:00 Damascus time', 'he', 'ב-09:00 שעון דמשק. הסיור חוזר ב-11:00 שעון דמשק')).toEqual(['timeMissing', 'timeExtra']);
  });

  it('accepts a correct conversion added beside a time, with Israel\'s offset read from the message\'s date', () => {
    expect(codes('en', 'cross at 14:30Z', 'he', 'יעברו ב-14:30Z (17:30 שעון דמשק)')).toEqual([]);
    expect(codes('en', 'cross at 14:30Z', 'he', 'יעברו ב-14:30Z (18:30 שעון דמשק)')).toEqual(['timeExtra']);
    expect(codes('en', 'on 15/01/2027 at 14:30Z', 'he', 'ב-15/01/2027 ב-14:30Z (16:30 שעון ישראל)')).toEqual([]);
    expect(codes('en', 'on 15/01/2027 at 14:30Z', 'he', 'ב-15/01/2027 ב-14:30Z (17:30 שעון ישראל)')).toEqual(['timeExtra']);
    expect(codes('en', 'on 15/07/2027 at 14:30Z', 'he', 'ב-15/07/2027 ב-14:30Z (17:30 שעון ישראל)')).toEqual([]);
  });

  it('requires a time converted instead of kept to keep its original zone as well', () => {
    expect(codes('en', 'cross at 14:30Z', 'ar', 'العبور الساعة 17:30 بتوقيت دمشق')).toEqual(['timeMissing']);
  });

  it('reads a military time (four digits with "hours", after "at", الساعة or בשעה) as the same time with a colon', () => {
    expect(codes('en', 'Move out at 0930 hours.', 'ar', 'التحرك الساعة ٠٩٣٠.')).toEqual([]);
    expect(codes('en', 'Move out at 0930 hours.', 'he', 'יציאה בשעה 09:30.')).toEqual([]);
    expect(codes('ar', 'التحرك الساعة ١٤:٠٠.', 'en', 'Move out at 1400 hours.')).toEqual([]);
    expect(codes('en', 'Move out at 0630 hrs.', 'he', 'יציאה בשעה 0630.')).toEqual([]);
    expect(codes('en', 'Move out at 0630.', 'ar', 'التحرك عند الساعة ٠٦:٣٠.')).toEqual([]);
    expect(codes('en', 'Move out at 0630 Damascus time.', 'ar', 'التحرك الساعة ٠٦٣٠ بتوقيت دمشق.')).toEqual([]);
    expect(findingsOf('en', 'Move out at 0930 hours.', 'he', 'יציאה בשעה 09:40.')).toEqual(['timeMissing 09:30', 'timeExtra 09:40']);
    expect(findingsOf('ar', 'وصلت القافلة في الساعة ٢٣٤٥.', 'en', 'The convoy arrived at 2354 hours.')).toEqual(['timeMissing 23:45', 'timeExtra 23:54']);
  });

  it('reads both ends of a range of military times when one end says so', () => {
    expect(codes('en', 'Works from 0900 to 1130 hours.', 'he', 'עבודות בין 09:00 ל-11:30.')).toEqual([]);
    expect(codes('en', 'Works between 0900 and 1130 hours Israel time.', 'ar', 'أعمال بين الساعة ٠٩٠٠ و١١٣٠ بتوقيت إسرائيل.')).toEqual([]);
    expect(codes('he', 'עבודות בשעה 0900 עד 1130.', 'en', 'Works from 09:00 to 11:30.')).toEqual([]);
    expect(findingsOf('en', 'Works 0900-1130 hours.', 'he', 'עבודות 09:00-11:40.')).toEqual(['timeMissing 11:30', 'timeExtra 11:40']);
    expect(codes('en', 'Send 1200 to 1500 litres.', 'he', 'שלחו 1200 עד 1500 ליטר.')).toEqual([]);
  });

  it('leaves other four-digit numbers numbers: years, quantities, a duration in hours', () => {
    expect(findingsOf('en', 'In 2026 the fence was moved 1800 m.', 'he', 'ב-2026 הגדר הוזזה 1800 מ\'.')).toEqual([]);
    expect(findingsOf('en', 'Deliver 1400 litres at 1400 hours.', 'ar', 'سلموا ١٤٠٠ لتر الساعة ١٤:٠٠.')).toEqual([]);
    expect(findingsOf('en', 'Fuel at 1200 litres.', 'ar', 'الوقود عند ١٢٠٠ لتر.')).toEqual([]);
    expect(findingsOf('en', 'The pump ran for 1,200 hours.', 'ar', 'عملت المضخة ١٢٠٠ ساعة.')).toEqual([]);
    expect(findingsOf('en', 'The pump ran for 1200 hours.', 'ar', 'عملت المضخة ١٢٠٠ دقيقة.')).toEqual(['unitMissing 1200 h', 'unitExtra 1200 min']);
    expect(findingsOf('en', 'Sector 2130 is closed.', 'he', 'גזרה 2130 סגורה.')).toEqual([]);
    expect(findingsOf('en', 'The drone flew at 2000 feet.', 'he', 'הרחפן טס בגובה 2000 רגל.')).toEqual([]);
  });

  it('compares date-time groups as instants, in any digit set', () => {
    expect(codes('en', 'DTG 151430Z JAN 27', 'ar', 'مجموعة التاريخ ١٥١٤٣٠Z JAN 27')).toEqual([]);
    expect(findingsOf('en', 'DTG 151430Z JAN 27', 'he', 'קבוצת זמן 151430Z FEB 27')).toEqual(['dtgMissing 151430Z JAN 27', 'dtgExtra 151430Z FEB 27']);
  });
});

describe('date check', () => {
  it('reads numeric and named dates in the three languages, Levantine and Egyptian month names alike', () => {
    const forms: [('en' | 'he' | 'ar'), string][] = [
      ['en', 'on 15 January 2027'],
      ['en', 'on January 15, 2027'],
      ['en', 'on 2027-01-15'],
      ['he', 'ב-15 בינואר 2027'],
      ['he', 'ב-15.01.27'],
      ['ar', 'في 15 كانون الثاني 2027'],
      ['ar', 'في ١٥ يناير ٢٠٢٧'],
      ['ar', 'في 15 كانون الثاني/يناير 2027'],
    ];
    for (const [lang, text] of forms) expect(codes('en', 'on 15/01/2027', lang, text), text).toEqual([]);
  });

  it('reads numeric dates day first, so a month-first date is a different date', () => {
    expect(findingsOf('en', 'on 03/02/2027', 'he', 'ב-02/03/2027')).toEqual(['dateMissing 03/02/2027', 'dateExtra 02/03/2027']);
  });

  it('keeps a date without a year apart from one with a year, and a count after a date a count', () => {
    expect(codes('en', 'since 1 January', 'he', 'מאז 1 בינואר 2027')).toEqual(['dateMissing', 'dateExtra']);
    expect(codes('en', 'since 1 January, 1,250 shells', 'ar', 'منذ 1 كانون الثاني ١٬٢٥٠ قذيفة')).toEqual([]);
  });
});

describe('unit check', () => {
  it('reads units abbreviated or as words in the three languages', () => {
    for (const text of ['2 ק"מ', '2 ק״מ', '2 קמ', '2 קילומטר', '2 km', '2 كم', '2 كيلومتر', '٢ كم']) expect(codes('en', '2 km away', 'he', text), text).toEqual([]);
    expect(codes('en', '3 hours, 45 minutes, 800 litres, 2 t and 450 kg', 'ar', '3 ساعات و45 دقيقة و800 لتر و2 طن و450 كغ')).toEqual([]);
    expect(codes('en', '3 hours, 45 minutes, 800 liters, 2 tons and 450 kilos', 'he', '3 שעות, 45 דקות, 800 ליטר, 2 טון ו-450 ק"ג')).toEqual([]);
  });

  it('reads the Hebrew and Arabic duals as two of the unit', () => {
    expect(codes('en', 'for 2 hours', 'he', 'למשך שעתיים')).toEqual([]);
    expect(codes('he', 'למשך שעתיים', 'ar', 'لمدة ساعتين')).toEqual([]);
  });

  it('reports a dropped or changed unit as a unit finding, a changed number as a number finding', () => {
    expect(findingsOf('en', '2 km away', 'he', 'במרחק 2')).toEqual(['unitMissing 2 km']);
    expect(findingsOf('en', '2 km away', 'ar', 'على بعد 2 م')).toEqual(['unitMissing 2 km', 'unitExtra 2 m']);
    expect(findingsOf('en', '500 m away', 'he', 'במרחק 500 מ"מ')).toEqual(['unitMissing 500 m', 'unitExtra 500 mm']);
    expect(findingsOf('en', '2 km away', 'he', 'במרחק 3 ק"מ')).toEqual(['numberMissing 2', 'numberExtra 3']);
  });
});
