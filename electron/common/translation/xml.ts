/**
 * The XML writer for the glossary (TBX) and translation-memory (TMX) exports: every piece of user text goes through
 * the escapes below, so no term, note or segment can close an element, open a comment or a CDATA section, or be
 * normalised away by the reader at the other end. Environment-free. Reading is in xml-reader.ts.
 */

/** What the writer takes: an element with either text or child elements (TBX and TMX need no mixed content). */
export interface XmlNode {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: readonly XmlNode[];
}

// Characters XML 1.0 cannot carry at all, not even as a character reference: C0 controls other than tab, LF and CR,
// lone surrogates, U+FFFE and U+FFFF. They can only be replaced; U+FFFD shows where something was.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** True when every character of the text can be written to XML as it is (see `escapeXmlText`). */
export const isXmlRepresentable = (text: string): boolean => !new RegExp(NOT_XML_CHAR.source, 'u').test(text);

// Written as references because parsers turn them into LF when literal: CR always (XML 1.0 line-end handling), NEL and
// LINE SEPARATOR under XML 1.1's rules, and PARAGRAPH SEPARATOR by at least one parser (xmldom) beyond them. A
// reference is never normalised.
const LINE_END_LIKE = /[\r\u0085\u2028\u2029]/gu;

/**
 * Text content. Characters XML cannot carry become U+FFFD (lossy, and the only choice: callers that must not lose
 * anything check `isXmlRepresentable` first). `>` is escaped too, so `]]>` never appears literally.
 */
export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(LINE_END_LIKE, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Attribute values: also quotes, and tab and LF, which attribute-value normalisation would otherwise turn into spaces. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value).replaceAll('"', '&quot;').replaceAll('\t', '&#9;').replaceAll('\n', '&#10;');
}

const writeAttributes = (attributes: Readonly<Record<string, string>> = {}): string =>
  Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');

function writeNode(node: XmlNode, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const open = `${indent}<${node.name}${writeAttributes(node.attributes)}`;
  if (node.children !== undefined && node.children.length > 0) {
    out.push(`${open}>`);
    for (const child of node.children) writeNode(child, depth + 1, out);
    out.push(`${indent}</${node.name}>`);
  } else if (node.text !== undefined && node.text !== '') {
    // Text stays on the start tag's line: whitespace inside a term or a segment is content.
    out.push(`${open}>${escapeXmlText(node.text)}</${node.name}>`);
  } else {
    out.push(`${open}/>`);
  }
}

/** A whole UTF-8 document with its declaration; element-only content is indented, text content is written exactly. */
export function serializeXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  writeNode(root, 0, out);
  return `${out.join('\n')}\n`;
}
