import fc from 'fast-check';
import { LineIndex, allElements, attribute, decodeEntities, escapeAttribute, findAll, scanXml, validateXml } from '../../src/evidence/xml';
import { expectLinearTime, expectLinearTimeOf } from '../helpers/linear-time';

describe('scanXml', () => {
  it('keeps the offsets of elements and attributes, so lines and patches can be computed', () => {
    const text = '<a>\n  <b x="1"\n     y=\'two\' />\n</a>';
    const scan = scanXml(text);
    const b = findAll(scan.roots, 'b')[0];
    expect(b).toBeDefined();
    expect(b?.selfClosing).toBe(true);
    const y = attribute(b, 'y');
    expect(y?.quote).toBe("'");
    expect(text.slice(y?.valueStart, y?.valueEnd)).toBe('two');
    expect(new LineIndex(text).line(y?.start ?? 0)).toBe(3);
    const a = scan.roots[0];
    expect(a?.end).toBe(text.length);
    expect(text.slice(a?.closeStart)).toBe('</a>');
  });

  it('decodes predefined entities and character references only', () => {
    expect(decodeEntities('a&amp;b &lt;x&gt; &#65;&#x42; &quot;&apos;')).toBe('a&b <x> AB "\'');
    expect(decodeEntities('&lol9; &nbsp;')).toBe('&lol9; &nbsp;');
    const scan = scanXml('<add value="a&amp;b" />');
    expect(attribute(scan.roots[0], 'value')?.value).toBe('a&b');
    expect(attribute(scan.roots[0], 'value')?.raw).toBe('a&amp;b');
  });

  it('escapes values for the quote they are written with', () => {
    expect(escapeAttribute(`a&b<"c'`, '"')).toBe(`a&amp;b&lt;&quot;c'`);
    expect(escapeAttribute(`a"'`, "'")).toBe(`a"&apos;`);
  });

  it('reports where a partial text starts and stops', () => {
    const scan = scanXml('  <x/>\n  </inner>\n</outer>\n<open><deeper>');
    expect(scan.unopened.map((u) => u.name)).toEqual(['inner', 'outer']);
    expect(scan.unclosed.map((e) => e.name)).toEqual(['open', 'deeper']);
  });

  it('never expands DOCTYPE entities (billion laughs costs nothing)', () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const text = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<lolz a="&lol9;">&lol9;</lolz>`;
    const scan = expectLinearTime(scanXml, text);
    expect(scan.doctype).toBeDefined();
    const root = findAll(scan.roots, 'lolz')[0];
    expect(root?.text).toBe('&lol9;');
    expect(attribute(root, 'a')?.value).toBe('&lol9;');
  });

  it('handles 10,000 nested elements without recursion', () => {
    const depth = 10_000;
    const text = '<a>'.repeat(depth) + '</a>'.repeat(depth);
    const scan = scanXml(text);
    expect([...allElements(scan.roots)]).toHaveLength(depth);
    expect(scan.unclosed).toHaveLength(0);
    const cut = scanXml('<a>'.repeat(depth));
    expect(cut.unclosed).toHaveLength(depth);
  });

  it('reads a 1 MB attribute value in linear time', () => {
    const big = 'x'.repeat(1024 * 1024);
    const scan = expectLinearTimeOf(scanXml, (n) => `<aspNetCore processPath="${big.slice(0, n)}" />`, big.length);
    expect(attribute(scan.roots[0], 'processPath')?.value.length).toBe(big.length);
  });

  it('never throws and stays fast on arbitrary markup-like text', () => {
    const piece = fc.constantFrom('<', '>', '/', '"', "'", '=', ' ', '\n', 'a', 'aspNetCore', '<!--', '-->', '<?', '?>', '<![CDATA[', ']]>', '&amp;', '<!DOCTYPE');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), (parts) => {
        const scan = scanXml(parts.join(''));
        expect(Array.isArray(scan.roots)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateXml', () => {
  it('accepts well-formed XML, including &amp; in attribute values', () => {
    expect(validateXml('<a b="x&amp;y"><c/></a>')).toBeUndefined();
  });

  it('reports a 1-based line and column', () => {
    const error = validateXml('<a>\n  <b>\n</a>');
    expect(error?.line).toBe(3);
    expect(error?.message).toMatch(/closing tag/i);
  });
});

describe('LineIndex', () => {
  it('maps offsets to lines and columns', () => {
    const index = new LineIndex('ab\ncd\n\nef');
    expect(index.line(0)).toBe(1);
    expect(index.line(3)).toBe(2);
    expect(index.column(4)).toBe(2);
    expect(index.line(7)).toBe(4);
  });
});
