// The glossary check: where the original uses a term of the glossary, the translation uses the agreed term for its
// language (or an accepted form of it), and none of the entry's forbidden variants. A forbidden variant is reported
// instead of the missing term, not as well: it is the same fault, seen from the other side. Forbidden variants are
// only looked for where the entry applies (its term is in the original): "הרוגים" is a forbidden rendering of
// "casualties", but the right one of "killed". A term inside a place name ("crossing" in "Quneitra crossing") is the
// gazetteer's to check, not the glossary's; nor is an English term in -ing used as a verb ("before crossing", see
// verbal-ing.ts). The exception is a name's forbidden variants: a loaded designation of a state ("the Zionist
// entity") is wrong in a translation whatever the original said ("an Israeli patrol" too), unless the original itself
// uses it, in which case a faithful translation keeps it.
import type { CheckedText } from './checked-text';
import { finding, type Finding } from './findings';
import type { CompiledEntry, Terminology } from './terminology';
import { blankVerbalIng } from './verbal-ing';

export function checkTerms(source: CheckedText, target: CheckedText, terminology: Terminology): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<CompiledEntry>();
  const withoutPlaces = terminology.findPlaces[source.lang].blank(source.folded);
  const searched = source.lang === 'en' ? blankVerbalIng(withoutPlaces) : withoutPlaces;
  for (const compiled of new Set(terminology.findEntries[source.lang].find(searched))) {
    const { entry } = compiled;
    const expected = entry.terms[target.lang];
    const term = entry.terms[source.lang] ?? '';
    if (expected === undefined) continue;
    reported.add(compiled);
    const forbidden = compiled.forbidden[target.lang]?.(target.folded) ?? null;
    if (forbidden !== null) findings.push(finding('termForbidden', { term, found: forbidden, expected, entry: entry.id }));
    else if (compiled.agreed[target.lang]?.(target.folded) == null) findings.push(finding('termMissing', { term, expected, entry: entry.id }));
  }
  for (const compiled of terminology.entries) {
    if (!compiled.isName || reported.has(compiled) || compiled.forbidden[source.lang]?.(source.folded) != null) continue;
    const { entry } = compiled;
    const forbidden = compiled.forbidden[target.lang]?.(target.folded) ?? null;
    const expected = entry.terms[target.lang];
    if (forbidden !== null && expected !== undefined) findings.push(finding('termForbidden', { term: entry.terms[source.lang] ?? expected, found: forbidden, expected, entry: entry.id }));
  }
  return findings;
}
