/**
 * Signatures run on every line, whatever kind of segment it lands in (issue 8: "a wrong kind hides
 * everything"). Each product's message is pasted right after a line that opens each evidence kind
 * (an event header, a status line, a web.config, a FREB trace, an error page title, a stdout line,
 * a proxy log line...), so the detector may fold it into that segment, and must still raise its
 * clue. The signature tests scan lines directly; this goes through the collector.
 */
import { EvidenceCollector } from '../../src/evidence/collector';
import { EVIDENCE_KINDS, KINDS } from '../../src/evidence/kinds';
import { CATALOGUE } from '../../src/evidence/signatures';

/** One line per product file: its first signature's first example, with the clue it raises. */
const PRODUCT_LINES = Object.entries(CATALOGUE).map(([product, signatures]) => ({ product, clue: signatures[0]!.clue, line: signatures[0]!.examples.match[0]! }));

function collect(text: string) {
  const collector = new EvidenceCollector();
  collector.addText('paste', text);
  return collector.finish();
}

function cluesOf(text: string): Set<string> {
  return new Set(collect(text).clues.map((hit) => hit.clue));
}

describe('signatures, whatever segment their line lands in', () => {
  it('raise each product line’s clue when the line stands alone', () => {
    expect(PRODUCT_LINES.filter(({ line, clue }) => !cluesOf(line).has(clue)).map(({ product }) => product)).toEqual([]);
  });

  it.each(EVIDENCE_KINDS)('raise each product line’s clue when it follows a %s line', (kind) => {
    // The sample does open a segment of its kind: the product line lands in it, or right after it.
    expect(collect(KINDS[kind].sample).inputs[0]!.kinds).toEqual([kind]);
    const lost = PRODUCT_LINES.filter(({ line, clue }) => !cluesOf(`${KINDS[kind].sample}\n${line}`).has(clue)).map(({ product, clue }) => `${product}: ${clue}`);
    expect(lost).toEqual([]);
  });
});
