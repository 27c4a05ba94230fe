/**
 * A small, strict XML reader for the files a user imports (TBX glossaries). Environment-free, so no DOMParser; written
 * for hostile input: any DOCTYPE is refused (no internal subset, hence no entity expansion and no external entities),
 * as is every entity other than the five predefined ones and character references, and the input size is bounded.
 * It builds a plain element tree and checks well-formedness (matching tags, quoted unique attributes, one root, only
 * XML characters). Namespaces are not resolved: callers match elements by local name, which is all TBX needs.
 */
import { isXmlRepresentable } from './xml';

export interface XmlElement {
  /** The qualified name as written, e.g. `langSec` or `tbx:langSec`. */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
  /** 1-based line of the start tag in the input, for error reports a user can find. */
  readonly line: number;
}

export const XML_ERROR_CODES = ['doctype', 'entity', 'malformed', 'too-large'] as const;
export type XmlErrorCode = (typeof XML_ERROR_CODES)[number];

export class XmlError extends Error {
  constructor(
    readonly code: XmlErrorCode,
    readonly line: number,
    detail: string,
  ) {
    super(`XML ${code} at line ${line}: ${detail}`);
    this.name = 'XmlError';
  }
}

/** Far above any real glossary, far below what would hurt a renderer. */
const DEFAULT_MAX_LENGTH = 32 * 1024 * 1024;

const NAME = /[\p{L}_:][\p{L}\p{N}\p{M}_.:\u00B7-]*/uy;
const WHITESPACE = /[ \t\n]*/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface OpenElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
  line: number;
}

class Reader {
  private position = 0;
  private readonly stack: OpenElement[] = [];
  private root: OpenElement | null = null;

  private readonly lineStarts: number[] = [0];

