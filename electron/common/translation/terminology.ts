// The channel's terminology as the safety checks use it: glossary entries and gazetteer places, validated, with
// their matchers compiled once (a check runs on every keystroke; compiling a few hundred patterns per call would
// cost more than the checks themselves). The shipped glossary and gazetteer of the border area are the default.
import { z } from 'zod';
import { LANGUAGES, type Language } from '../settings';
import glossaryData from './data/glossary.json';
import gazetteerData from './data/gazetteer.json';
import { GazetteerPlace, GlossaryEntry } from './glossary-entry';
import { compilePhraseFinder, compileTermTest, type PatternOptions, type PhraseFinder } from './term-pattern';

type TermTest = (folded: string) => string | null;
type PerLanguage<T> = Readonly<Record<Language, T>>;

export interface CompiledEntry {
  readonly entry: GlossaryEntry;
  /** Finds the agreed term, or one of its accepted forms, in a text of that language. */
  readonly agreed: Partial<PerLanguage<TermTest>>;
  readonly forbidden: Partial<PerLanguage<TermTest>>;
  /** A name (a state's): its forbidden variants are loaded designations, wrong in any translation (check-terms.ts). */
  readonly isName: boolean;
}

export interface CompiledPlace {
  readonly place: GazetteerPlace;
  readonly agreed: PerLanguage<TermTest>;
  readonly variants: PerLanguage<TermTest>;
}

export interface Terminology {
  readonly glossary: readonly GlossaryEntry[];
  readonly gazetteer: readonly GazetteerPlace[];
  readonly entries: readonly CompiledEntry[];
  readonly places: readonly CompiledPlace[];
  /** Which entries a text of that language names (one pass, longest term first). */
  readonly findEntries: PerLanguage<PhraseFinder<CompiledEntry>>;
  /** Which places a text of that language names, by agreed name or variant; and the text without them. */
  readonly findPlaces: PerLanguage<PhraseFinder<CompiledPlace>>;
  /** English words of terms and place names, folded: a translation may keep them in Latin letters. */
  readonly latinWords: ReadonlySet<string>;
}

// Terms inflect (up to three letters: Hebrew and Arabic plurals, construct endings); names take only a letter
// (an Arabic nisba or feminine ending), so that a name does not swallow a longer word.
const TERM: PatternOptions = { ending: 3 };
const NAME: PatternOptions = { ending: 1, optionalArticle: true };
// An entry whose English term is capitalised (and not an acronym) is a name, such as a state's ("Israel", "Syria"):
// it is matched as the gazetteer matches names (a Hebrew article may drop after a prefix), but with no ending and
// with the Arabic article exactly as written, because an ending or an added article makes the adjective ("ישראלי",
// "الإسرائيلي", "السورية"), a different word with its own translation.
const PROPER_NAME: PatternOptions = { ending: 0, optionalArticle: true, noArticle: true };
const isProperName = (entry: GlossaryEntry): boolean => {
  const english = entry.terms.en ?? '';
  return /^[A-Z]/u.test(english) && english !== english.toUpperCase();
};
const entryOptions = (entry: GlossaryEntry): PatternOptions => (isProperName(entry) ? PROPER_NAME : TERM);

const byLanguage = <T>(make: (language: Language) => T): PerLanguage<T> =>
  Object.fromEntries(LANGUAGES.map((language) => [language, make(language)])) as Record<Language, T>;

function compileEntry(entry: GlossaryEntry): CompiledEntry {
  const agreed: Partial<Record<Language, TermTest>> = {};
  const forbidden: Partial<Record<Language, TermTest>> = {};
  for (const language of LANGUAGES) {
    const term = entry.terms[language];
    if (term !== undefined) agreed[language] = compileTermTest([term, ...(entry.forms?.[language] ?? [])], language, entryOptions(entry));
    const variants = entry.forbidden[language] ?? [];
    if (variants.length > 0) forbidden[language] = compileTermTest(variants, language, TERM);
  }
  return { entry, agreed, forbidden, isName: isProperName(entry) };
}

function compilePlace(place: GazetteerPlace): CompiledPlace {
  return {
    place,
    agreed: byLanguage((language) => compileTermTest([place.names[language]], language, NAME)),
    variants: byLanguage((language) => compileTermTest(place.variants[language] ?? [], language, NAME)),
  };
}

export function buildTerminology(glossary: readonly GlossaryEntry[], gazetteer: readonly GazetteerPlace[]): Terminology {
  const entries = glossary.map(compileEntry);
  const places = gazetteer.map(compilePlace);
  const findEntries = byLanguage((language) =>
    compilePhraseFinder(
      entries.flatMap((compiled) => {
        const term = compiled.entry.terms[language];
        if (term === undefined) return [];
        const options = entryOptions(compiled.entry);
        return [term, ...(compiled.entry.forms?.[language] ?? [])].map((text) => ({ text, key: compiled, options }));
      }),
      language,
      TERM,
    ),
  );
  // Agreed names before variants: where one place's agreed name is another's variant ("الجولان" is the Golan's name
  // and a variant of the Golan Heights), the original names the place whose name it is.
  const findPlaces = byLanguage((language) =>
    compilePhraseFinder(
      [
        ...places.map((compiled) => ({ text: compiled.place.names[language], key: compiled })),
        ...places.flatMap((compiled) => (compiled.place.variants[language] ?? []).map((text) => ({ text, key: compiled }))),
      ],
      language,
      NAME,
    ),
  );
  const english = [
    ...glossary.flatMap((e) => [e.terms.en ?? '', ...(e.forms?.en ?? [])]),
    ...gazetteer.flatMap((p) => [p.names.en, ...(p.variants.en ?? [])]),
  ];
  const latinWords = new Set(english.flatMap((text) => text.toLowerCase().split(/[^a-z']+/u)).filter((w) => w !== ''));
  return { glossary, gazetteer, entries, places, findEntries, findPlaces, latinWords };
}

/** Reads glossary and gazetteer data (e.g. parsed JSON files), or throws a ZodError naming what is wrong. */
export function terminologyFromData(glossary: unknown, gazetteer: unknown): Terminology {
  return buildTerminology(z.array(GlossaryEntry).parse(glossary), z.array(GazetteerPlace).parse(gazetteer));
}

let shipped: Terminology | null = null;

/** The glossary and gazetteer shipped with the app, validated and compiled on first use. */
export function shippedTerminology(): Terminology {
  shipped ??= terminologyFromData(glossaryData, gazetteerData);
  return shipped;
}

/**
 * The shipped terminology with the channel's own glossary entries over it: a channel entry replaces the shipped entry
 * of the same id, and adds to the rest. The gazetteer is the shipped one.
 */
export function channelTerminology(channelEntries: readonly GlossaryEntry[]): Terminology {
  if (channelEntries.length === 0) return shippedTerminology();
  const base = shippedTerminology();
  const replaced = new Set(channelEntries.map((entry) => entry.id));
  return buildTerminology([...base.glossary.filter((entry) => !replaced.has(entry.id)), ...channelEntries], base.gazetteer);
}
