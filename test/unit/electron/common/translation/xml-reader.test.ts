/** The XML reader refuses what could attack it (DOCTYPE, entities) and reads what the writer writes, exactly. */
import { describe, expect, it } from 'vitest';
import { escapeXmlText, serializeXml } from '../../../../../electron/common/translation/xml';
import { childElements, parseXml, textContent, XmlError } from '../../../../../electron/common/translation/xml-reader';

const codeOf = (input: string): string => {
  try {
    parseXml(input);
    return 'parsed';
  } catch (error) {
    if (error instanceof XmlError) return error.code;
    throw error;
  }
};

describe('refusals', () => {
  it('refuses any DOCTYPE, so no entity can be declared, expanded or fetched', () => {
    const billionLaughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><r>&lol2;</r>';
    expect(codeOf(billionLaughs)).toBe('doctype');
    expect(codeOf('<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>')).toBe('doctype');
  });

  it('refuses entities other than the five predefined ones, and references to non-characters', () => {
    expect(codeOf('<r>&nbsp;</r>')).toBe('entity');
    expect(codeOf('<r>&#0;</r>')).toBe('entity');
    expect(codeOf('<r>&#xD800;</r>')).toBe('entity');
    expect(codeOf('<r>&#x110000;</r>')).toBe('entity');
  });

  it('refuses what is not well-formed', () => {
    for (const input of ['', '<r>', '<r></s>', '<r/><r/>', 'text<r/>', '<r a="1" a="2"/>', '<r a=1/>', '<r a="<"/>', '<r>a & b</r>', '<r>\u0001</r>', '<r a="1"b="2"/>']) {
      expect(codeOf(input), input).toBe('malformed');
    }
  });

  it('refuses input over the size bound before reading it', () => {
    expect(() => parseXml('<r/>'.padEnd(100, ' '), 50)).toThrow(expect.objectContaining({ code: 'too-large' }));
  });

  it('reports the line of the problem', () => {
    expect(() => parseXml('<r>\n<a>\n</b></r>')).toThrow(expect.objectContaining({ line: 3 }));
  });
});

describe('reading', () => {
  it('reads elements, attributes, references, CDATA and line numbers, skipping comments and instructions', () => {
    const root = parseXml('\uFEFF<?xml version="1.0"?>\r\n<!-- c --><r x:a=\'1\' b="&quot;&#x41;&#66;">\r\n<t>a&lt;b<![CDATA[<&>]]>c</t><?pi x?><e/></r>\n');
    expect(root.attributes).toEqual({ 'x:a': '1', b: '"AB' });
    const [t] = childElements(root, 't');
    expect(textContent(t!)).toBe('a<b<&>c');
    expect(t!.line).toBe(3);
    expect(childElements(root, 'e')).toHaveLength(1);
  });

  it('normalises line ends to LF and attribute whitespace to spaces, as XML requires, keeping referenced ones', () => {
    const root = parseXml('<r a="x\ty&#9;z&#10;"><t>1\r\n2\r3&#13;</t></r>');
    expect(root.attributes['a']).toBe('x y\tz\n');
    expect(textContent(root)).toBe('1\n2\n3\r');
  });

  it('reads back exactly what the writer wrote, for text XML can carry', () => {
    const hostile = ' <b>&amp;</b> ]]> "\'\r\n\t\u202E\u2066x\u2069 \u{1F600} \uFEFF ';
    const root = parseXml(serializeXml({ name: 'r', attributes: { a: hostile }, children: [{ name: 't', text: hostile }] }));
    expect(root.attributes['a']).toBe(hostile);
    expect(textContent(childElements(root, 't')[0]!)).toBe(hostile);
  });

  it('writes what XML cannot carry (C0 controls, lone surrogates) as U+FFFD', () => {
    expect(escapeXmlText('a\u0000b\uD800c\u{1F600}')).toBe('a\uFFFDb\uFFFDc\u{1F600}');
  });
});
