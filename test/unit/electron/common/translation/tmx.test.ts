/** The TMX export opens in a real XML parser, with the right structure, language codes, and hostile text intact. */
import { readFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { pairsToTmx, tmxDate } from '../../../../../electron/common/translation/tmx';
import { isXmlRepresentable } from '../../../../../electron/common/translation/xml';
import type { TranslationPair } from '../../../../../electron/common/translation/translation-pair';
import { vectorPath } from '../../../../support/vectors';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const CREATED = new Date(Date.UTC(2027, 0, 15, 12, 0, 5));
const OPTIONS = { toolVersion: '0.1.0', createdAt: CREATED };

/**
 * Parses strictly: any error or warning of the parser fails the test, except its warning that U+FFFD may mean an
 * encoding problem (here it is what the export writes, on purpose, for characters XML cannot carry).
 */
function parse(xml: string): Element {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (!(level === 'warning' && message.includes('replacement character'))) throw new Error(`${level}: ${message}`);
    },
  });
  return parser.parseFromString(xml, 'text/xml').documentElement!;
}

const pair = (source: [TranslationPair['source']['lang'], string], target: [TranslationPair['target']['lang'], string], messageId?: string): TranslationPair => ({
  source: { lang: source[0], text: source[1] },
  target: { lang: target[0], text: target[1] },
  certifiedAt: Date.UTC(2027, 0, 14, 9, 30),
  ...(messageId === undefined ? {} : { messageId }),
});

const segments = (root: Element) =>
  [...root.getElementsByTagName('tu')].map((tu) =>
    [...tu.getElementsByTagName('tuv')].map((tuv) => [tuv.getAttributeNS(XML_NAMESPACE, 'lang'), tuv.getElementsByTagName('seg')[0]!.textContent]),
  );

describe('TMX 1.4b export', () => {
  it('has the header TMX requires, plain BCP 47 language codes and one tu per pair', () => {
    const root = parse(
      pairsToTmx([pair(['he', 'השיירה תעבור בשעה 14:30.'], ['en', 'The convoy will cross at 14:30.'], 'msg-1'), pair(['he', 'שלום'], ['ar', 'سلام'])], OPTIONS),
    );
    expect(root.tagName).toBe('tmx');
    expect(root.getAttribute('version')).toBe('1.4');
    const header = root.getElementsByTagName('header')[0]!;
    expect(Object.fromEntries(['creationtool', 'creationtoolversion', 'datatype', 'segtype', 'adminlang', 'srclang', 'o-tmf', 'creationdate'].map((a) => [a, header.getAttribute(a)]))).toEqual({
      creationtool: 'Liaison Hotline',
      creationtoolversion: '0.1.0',
      datatype: 'plaintext',
      segtype: 'sentence',
      adminlang: 'en',
      srclang: 'he',
      'o-tmf': 'LiaisonHotlineTM',
      creationdate: '20270115T120005Z',
    });
    expect(segments(root)).toEqual([
      [
        ['he', 'השיירה תעבור בשעה 14:30.'],
        ['en', 'The convoy will cross at 14:30.'],
      ],
      [
        ['he', 'שלום'],
        ['ar', 'سلام'],
      ],
    ]);
    const first = root.getElementsByTagName('tu')[0]!;
    expect(first.getAttribute('creationdate')).toBe('20270114T093000Z');
    expect(first.getElementsByTagName('prop')[0]!.getAttribute('type')).toBe('x-message-id');
    expect(first.getElementsByTagName('prop')[0]!.textContent).toBe('msg-1');
  });

  it('says *all* for the source language when pairs start from different languages', () => {
    const root = parse(pairsToTmx([pair(['he', 'א'], ['en', 'a']), pair(['ar', 'ب'], ['en', 'b'])], OPTIONS));
    expect(root.getElementsByTagName('header')[0]!.getAttribute('srclang')).toBe('*all*');
  });

  it('is valid with no pairs', () => {
    expect(parse(pairsToTmx([], OPTIONS)).getElementsByTagName('tu')).toHaveLength(0);
  });

  it('keeps hostile text intact: markup, ]]>, entities, bidi controls, emoji, CR; unpaired surrogates become U+FFFD', () => {
    const hostile = '</seg></tuv><tu> & &amp; ]]> <![CDATA[x]]> <!-- c --> \u202Eevil\u202C \u2067RLI\u2069 \u200F \u{1F4A3}\u{1F1EE}\u{1F1F1} a\r\nb "\'';
    const root = parse(pairsToTmx([pair(['en', hostile], ['he', `${hostile}\uD800`])], OPTIONS));
    expect(segments(root)).toEqual([
      [
        ['en', hostile],
        ['he', `${hostile}\uFFFD`],
      ],
    ]);
  });

  it('writes every naughty string so that a real parser reads it back (exactly, where XML 1.0 can carry it)', (context) => {
    const file = vectorPath('naughty-strings/blns.json');
    if (file === null) return context.skip();
    const strings = (JSON.parse(readFileSync(file, 'utf8')) as string[]).filter((text) => text !== '');
    const root = parse(pairsToTmx(strings.map((text) => pair(['en', text], ['ar', text])), OPTIONS));
    const read = segments(root);
    expect(read).toHaveLength(strings.length);
    const representable = strings.map(isXmlRepresentable);
    // The others hold C0 controls or U+FFFE, which XML 1.0 cannot carry at all.
    expect(read.filter((unit, index) => representable[index] && unit[0]?.[1] !== strings[index])).toEqual([]);
    expect(representable.filter(Boolean).length).toBeGreaterThan(strings.length - 10);
  });

  it('writes TMX dates as YYYYMMDDThhmmssZ in UTC', () => {
    expect(tmxDate(new Date('2027-03-04T05:06:07.890Z'))).toBe('20270304T050607Z');
  });
});