  constructor(private readonly input: string) {
    for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  parse(): XmlElement {
    while (this.position < this.input.length) this.step();
    if (this.root === null) this.fail('malformed', 'no root element');
    if (this.stack.length > 0) this.fail('malformed', `<${this.stack[this.stack.length - 1]!.name}> is not closed`);
    return this.root;
  }

  private step(): void {
    const at = (prefix: string) => this.input.startsWith(prefix, this.position);
    if (at('<?')) this.skipPast('?>');
    else if (at('<!--')) this.skipPast('-->');
    else if (at('<![CDATA[')) this.cdata();
    else if (at('<!DOCTYPE')) this.fail('doctype', 'a DOCTYPE is refused (entity declarations are not supported)');
    else if (at('<!')) this.fail('malformed', 'unexpected markup declaration');
    else if (at('</')) this.endTag();
    else if (at('<')) this.startTag();
    else this.text();
  }

  private skipPast(terminator: string): void {
    const end = this.input.indexOf(terminator, this.position);
    if (end < 0) this.fail('malformed', `missing ${terminator}`);
    this.position = end + terminator.length;
  }

  private cdata(): void {
    const start = this.position + '<![CDATA['.length;
    const end = this.input.indexOf(']]>', start);
    if (end < 0) this.fail('malformed', 'unterminated CDATA section');
    this.addText(this.input.slice(start, end), 'CDATA section');
    this.position = end + 3;
  }

  private text(): void {
    const end = this.input.indexOf('<', this.position);
    const raw = this.input.slice(this.position, end < 0 ? this.input.length : end);
    this.position += raw.length;
    this.addText(this.decode(raw), 'text');
  }

  private addText(text: string, what: string): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      if (/^[ \t\n]*$/u.test(text) && what === 'text') return;
      this.fail('malformed', `${what} outside the root element`);
    }
    const last = parent.children.length - 1;
    const previous = parent.children[last];
    if (typeof previous === 'string') parent.children[last] = previous + text;
    else if (text !== '') parent.children.push(text);
  }

  private startTag(): void {
    const line = this.lineAt(this.position);
    this.position += 1;
    const name = this.name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const hadSpace = this.skipWhitespace();
      if (this.input.startsWith('/>', this.position) || this.input.startsWith('>', this.position)) break;
      if (!hadSpace) this.fail('malformed', `expected whitespace before an attribute of <${name}>`);
      const attribute = this.name();
      if (Object.hasOwn(attributes, attribute)) this.fail('malformed', `duplicate attribute ${attribute}`);
      this.skipWhitespace();
      this.expect('=');
      this.skipWhitespace();
      attributes[attribute] = this.attributeValue();
    }
    const element: OpenElement = { name, attributes, children: [], line };
    const parent = this.stack[this.stack.length - 1];
    if (parent !== undefined) parent.children.push(element);
    else if (this.root === null) this.root = element;
    else this.fail('malformed', 'a second root element');
    if (this.input.startsWith('/>', this.position)) this.position += 2;
    else {
      this.position += 1;
      this.stack.push(element);
    }
  }

  private endTag(): void {
    this.position += 2;
    const name = this.name();
    this.skipWhitespace();
    this.expect('>');
    const open = this.stack.pop();
    if (open?.name !== name) this.fail('malformed', `</${name}> closes ${open === undefined ? 'nothing' : `<${open.name}>`}`);
  }

  private attributeValue(): string {
    const quote = this.input[this.position];
    if (quote !== '"' && quote !== "'") this.fail('malformed', 'attribute value not quoted');
    const end = this.input.indexOf(quote, this.position + 1);
    if (end < 0) this.fail('malformed', 'unterminated attribute value');
    const raw = this.input.slice(this.position + 1, end);
    if (raw.includes('<')) this.fail('malformed', '< in an attribute value');
    this.position = end + 1;
    // Attribute-value normalisation: literal tab and LF become spaces; their character references stay as they are.
    return this.decode(raw.replace(/[\t\n]/gu, ' '));
  }

  private decode(raw: string): string {
    return raw.replace(/&([^;]*)(;?)/gu, (_match, body: string, semicolon: string) => {
      if (semicolon === '' || body.length > 10) this.fail('malformed', '& not starting a reference');
      const predefined = PREDEFINED[body];
      if (predefined !== undefined) return predefined;
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/u.exec(body);
      if (numeric === null) this.fail('entity', `&${body}; is not one of the five predefined entities`);
      const codePoint = Number.parseInt(numeric[1] ?? numeric[2] ?? '', numeric[1] === undefined ? 10 : 16);
      const character = codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
      if (character === '' || !isXmlRepresentable(character)) this.fail('entity', `&${body}; is not an XML character`);
      return character;
    });
  }

  private name(): string {
    NAME.lastIndex = this.position;
    const match = NAME.exec(this.input);
    if (match === null) this.fail('malformed', 'expected a name');
    this.position += match[0].length;
    return match[0];
  }

  private skipWhitespace(): boolean {
    WHITESPACE.lastIndex = this.position;
    const length = WHITESPACE.exec(this.input)?.[0].length ?? 0;
    this.position += length;
    return length > 0;
  }

  private expect(character: string): void {
    if (this.input[this.position] !== character) this.fail('malformed', `expected ${character}`);
    this.position += 1;
  }

  private lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  private fail(code: XmlErrorCode, detail: string): never {
    throw new XmlError(code, this.lineAt(this.position), detail);
  }
}

/**
 * Parses a whole document into its root element. Line ends are normalised to LF first, as XML requires (so only a
 * `&#13;` reference yields a CR). Throws `XmlError` with a code a UI can translate.
 */
export function parseXml(input: string, maxLength = DEFAULT_MAX_LENGTH): XmlElement {
  if (input.length > maxLength) throw new XmlError('too-large', 1, `${input.length} characters, at most ${maxLength}`);
  const text = input.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  if (!isXmlRepresentable(text)) throw new XmlError('malformed', 1, 'a character XML does not allow');
  return new Reader(text).parse();
}

export const localName = (qualifiedName: string): string => qualifiedName.slice(qualifiedName.indexOf(':') + 1);

export const childElements = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((child): child is XmlElement => typeof child !== 'string' && localName(child.name) === name);

/** The element's text, its descendants' included (a TBX term may carry inline markup such as `<hi>`). */
export const textContent = (element: XmlElement): string =>
  element.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('');
