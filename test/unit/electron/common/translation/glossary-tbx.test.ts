/** The glossary through TBX and back, files as other terminology tools write them, and hostile files. */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { glossaryFromTbx, glossaryToTbx } from '../../../../../electron/common/translation/glossary-tbx';
import { isXmlRepresentable } from '../../../../../electron/common/translation/xml';
import { canonical, naughtyEntries, ORDINARY_ENTRIES } from './glossary-fixtures';

describe('export', () => {
  it('is a well-formed TBX-Basic document with agreed and forbidden terms marked', () => {
    const tbx = glossaryToTbx(ORDINARY_ENTRIES);
    const document = new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } }).parseFromString(tbx, 'text/xml');
    const root = document.documentElement!;
    expect([root.localName, root.namespaceURI, root.getAttribute('type')]).toEqual(['tbx', 'urn:iso:std:iso:30042:ed-2', 'TBX-Basic']);
    const concepts = root.getElementsByTagName('conceptEntry');
    expect(concepts[0]!.getAttribute('id')).toBe('crossing-point');
    const english = concepts[0]!.getElementsByTagName('langSec')[0]!;
    expect(english.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang')).toBe('en');
    const statuses = [...english.getElementsByTagName('termSec')].map((section) => [
      section.getElementsByTagName('term')[0]!.textContent,
      section.getElementsByTagName('termNote')[0]!.textContent,
    ]);
    expect(statuses).toEqual([
      ['crossing point', 'preferredTerm-admn-sts'],
      ['crossing points', 'admittedTerm-admn-sts'],
      ['border gate', 'deprecatedTerm-admn-sts'],
      ['checkpoint', 'deprecatedTerm-admn-sts'],
    ]);
  });
});

describe('round trip', () => {
  it('gives back the same entries', () => {
    expect(glossaryFromTbx(glossaryToTbx(ORDINARY_ENTRIES))).toEqual({ entries: canonical(ORDINARY_ENTRIES), errors: [] });
  });

  it('gives back every naughty string exactly where XML can carry it, and U+FFFD in place of what it cannot', (context) => {
    const entries = naughtyEntries({ variants: true });
    if (entries === null) return context.skip();
    const back = glossaryFromTbx(glossaryToTbx(entries));
    expect(back.errors).toEqual([]);
    expect(back.entries.map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
    const representable = entries.filter((entry) => isXmlRepresentable(entry.note));
    const exact = new Set(representable.map((entry) => entry.id));
    expect(back.entries.filter((entry) => exact.has(entry.id))).toEqual(canonical(representable));
    for (const entry of back.entries.filter((e) => !exact.has(e.id))) expect(entry.note).toContain('\uFFFD');
    console.log(`glossary TBX: ${representable.length} of ${entries.length} naughty strings exact; the rest hold characters XML 1.0 cannot carry`);
  });
});

describe('import from other tools', () => {
  it('reads TBX 2 (martif, termEntry, langSet, tig and ntig), regional and old language tags, and skips other languages', () => {
    const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader/><text><body>
  <termEntry id="c1">
    <descrip type="definition">A column of vehicles.</descrip>
    <langSet xml:lang="en-US"><tig><term>convoy</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      <tig><term>column</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
    <langSet xml:lang="iw"><ntig><termGrp><term>שיירה</term></termGrp></ntig></langSet>
    <langSet xml:lang="fr"><tig><term>convoi</term></tig></langSet>
  </termEntry>
</body></text></martif>`;
    expect(glossaryFromTbx(tbx)).toEqual({
      entries: [{ id: 'c1', terms: { en: 'convoy', he: 'שיירה' }, forbidden: { en: ['column'] }, note: 'A column of vehicles.' }],
      errors: [],
    });
  });

  it('reports entries it cannot take, keeps the others, and takes admitted terms as other forms', () => {
    const tbx = `<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="two-preferred"><langSec xml:lang="en">
  <termSec><term>a</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
  <termSec><term>b</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
</langSec></conceptEntry>
<conceptEntry id="one-language"><langSec xml:lang="en"><termSec><term>a</term></termSec></langSec></conceptEntry>
<conceptEntry id="ok"><langSec xml:lang="en"><termSec><term>patrol</term></termSec>
  <termSec><term>sweep</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec>
  <langSec xml:lang="ar"><termSec><term>دورية</term></termSec></langSec></conceptEntry>
</body></text></tbx>`;
    const result = glossaryFromTbx(tbx);
    expect(result.entries).toEqual([{ id: 'ok', terms: { en: 'patrol', ar: 'دورية' }, forms: { en: ['sweep'] }, forbidden: {}, note: '' }]);
    expect(result.errors).toEqual([
      { line: 2, code: 'several-preferred-terms' },
      { line: 6, code: 'too-few-terms' },
    ]);
  });

  it('refuses hostile and foreign files as a whole, with a code', () => {
    expect(glossaryFromTbx('<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>').errors).toEqual([{ line: 1, code: 'xml-doctype' }]);
    expect(glossaryFromTbx('<tbx><text><body><conceptEntry id="a">&bad;</conceptEntry></body></text></tbx>').errors[0]!.code).toBe('xml-entity');
    expect(glossaryFromTbx('<html><body/></html>').errors).toEqual([{ line: 1, code: 'not-tbx' }]);
  });

  it('reads a file exported by this module from disk bytes decoded as UTF-8 with a BOM', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${glossaryToTbx(ORDINARY_ENTRIES)}`);
    expect(glossaryFromTbx(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).entries).toEqual(canonical(ORDINARY_ENTRIES));
  });
});
