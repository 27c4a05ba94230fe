// The shapes of the channel's shared terminology (DESIGN §4): glossary entries (agreed terms with forbidden
// variants) and gazetteer places (agreed names of towns, crossings and landmarks). Declared once here, because they
// cross every boundary: signed glossary envelopes, CSV/TBX files, the shipped data and the safety checks.
import { z } from 'zod';
import { LANGUAGES, type Language } from '../settings';

const term = z.string().trim().min(1).max(200);

/** One term per language; at least two languages, since an entry exists to pair a term with its translation. */
const termsByLanguage = z
  .object({ en: term.optional(), he: term.optional(), ar: term.optional() })
  .strict()
  .refine((terms) => LANGUAGES.filter((language) => terms[language] !== undefined).length >= 2, {
    message: 'a glossary entry names its term in at least two languages',
  });

const variants = z.array(term).max(20);

export const GlossaryEntry = z
  .object({
    /** Stable across edits, so an edited entry replaces its earlier version everywhere. */
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    terms: termsByLanguage,
    /**
     * Other accepted forms of the term (a broken plural, a construct or definite form the safety checks cannot derive
     * from the term itself: "ضباط الارتباط" for "ضابط ارتباط"). Optional, so files that do not carry it stay valid.
     */
    forms: z.object({ en: variants, he: variants, ar: variants }).partial().strict().optional(),
    /** Wordings that must not appear in a translation into that language where the entry's term applies. */
    forbidden: z.object({ en: variants, he: variants, ar: variants }).partial().strict().default({}),
    note: z.string().max(1000).default(''),
  })
  .strict();
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

export const PLACE_KINDS = ['town', 'crossing', 'landmark', 'region'] as const;

export const GazetteerPlace = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    kind: z.enum(PLACE_KINDS),
    /** The agreed name in every language. */
    names: z.object({ en: term, he: term, ar: term }).strict(),
    /** Other spellings met in source texts (recognised, but not agreed for a translation). */
    variants: z.object({ en: variants, he: variants, ar: variants }).partial().strict().default({}),
  })
  .strict();
export type GazetteerPlace = z.infer<typeof GazetteerPlace>;

export type { Language };
