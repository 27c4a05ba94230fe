/**
 * Export of certified sentence pairs as TMX 1.4b, the translation-memory format every CAT tool imports.
 *
 * Language codes are the plain BCP 47 primary tags `he`, `ar`, `en`: they say what the text is written in, which is
 * all a memory knows (a Hebrew sentence is Hebrew whichever post wrote it), and tools match `he` against `he-IL`
 * memories, whereas a guessed region (`ar-SY` for text a translator at the desk wrote) would be a claim we cannot back.
 * The header's `srclang` is the source language shared by all pairs, or `*all*` (the TMX value for "any") when they
 * differ. Each `<tu>` carries its certification time as `creationdate` and its message as an `x-` property.
 */
import type { TranslationPair } from './translation-pair';
import { serializeXml, type XmlNode } from './xml';

export const TMX_CREATION_TOOL = 'Liaison Hotline';
/** The original translation-memory format tag, as TMX 1.4b asks of the tool that wrote the file. */
const O_TMF = 'LiaisonHotlineTM';

export interface TmxOptions {
  readonly toolVersion: string;
  /** When the file was written; the caller's clock, since this module has none. */
  readonly createdAt: Date;
}

/** TMX's date form: YYYYMMDDThhmmssZ, always UTC. */
export const tmxDate = (date: Date): string => date.toISOString().replace(/\.\d{3}/u, '').replace(/[-:]/gu, '');

function translationUnit(pair: TranslationPair): XmlNode {
  const property: XmlNode[] = pair.messageId === undefined ? [] : [{ name: 'prop', attributes: { type: 'x-message-id' }, text: pair.messageId }];
  const variant = (side: TranslationPair['source']): XmlNode => ({
    name: 'tuv',
    attributes: { 'xml:lang': side.lang },
    children: [{ name: 'seg', text: side.text }],
  });
  return {
    name: 'tu',
    attributes: { creationdate: tmxDate(new Date(pair.certifiedAt)) },
    children: [...property, variant(pair.source), variant(pair.target)],
  };
}

/**
 * The whole file. Text is escaped (so `<`, `&`, `]]>` are harmless), kept exactly otherwise (bidi controls, emoji,
 * CR); characters XML cannot carry at all (C0 controls, lone surrogates) become U+FFFD.
 */
export function pairsToTmx(pairs: readonly TranslationPair[], options: TmxOptions): string {
  const sourceLanguages = new Set(pairs.map((pair) => pair.source.lang));
  const [onlySource] = sourceLanguages;
  return serializeXml({
    name: 'tmx',
    attributes: { version: '1.4' },
    children: [
      {
        name: 'header',
        attributes: {
          creationtool: TMX_CREATION_TOOL,
          creationtoolversion: options.toolVersion,
          datatype: 'plaintext',
          segtype: 'sentence',
          adminlang: 'en',
          srclang: sourceLanguages.size === 1 && onlySource !== undefined ? onlySource : '*all*',
          'o-tmf': O_TMF,
          creationdate: tmxDate(options.createdAt),
        },
      },
      { name: 'body', children: pairs.map(translationUnit) },
    ],
  });
}
