import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml, textContent, XmlError, childElements, attr } from '../../../src-core/board/svg';

const reason = (xml: string, limits?: Parameters<typeof parseXml>[1]) => {
  try { parseXml(xml, limits); } catch (e) { if (e instanceof XmlError) return e.reason; throw e; }
  return 'parsed';
};

describe('the board XML reader', () => {
  it('reads elements, prefixed names, attributes, text, CDATA and entities', () => {
    const root = parseXml(`<?xml version="1.0"?><!-- c --><iwb:iwb a="1 &amp; 2" b='&#x41;&#66;'>x &lt;y&gt; &quot;&apos;<svg:p/><![CDATA[<b>&amp;</b>]]></iwb:iwb>`);
    expect(root).toMatchObject({ name: 'iwb:iwb', local: 'iwb', attrs: { a: '1 & 2', b: 'AB' } });
    expect(childElements(root, 'p')).toHaveLength(1);
    expect(textContent(root)).toBe(`x <y> "'<b>&amp;</b>`);
    expect(attr(parseXml('<i xlink:href="h"/>'), 'href')).toBe('h');
  });

  it('refuses DOCTYPE and ENTITY declarations, even without a DTD body', () => {
    expect(reason('<!DOCTYPE svg><svg/>')).toBe('doctype');
    expect(reason('<svg><!ENTITY x "y"></svg>')).toBe('doctype');
    expect(reason('<svg>&x;</svg>')).toBe('malformed'); // undeclared entities are never looked up
  });

  it('refuses malformed XML: mismatched or unclosed tags, two roots, bare &, bad character references', () => {
    for (const xml of ['<a><b></a>', '<a>', '<a/><b/>', '<a>&</a>', '<a>&#0;</a>', '<a b=c/>', '<a b="1" b="2"/>', '', 'text']) {
      expect(reason(xml), xml).toBe('malformed');
    }
  });

  it('enforces the size and depth limits', () => {
    expect(reason('<a>' + 'x'.repeat(100) + '</a>', { maxChars: 50, maxDepth: 10, maxNodes: 100 })).toBe('too_big');
    expect(reason('<a>'.repeat(11) + '</a>'.repeat(11), { maxChars: 1000, maxDepth: 10, maxNodes: 100 })).toBe('too_deep');
    expect(reason('<a>' + '<b/>'.repeat(200) + '</a>', { maxChars: 10_000, maxDepth: 10, maxNodes: 100 })).toBe('too_big');
  });

  it('throws nothing but XmlError on any input (property)', () => {
    const xmlish = fc.array(fc.oneof(
      fc.constantFrom('<', '>', '/', '</', '/>', '<!', '<![CDATA[', ']]>', '<?', '?>', '<!--', '-->', '&', ';', '&#', '&#x', '"', "'", '=', ' ', 'a', 'svg:g', '<a>', '</a>', '<a b="c">'),
      fc.string({ maxLength: 4 }),
    ), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(xmlish, fc.string(), fc.string({ unit: 'binary', maxLength: 200 })), (s) => {
      try {
        parseXml(s, { maxChars: 10_000, maxDepth: 8, maxNodes: 200 });
      } catch (e) {
        if (!(e instanceof XmlError)) throw e;
      }
    }), { numRuns: 3000 });
  });
});
