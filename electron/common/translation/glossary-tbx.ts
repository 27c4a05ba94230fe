/**
 * The glossary as TBX (ISO 30042:2019, the TermBase eXchange format terminology tools exchange).
 *
 * Export is TBX-Basic in the DCA style: one `<conceptEntry id>` per entry, its note as a concept-level `<note>`, one
 * `<langSec xml:lang>` per language with the agreed term as `preferredTerm-admn-sts`, each other accepted form as its
 * own `<termSec>` marked `admittedTerm-admn-sts`, and each forbidden variant marked `deprecatedTerm-admn-sts`.
 * (TBX-Basic rather than TBX-Core because the administrative status is a TBX-Basic data category; Core alone has no
 * way to say "forbidden".)
 *
 * Import reads that, and what common tools write: TBX 2 (`<martif>`, `<termEntry>`, `<langSet>`, `<tig>`/`<ntig>`),
 * TBX-Min's status words, regional language tags (`he-IL`, and the old `iw`). Languages other than he/ar/en are
 * skipped. Where no term of a language is marked preferred, the first one not marked forbidden is the term.
 */
import type { GlossaryEntry } from './glossary-entry';
import { type GlossaryImport, GlossaryImportCollector } from './glossary-import';
import { serializeXml, type XmlNode } from './xml';
import { childElements, localName, parseXml, textContent, XmlError, type XmlElement } from './xml-reader';
import { LANGUAGES, type Language } from '../settings';

const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';
const PREFERRED = 'preferredTerm-admn-sts';
const ADMITTED = 'admittedTerm-admn-sts';
const DEPRECATED = 'deprecatedTerm-admn-sts';

const termSec = (term: string, status: string): XmlNode => ({
  name: 'termSec',
  children: [
    { name: 'term', text: term },
    { name: 'termNote', attributes: { type: 'administrativeStatus' }, text: status },
  ],
});

function conceptEntry(entry: GlossaryEntry): XmlNode {
  const languages: XmlNode[] = [];
  for (const language of LANGUAGES) {
    const term = entry.terms[language];
    const terms = [
      ...(term === undefined ? [] : [termSec(term, PREFERRED)]),
      ...(entry.forms?.[language] ?? []).map((form) => termSec(form, ADMITTED)),
      ...(entry.forbidden[language] ?? []).map((variant) => termSec(variant, DEPRECATED)),
    ];
    if (terms.length === 0) continue;
    languages.push({ name: 'langSec', attributes: { 'xml:lang': language }, children: terms });
  }
  const note: XmlNode[] = entry.note === '' ? [] : [{ name: 'note', text: entry.note }];
  return { name: 'conceptEntry', attributes: { id: entry.id }, children: [...note, ...languages] };
}

/** A TBX-Basic document. Characters XML cannot carry at all (C0 controls, lone surrogates) become U+FFFD. */
export function glossaryToTbx(entries: readonly GlossaryEntry[]): string {
  return serializeXml({
    name: 'tbx',
    attributes: { type: 'TBX-Basic', style: 'dca', 'xml:lang': 'en', xmlns: TBX_NAMESPACE },
    children: [
      { name: 'tbxHeader', children: [{ name: 'fileDesc', children: [{ name: 'sourceDesc', children: [{ name: 'p', text: 'Liaison Hotline glossary' }] }] }] },
      { name: 'text', children: [{ name: 'body', children: entries.map(conceptEntry) }] },
    ],
  });
}

type Status = 'preferred' | 'forbidden' | 'admitted';

const FORBIDDEN_STATUSES = new Set([DEPRECATED, 'supersededTerm-admn-sts', 'notRecommended', 'obsolete']);
const PREFERRED_STATUSES = new Set([PREFERRED, 'preferred']);

/** he, he-IL, iw (Hebrew's code before 1989, still written by some tools) → he; other languages → null. */
function languageOf(tag: string | undefined): Language | null {
  const primary = (tag ?? '').split(/[-_]/u)[0]!.toLowerCase();
  const language = primary === 'iw' ? 'he' : primary;
  return LANGUAGES.find((known) => known === language) ?? null;
}

/** Every element named `name` among the children, looking through one level of grouping (`ntig` → `termGrp`). */
const elementsIn = (parent: XmlElement, name: string): XmlElement[] => [
  ...childElements(parent, name),
  ...childElements(parent, 'termGrp').flatMap((group) => childElements(group, name)),
];

function statusOf(section: XmlElement): Status {
  const note = elementsIn(section, 'termNote').find((element) => element.attributes['type'] === 'administrativeStatus');
  const status = note === undefined ? '' : textContent(note).trim();
  if (PREFERRED_STATUSES.has(status)) return 'preferred';
  return FORBIDDEN_STATUSES.has(status) ? 'forbidden' : 'admitted';
}

interface LanguageTerms {
  preferred: string | undefined;
  forms: string[];
  forbidden: string[];
}

/** The entry as the schema will judge it, or the code of what makes it unusable. */
function readConcept(concept: XmlElement): unknown {
  const byLanguage = new Map<Language, LanguageTerms>();
  for (const section of [...childElements(concept, 'langSec'), ...childElements(concept, 'langSet')]) {
    const language = languageOf(section.attributes['xml:lang']);
    if (language === null) continue;
    const terms = byLanguage.get(language) ?? { preferred: undefined, forms: [], forbidden: [] };
    byLanguage.set(language, terms);
    for (const term of ['termSec', 'tig', 'ntig'].flatMap((name) => childElements(section, name))) {
      const text = elementsIn(term, 'term')[0];
      if (text === undefined) continue;
      const status = statusOf(term);
      if (status === 'forbidden') terms.forbidden.push(textContent(text));
      else if (status === 'admitted') terms.forms.push(textContent(text));
      else if (terms.preferred === undefined) terms.preferred = textContent(text);
      else return 'several-preferred-terms';
    }
    // Without an explicit agreed term, the first admitted one is the term (files from tools that mark nothing).
    if (terms.preferred === undefined) terms.preferred = terms.forms.shift();
  }
  const notes = childElements(concept, 'note');
  const definitions = childElements(concept, 'descrip').filter((element) => element.attributes['type'] === 'definition');
  return {
    id: concept.attributes['id'] ?? '',
    terms: Object.fromEntries([...byLanguage].flatMap(([language, terms]) => (terms.preferred === undefined ? [] : [[language, terms.preferred]]))),
    forms: Object.fromEntries([...byLanguage].map(([language, terms]) => [language, terms.forms])),
    forbidden: Object.fromEntries([...byLanguage].map(([language, terms]) => [language, terms.forbidden])),
    note: (notes.length > 0 ? notes : definitions).map(textContent).join('\n'),
  };
}

export function glossaryFromTbx(text: string): GlossaryImport {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) return { entries: [], errors: [{ line: error.line, code: `xml-${error.code}` }] };
    throw error;
  }
  if (!['tbx', 'martif'].includes(localName(root.name))) return { entries: [], errors: [{ line: root.line, code: 'not-tbx' }] };
  const concepts = childElements(root, 'text')
    .flatMap((body) => childElements(body, 'body'))
    .flatMap((body) => [...childElements(body, 'conceptEntry'), ...childElements(body, 'termEntry')]);
  const collector = new GlossaryImportCollector();
  for (const concept of concepts) {
    const candidate = readConcept(concept);
    if (candidate === 'several-preferred-terms') collector.error(concept.line, candidate);
    else collector.add(candidate, concept.line);
  }
  return collector.result();
}
