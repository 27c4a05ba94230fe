/**
 * Certified sentence pairs for the translation-memory benchmark, deterministic from a seed. Real memories of a
 * liaison line are repetitive: the same notices with another time, place, vehicle or count, plus a tail of one-off
 * sentences. So each pair is a parallel he/ar/en template with its slots filled from parallel lists, an optional
 * closing clause, and sometimes a run of extra words; numbers make most sentences distinct, the templates make many
 * near one another — which is what fuzzy matching is for, and what makes candidate lists long.
 */
import type { Language } from '../../../electron/common/settings';
import type { TranslationPair } from '../../../electron/common/translation/translation-pair';
import { prng } from '../browser/corpus';

type Parallel = Readonly<Record<Language, string>>;

const TEMPLATES: readonly Parallel[] = [
  { en: 'The convoy of {n} trucks will cross at {place} at {time}.', he: 'שיירה של {n} משאיות תעבור ב{place} בשעה {time}.', ar: 'ستعبر قافلة من {n} شاحنات عند {place} الساعة {time}.' },
  { en: 'Please confirm receipt of the {item} report from {place}.', he: 'נא לאשר קבלת דוח ה{item} מ{place}.', ar: 'يرجى تأكيد استلام تقرير {item} من {place}.' },
  { en: 'A {vehicle} will approach the fence near {place} for repair works.', he: '{vehicle} יתקרב לגדר ליד {place} לעבודות תיקון.', ar: 'ستقترب {vehicle} من السياج قرب {place} لأعمال الإصلاح.' },
  { en: 'An ambulance with {n} wounded is waiting at {place}.', he: 'אמבולנס עם {n} פצועים ממתין ב{place}.', ar: 'سيارة إسعاف تقل {n} جرحى تنتظر عند {place}.' },
  { en: 'Shepherds with about {n} sheep are near the line east of {place}.', he: 'רועים עם כ־{n} כבשים נמצאים ליד הקו מזרחית ל{place}.', ar: 'رعاة مع نحو {n} رأس غنم قرب الخط شرق {place}.' },
  { en: 'We request a passage window for {n} farmers at {place} tomorrow from {time}.', he: 'אנו מבקשים חלון מעבר ל־{n} חקלאים ב{place} מחר החל מ־{time}.', ar: 'نطلب نافذة عبور لـ{n} مزارعين عند {place} غدا ابتداء من {time}.' },
  { en: 'Smoke was observed at {place} at {time}; no fire was returned.', he: 'עשן נצפה ב{place} בשעה {time}; לא נורתה אש בתגובה.', ar: 'شوهد دخان عند {place} الساعة {time}؛ لم يتم الرد بإطلاق النار.' },
  { en: 'The {item} delivery to {place} is delayed until {time}.', he: 'משלוח ה{item} ל{place} נדחה עד השעה {time}.', ar: 'تأخر تسليم {item} إلى {place} حتى الساعة {time}.' },
  { en: 'A drone flew over {place} at {time} at an altitude of {n} metres.', he: 'רחפן טס מעל {place} בשעה {time} בגובה {n} מטרים.', ar: 'حلقت طائرة مسيرة فوق {place} الساعة {time} على ارتفاع {n} مترا.' },
  { en: 'Engineers will clear {n} mines on the road to {place}.', he: 'מהנדסים יפנו {n} מוקשים בכביש אל {place}.', ar: 'سيزيل المهندسون {n} ألغام على الطريق إلى {place}.' },
  { en: 'The line check at {time} was not acknowledged by {place}.', he: 'בדיקת הקו בשעה {time} לא אושרה על ידי {place}.', ar: 'لم يؤكد {place} فحص الخط الساعة {time}.' },
  { en: 'Red Cross observers will visit {place} with {n} staff.', he: 'משקיפי הצלב האדום יבקרו ב{place} עם {n} אנשי צוות.', ar: 'سيزور مراقبو الصليب الأحمر {place} مع {n} موظفين.' },
  { en: 'Electricity to {place} will be cut for {n} hours from {time}.', he: 'החשמל ל{place} ינותק למשך {n} שעות החל מ־{time}.', ar: 'ستنقطع الكهرباء عن {place} لمدة {n} ساعات ابتداء من {time}.' },
  { en: 'A {vehicle} with plate number {plate} is stuck at {place}.', he: '{vehicle} עם לוחית רישוי {plate} תקוע ב{place}.', ar: '{vehicle} تحمل لوحة رقم {plate} عالقة عند {place}.' },
  { en: 'The {item} shipment of {n} tonnes passed {place} safely.', he: 'משלוח ה{item} של {n} טונות עבר את {place} בשלום.', ar: 'مرت شحنة {item} البالغة {n} أطنان عبر {place} بسلام.' },
  { en: 'Visibility at {place} is below {n} metres because of fog.', he: 'הראות ב{place} פחותה מ־{n} מטרים בגלל ערפל.', ar: 'الرؤية عند {place} أقل من {n} مترا بسبب الضباب.' },
];

