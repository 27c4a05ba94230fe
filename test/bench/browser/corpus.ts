/**
 * A deterministic corpus of liaison-line messages for the search benchmark: Hebrew, Arabic and English sentences of a
 * hotline's vocabulary, with quantities, times, dates and vehicle numbers in Western or Arabic-Indic digits; Arabic
 * sometimes written with diacritics, tatweel and alef variants, Hebrew sometimes with niqqud — the spellings the
 * search normalisation exists for. Message i is a pure function of (seed, i), so the page can regenerate any message
 * (to pick query words from it) without keeping 100,000 texts around.
 *
 * Word frequencies follow a Zipf law within each list, as in real text: a few content words ("crossing", "convoy")
 * are in a large share of the messages, most are in a few percent, and numbers are nearly unique. Queries are drawn
 * so that p95 meets the frequent words too (see `query`).
 */
import type { Language } from '../../../electron/common/settings';

const words = (text: string): readonly string[] => text.trim().split(/\s+/);

const VOCABULARY: Readonly<Record<Language, { readonly function: readonly string[]; readonly content: readonly string[] }>> = {
  en: {
    function: words('the a to of and in on at for with from by is are be will we you they this that please not no yes all also only after before between near until our your'),
    content: words(`
      crossing convoy checkpoint patrol border ambulance hospital humanitarian aid truck trucks fuel water medical supplies
      evacuation casualty ceasefire incident report confirm request approval delay route road bridge village town liaison
      officer commander unit battalion sector position coordinates observation drone helicopter aircraft artillery fire
      shelling smoke explosion mine clearance engineer team civilians family families farmers shepherds livestock fence
      gate tower outpost camp station radio frequency channel signal message schedule morning evening night tomorrow today
      hours minutes window passage movement vehicle vehicles bus jeep tractor bulldozer repair works electricity line
      pipeline valve well spring river wadi hill ridge valley field orchard harvest olive apples cherries wheat school
      clinic doctor nurse patient wounded injured stretcher blood oxygen medicine generator diesel flour bread food
      blankets tents shelter refugees returnees detainee release exchange remains body identification red cross
      observers disengagement zone buffer line violation protest warning notice acknowledge received understood standby
      urgent priority routine weather fog rain snow visibility wind storm flood fire brigade firefighters quneitra golan
      hermon damascus tiberias safed kiryat shmona majdal shams masade buqata rafid hadar jubata khan arnabah beit jinn
      sheikh miskin daraa katzrin merom golan ein zivan`),
  },
  he: {
    function: words('של את על עם אל לא כן זה זו יש אין כל גם רק עוד אחרי לפני בין ליד מול אנחנו אתם הם נא בבקשה תודה עד כי אם או'),
    content: words(`
      מחסום מעבר שיירה סיור גבול אמבולנס חולים הומניטרי סיוע משאית משאיות דלק מים ציוד רפואי פינוי נפגע הפסקת אש אירוע
      דיווח אישור בקשה עיכוב ציר כביש גשר כפר עיירה קישור קצין מפקד יחידה גדוד גזרה עמדה ציון תצפית רחפן מסוק מטוס
      ארטילריה ירי הפגזה עשן פיצוץ מוקש מהנדס צוות אזרחים משפחה משפחות חקלאים רועים עדר גדר שער מגדל מוצב מחנה תחנה קשר
      תדר ערוץ אות הודעה זמנים בוקר ערב לילה מחר היום שעות דקות זמן חלון תנועה רכב רכבים אוטובוס גיפ טרקטור דחפור תיקון
      עבודות חשמל קו צינור מגוף באר מעיין נהר ואדי גבעה רכס עמק שדה מטע קציר זית תפוחים דובדבנים חיטה ספר מרפאה רופא
      אחות מטופל פצוע פצועים אלונקה דם חמצן תרופות גנרטור סולר קמח לחם מזון שמיכות אוהלים מחסה פליטים חוזרים עציר שחרור
      חילופי שרידים גופה זיהוי הצלב האדום משקיפים הפרדה אזור חיץ קו הפרה מחאה אזהרה הודעה קיבלנו הבנו כוננות דחוף
      עדיפות שגרה מזג אוויר ערפל גשם שלג ראות רוח סערה שיטפון כבאות לוחמי קוניטרה גולן חרמון דמשק טבריה צפת קרית שמונה
      מגדל שמס מסעדה בוקעתא רפיד חדר גובתא חאן ארנבה בית גן דרעא קצרין מרום עין זיוון`),
  },
  ar: {
    function: words('في من إلى على عن مع هذا هذه لا نعم كل أيضا فقط بعد قبل بين قرب أمام نحن أنتم هم يرجى شكرا حتى أن أو'),
    content: words(`
      حاجز معبر قافلة دورية حدود إسعاف مستشفى إنساني مساعدات شاحنة شاحنات وقود مياه معدات طبية إخلاء مصاب وقف إطلاق النار
      حادث تقرير تأكيد طلب موافقة تأخير طريق جسر قرية بلدة ارتباط ضابط قائد وحدة كتيبة قطاع موقع إحداثيات مراقبة مسيرة
      مروحية طائرة مدفعية قصف دخان انفجار لغم مهندس فريق مدنيين عائلة عائلات مزارعين رعاة ماشية سياج بوابة برج مخفر مخيم
      محطة لاسلكي تردد قناة إشارة رسالة جدول صباح مساء ليلة غدا اليوم ساعات دقائق وقت نافذة عبور حركة مركبة مركبات حافلة
      جرار جرافة إصلاح أعمال كهرباء خط أنبوب صمام بئر نبع نهر وادي تلة سلسلة سهل حقل بستان حصاد زيتون تفاح كرز قمح مدرسة
      عيادة طبيب ممرضة مريض جريح جرحى نقالة دم أكسجين أدوية مولد مازوت طحين خبز غذاء بطانيات خيام مأوى لاجئين عائدين
      محتجز إفراج تبادل رفات جثة تحديد الصليب الأحمر المراقبين فض الاشتباك منطقة عازلة خرق احتجاج تحذير إشعار استلمنا
      فهمنا جاهزية عاجل أولوية روتيني الطقس ضباب مطر ثلج الرؤية رياح عاصفة فيضان الإطفاء رجال القنيطرة الجولان حرمون
      دمشق طبريا صفد كريات شمونة مجدل شمس مسعدة بقعاثا الرفيد حضر جباتا خان أرنبة بيت جن الشيخ مسكين درعا كتسرين`),
  },
};

