/** Glossary entries for the CSV and TBX round trips: ordinary ones in three languages, and entries of hostile text. */
import { readFileSync } from 'node:fs';
import { GlossaryEntry } from '../../../../../electron/common/translation/glossary-entry';
import { withoutEmptyVariants } from '../../../../../electron/common/translation/glossary-import';
import { vectorPath } from '../../../../support/vectors';

export const ORDINARY_ENTRIES: readonly GlossaryEntry[] = [
  GlossaryEntry.parse({
    id: 'crossing-point',
    terms: { en: 'crossing point', he: 'נקודת מעבר', ar: 'نقطة العبور' },
    forms: { en: ['crossing points'], he: ['נקודות מעבר', 'נקודות המעבר'] },
    forbidden: { en: ['border gate', 'checkpoint'], ar: ['معبر حدودي'] },
    note: 'The agreed name for the places where the line may be crossed; "checkpoint" implies inspection.',
  }),
  GlossaryEntry.parse({ id: 'de-confliction', terms: { en: 'de-confliction notice', ar: 'إشعار منع التضارب' } }),
  GlossaryEntry.parse({
    id: 'UN_observers-2',
    terms: { he: 'משקיפי האו״ם', en: 'UN observers' },
    forbidden: { he: ['פקחי או"ם', 'צופים'] },
    note: 'Multi-line note,\r\nwith CRLF, a "quote", a comma and =SUM(A1) inside.',
  }),
];

/**
 * One entry per string of the Big List of Naughty Strings that the schema accepts as a term, the string used as the
 * English term, as an Arabic form and a forbidden Hebrew variant (unless `variants` is false) and as the note. Null, with the reason
 * printed, when the list is absent (never under CI=true).
 */
export function naughtyEntries(options: { variants: boolean }): GlossaryEntry[] | null {
  const file = vectorPath('naughty-strings/blns.json');
  if (file === null) return null;
  const strings = JSON.parse(readFileSync(file, 'utf8')) as string[];
  return strings.flatMap((text, index) => {
    const parsed = GlossaryEntry.safeParse({
      id: `naughty-${index}`,
      terms: { en: text, ar: 'نص' },
      forms: options.variants ? { ar: [text] } : {},
      forbidden: options.variants ? { he: [text] } : {},
      note: text,
    });
    return parsed.success ? [parsed.data] : [];
  });
}

/** The form an import gives back: an empty variant list is the same as none (see glossary-import.ts). */
export const canonical = (entries: readonly GlossaryEntry[]): GlossaryEntry[] => entries.map(withoutEmptyVariants);