const PLACES: readonly Parallel[] = [
  ['Quneitra crossing', 'מעבר קוניטרה', 'معبر القنيطرة'],
  ['Majdal Shams', 'מג׳דל שמס', 'مجدل شمس'],
  ['Buqata', 'בוקעתא', 'بقعاثا'],
  ['Mas\'ade', 'מסעדה', 'مسعدة'],
  ['Hadar', 'חדר', 'حضر'],
  ['Jubata al-Khashab', 'ג׳ובתא אל־ח׳שב', 'جباتا الخشب'],
  ['Khan Arnabah', 'ח׳אן ארנבה', 'خان أرنبة'],
  ['Beit Jinn', 'בית ג׳ן', 'بيت جن'],
  ['Ein Zivan', 'עין זיוון', 'عين زيوان'],
  ['Merom Golan', 'מרום גולן', 'مروم غولان'],
  ['the northern gate', 'השער הצפוני', 'البوابة الشمالية'],
  ['the southern gate', 'השער הדרומי', 'البوابة الجنوبية'],
  ['observation post 12', 'עמדת תצפית 12', 'نقطة المراقبة 12'],
  ['the UN position', 'עמדת האו״ם', 'موقع الأمم المتحدة'],
  ['the water pumping station', 'תחנת שאיבת המים', 'محطة ضخ المياه'],
  ['Rafid', 'רפיד', 'الرفيد'],
  ['the old customs house', 'בית המכס הישן', 'مبنى الجمارك القديم'],
  ['the hospital in Quneitra', 'בית החולים בקוניטרה', 'المستشفى في القنيطرة'],
].map(([en, he, ar]) => ({ en: en!, he: he!, ar: ar! }));

const ITEMS: readonly Parallel[] = [
  ['medical', 'רפואה', 'الطبي'],
  ['fuel', 'דלק', 'الوقود'],
  ['flour', 'קמח', 'الطحين'],
  ['water', 'מים', 'المياه'],
  ['incident', 'אירוע', 'الحادث'],
  ['weather', 'מזג האוויר', 'الطقس'],
].map(([en, he, ar]) => ({ en: en!, he: he!, ar: ar! }));

const VEHICLES: readonly Parallel[] = [
  ['bulldozer', 'דחפור', 'جرافة'],
  ['tractor', 'טרקטור', 'جرار'],
  ['water tanker', 'מכלית מים', 'صهريج مياه'],
  ['jeep', 'ג׳יפ', 'سيارة جيب'],
  ['bus', 'אוטובוס', 'حافلة'],
].map(([en, he, ar]) => ({ en: en!, he: he!, ar: ar! }));

const CLOSINGS: readonly Parallel[] = [
  { en: '', he: '', ar: '' },
  { en: ' Please acknowledge.', he: ' נא לאשר.', ar: ' يرجى التأكيد.' },
  { en: ' This is in accordance with yesterday\'s agreement.', he: ' זאת בהתאם להסכמה מאתמול.', ar: ' وذلك وفقا لاتفاق الأمس.' },
  { en: ' The supervisor has been informed.', he: ' המפקח עודכן.', ar: ' تم إبلاغ المشرف.' },
  { en: ' Reply before sunset.', he: ' השיבו לפני השקיעה.', ar: ' الرد قبل غروب الشمس.' },
];

const DIRECTIONS: readonly [Language, Language, number][] = [
  ['he', 'en', 0.35],
  ['ar', 'en', 0.35],
  ['he', 'ar', 0.15],
  ['ar', 'he', 0.15],
];

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

/** The slot values of one sentence, shared by its two languages so the pair is a real translation. */
function slots(random: () => number): Record<string, Parallel> {
  const same = (text: string): Parallel => ({ en: text, he: text, ar: text });
  return {
    n: same(String(2 + Math.floor(random() * (random() < 0.7 ? 20 : 500)))),
    time: same(`${String(Math.floor(random() * 24)).padStart(2, '0')}:${pick(['00', '15', '30', '45'], random)}`),
    plate: same(String(10_000 + Math.floor(random() * 90_000))),
    place: pick(PLACES, random),
    item: pick(ITEMS, random),
    vehicle: pick(VEHICLES, random),
  };
}

function fill(template: Parallel, closing: Parallel, values: Record<string, Parallel>, language: Language): string {
  return (template[language] + closing[language]).replace(/\{(\w+)\}/gu, (_, slot: string) => values[slot]![language]);
}

function direction(random: () => number): [Language, Language] {
  let roll = random();
  for (const [source, target, share] of DIRECTIONS) {
    if ((roll -= share) < 0) return [source, target];
  }
  return ['he', 'en'];
}

/** Sentence i in both languages of its direction, fresh from the seed (a query can be generated the same way). */
export function sentencePair(seed: number, i: number): TranslationPair {
  const random = prng(seed * 1_000_003 + i);
  const [source, target] = direction(random);
  const template = pick(TEMPLATES, random);
  const closing = pick(CLOSINGS, random);
  const values = slots(random);
  return {
    source: { lang: source, text: fill(template, closing, values, source) },
    target: { lang: target, text: fill(template, closing, values, target) },
    certifiedAt: Date.UTC(2027, 0, 1) + i * 60_000,
    messageId: `m${i}`,
  };
}

/** A query near stored sentence `of`: with a number changed, a place changed, or a word dropped, or unchanged. */
export function nearQuery(pair: TranslationPair, random: () => number): { text: string; kind: string } {
  const text = pair.source.text;
  const roll = random();
  if (roll < 0.25) return { text, kind: 'exact' };
  if (roll < 0.5 && /\d/u.test(text)) return { text: text.replace(/\d+/u, (digits) => String(Number(digits) + 1)), kind: 'number' };
  if (roll < 0.75) {
    const words = text.split(' ');
    words.splice(Math.floor(random() * words.length), 1);
    return { text: words.join(' '), kind: 'word dropped' };
  }
  return { text: `${text} ${pick(CLOSINGS, random)[pair.source.lang]}`.trim(), kind: 'clause added' };
}