const LANGUAGE_SHARES: readonly [Language, number][] = [
  ['he', 0.35],
  ['ar', 0.35],
  ['en', 0.3],
];

/** A small fast PRNG (mulberry32): the same sequence in every run and every browser. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index into a list of n with Zipf weights 1/(rank+1): cumulative weights computed once per list size. */
const zipfTables = new Map<number, Float64Array>();
function zipf(n: number, random: () => number): number {
  let table = zipfTables.get(n);
  if (!table) {
    table = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i += 1) table[i] = sum += 1 / (i + 1);
    zipfTables.set(n, table);
  }
  const target = random() * table[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

const ARABIC_HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0652', '\u0651', '\u064B'];
const HEBREW_NIQQUD = ['\u05B0', '\u05B4', '\u05B5', '\u05B6', '\u05B7', '\u05B8', '\u05B9', '\u05BB', '\u05BC'];
const ALEF_VARIANTS = ['\u0623', '\u0625', '\u0622'];

/** Vowel marks after some letters: not correct vocalisation, but exactly what the search must see through. */
function withMarks(word: string, marks: readonly string[], random: () => number): string {
  return [...word].map((ch) => (random() < 0.5 ? ch + pick(marks, random) : ch)).join('');
}

/** A spelling of an Arabic word as people type it: diacritics, an alef with hamza, a tatweel. */
export function arabicVariant(word: string, random: () => number, diacritics: boolean): string {
  let out = word;
  if (out.startsWith('\u0627') && random() < 0.5) out = pick(ALEF_VARIANTS, random) + out.slice(1);
  if (out.length > 3 && random() < 0.1) out = `${out.slice(0, 2)}\u0640${out.slice(2)}`;
  return diacritics ? withMarks(out, ARABIC_HARAKAT, random) : out;
}

export const hebrewWithNiqqud = (word: string, random: () => number): string => withMarks(word, HEBREW_NIQQUD, random);

const toArabicIndic = (digits: string): string => digits.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d)));

function number(random: () => number): string {
  const kind = random();
  if (kind < 0.3) return String(1 + Math.floor(random() * 60)); // a count of trucks, people, minutes
  if (kind < 0.55) return `${String(Math.floor(random() * 24)).padStart(2, '0')}:${pick(['00', '15', '30', '45'], random)}`;
  if (kind < 0.75) return String(Math.floor(random() * 90_000) + 10_000); // a vehicle or grid number: nearly unique
  if (kind < 0.9) return `${1 + Math.floor(random() * 28)}.${1 + Math.floor(random() * 12)}.2027`;
  return String(100 + Math.floor(random() * 900));
}

