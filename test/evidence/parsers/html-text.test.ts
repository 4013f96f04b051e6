import { collapse, decodeEntities, looksLikeHtml, pageText } from '../../../src/evidence/parsers/html-text';
import { expectLinearTimeOf } from '../../helpers/linear-time';

describe('pageText', () => {
  it('splits a line into the text runs between tags', () => {
    const page = pageText(['<tr class="alt"><th>Module</th><td>&nbsp;&nbsp;&nbsp;IIS Web Core</td></tr>']);
    expect(page.html).toBe(true);
    expect(page.lines).toEqual([{ index: 0, chunks: ['Module', 'IIS Web Core'], text: 'Module IIS Web Core' }]);
  });

  it('reads the title, even across lines, with the line it starts on', () => {
    const page = pageText(['<html><head>', '<title>', '  example.com | 502: Bad gateway', '</title></head></html>']);
    expect(page.title).toEqual({ text: 'example.com | 502: Bad gateway', index: 1 });
  });

  it('skips <script> and <style> bodies and comments over several lines', () => {
    const page = pageText(['<style>', 'h1 { color: red }', '</style>', '<!-- a', 'comment -->', '<script type="text/javascript">', 'var a = 1 < 2;', '</script>', '<p>shown</p>']);
    expect(page.lines.map((l) => l.text)).toEqual(['shown']);
  });

  it('keeps a lone `<` that opens no tag', () => {
    expect(pageText(['<p>a < b</p>']).lines[0]!.text).toBe('a < b');
  });

  it('decodes entities after stripping tags, so escaped markup stays text', () => {
    expect(pageText(['<pre>12: &lt;aspNetCore processPath=&quot;dotnet&quot; /&gt;</pre>']).lines[0]!.text).toBe('12: <aspNetCore processPath="dotnet" />');
  });

  it('passes a text copy through, one chunk per non-empty line', () => {
    const page = pageText(['HTTP Error 500.19 - Internal Server Error', '', 'Module   IIS Web Core']);
    expect(page.html).toBe(false);
    expect(page.lines).toEqual([
      { index: 0, chunks: ['HTTP Error 500.19 - Internal Server Error'], text: 'HTTP Error 500.19 - Internal Server Error' },
      { index: 2, chunks: ['Module IIS Web Core'], text: 'Module IIS Web Core' },
    ]);
  });

  it('is linear on hostile markup', () => {
    const linesOf = (n: number) => ['<'.repeat(n), '<a'.repeat(n / 2), '&'.repeat(n), `<script>${'x'.repeat(n - 384)}`, '<!--'.repeat(n / 4)];
    expect(() => expectLinearTimeOf(pageText, linesOf, 16384)).not.toThrow();
  });
});

describe('text helpers', () => {
  it.each([
    ['&amp;lt;', '&lt;'],
    ['&#39;&#x27;&apos;', "'''"],
    ['Performance &amp; security', 'Performance & security'],
    ['&bogus; &#0;', '&bogus; &#0;'],
  ])('decodeEntities(%p) = %p', (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });

  it('collapses whitespace, no-break spaces included', () => {
    expect(collapse('  a \u00a0\t b  ')).toBe('a b');
  });

  it('tells HTML source from a text copy', () => {
    expect(looksLikeHtml(['  <div>x</div>'])).toBe(true);
    expect(looksLikeHtml(['12: <aspNetCore />', 'a < b'])).toBe(false);
  });
});