export interface CorpusMessage {
  readonly text: string;
  readonly lang: Language;
  /** The content words used, as written in the vocabulary (query material). */
  readonly content: readonly string[];
  readonly numbers: readonly string[];
  /** Which spelling features this message uses (for the mix report). */
  readonly features: readonly string[];
}

const seedOf = (seed: number, i: number): number => (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;

export function message(seed: number, i: number): CorpusMessage {
  const random = prng(seedOf(seed, i));
  let r = random();
  const lang = LANGUAGE_SHARES.find(([, share]) => (r -= share) < 0)?.[0] ?? 'en';
  const vocabulary = VOCABULARY[lang];
  const diacritics = lang === 'ar' && random() < 0.4;
  const niqqud = lang === 'he' && random() < 0.2;
  const arabicDigits = lang === 'ar' && random() < 0.5;
  const features = [lang, ...(diacritics ? ['ar-diacritics'] : []), ...(niqqud ? ['he-niqqud'] : []), ...(arabicDigits ? ['arabic-indic-digits'] : [])];
  const length = 18 + Math.floor(random() * 25);
  const parts: string[] = [];
  const content: string[] = [];
  const numbers: string[] = [];
  for (let w = 0; w < length; w += 1) {
    const roll = random();
    if (roll < 0.08) {
      const n = number(random);
      numbers.push(n);
      parts.push(arabicDigits ? toArabicIndic(n) : n);
      continue;
    }
    const isFunction = roll < 0.45;
    const list = isFunction ? vocabulary.function : vocabulary.content;
    let word = list[zipf(list.length, random)]!;
    if (!isFunction) content.push(word);
    if (lang === 'ar') word = arabicVariant(word, random, diacritics && random() < 0.6);
    else if (niqqud && random() < 0.5) word = hebrewWithNiqqud(word, random);
    else if (lang === 'en' && w === 0) word = word[0]!.toUpperCase() + word.slice(1);
    parts.push(word);
    if (random() < 0.08) parts.push(pick([',', '.', ';', ' -'], random));
  }
  return { text: `${parts.join(' ')}.`, lang, content, numbers, features };
}

export interface CorpusQuery {
  readonly text: string;
  readonly kind: string;
}

/**
 * The query mix, a fifth each: one Hebrew word (with niqqud a third of the time), one Arabic word (with diacritics and
 * alef variants half the time), one English word (in capitals a third of the time), a number (in Arabic-Indic digits
 * half the time), and two words of one message (so two-word queries have answers). Single words are drawn uniformly
 * from the vocabulary, so frequent words — found in tens of thousands of messages — are asked as often as rare ones.
 */
export function query(seed: number, q: number, messages: number): CorpusQuery {
  const random = prng(seedOf(seed ^ 0x5eed, q));
  const kind = Math.floor(random() * 5);
  if (kind === 0) {
    const word = pick(VOCABULARY.he.content, random);
    return random() < 1 / 3 ? { text: hebrewWithNiqqud(word, random), kind: 'he+niqqud' } : { text: word, kind: 'he' };
  }
  if (kind === 1) {
    const diacritics = random() < 0.5;
    return { text: arabicVariant(pick(VOCABULARY.ar.content, random), random, diacritics), kind: diacritics ? 'ar+diacritics' : 'ar' };
  }
  if (kind === 2) {
    const word = pick(VOCABULARY.en.content, random);
    return random() < 1 / 3 ? { text: word.toUpperCase(), kind: 'en-caps' } : { text: word, kind: 'en' };
  }
  // Numbers and word pairs come from a stored message, so they have at least one answer.
  let source = message(seed, Math.floor(random() * messages));
  if (kind === 3) {
    while (source.numbers.length === 0) source = message(seed, Math.floor(random() * messages));
    const n = pick(source.numbers, random);
    return random() < 0.5 ? { text: toArabicIndic(n), kind: 'digits-arabic-indic' } : { text: n, kind: 'digits' };
  }
  while (new Set(source.content).size < 2) source = message(seed, Math.floor(random() * messages));
  const distinct = [...new Set(source.content)];
  const first = pick(distinct, random);
  const second = pick(distinct.filter((word) => word !== first), random);
  return { text: `${first} ${second}`, kind: `two-words-${source.lang}` };
}
