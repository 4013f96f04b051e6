/**
 * The machinery under every message: clipping without breaking an escape, pouring lines into
 * sections without breaking a line or a code block, and sharing the message budget by priority.
 */
import fc from 'fast-check';
import { clip, codeLine, escapeText } from '../../../src/slack/blocks/mrkdwn';
import { code, flow, markup, prose } from '../../../src/slack/blocks/flow';
import { compose, type Part } from '../../../src/slack/blocks/compose';
import { header } from '../../../src/slack/blocks/elements';
import { textObjects } from './slack-rules';

const unescape = (s: string): string => s.replace(/\u200b/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('clip', () => {
  it('never exceeds the limit, never splits an escape, and keeps a prefix of the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', 'a', ' ', '`', 'é', '😀') }), fc.integer({ min: 1, max: 60 }), (raw, max) => {
        const out = clip(raw, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/&(a|am|amp|l|lt|g|gt)?…$/);
        const kept = unescape(out.endsWith('…') && escapeText(raw).length > max ? out.slice(0, -1) : out);
        expect(raw.startsWith(kept.trimEnd()) || raw.trimEnd().startsWith(kept.trimEnd())).toBe(true);
        // A cut never leaves half of an emoji behind.
        expect(/[\ud800-\udbff]$/.test(out.replace(/…$/, ''))).toBe(false);
      }),
    );
  });

  it('leaves short text whole and marks a cut with an ellipsis', () => {
    expect(clip('a < b', 20)).toBe('a &lt; b');
    expect(clip('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('codeLine', () => {
  it('breaks every run of three or more backticks, so a code block cannot be closed from inside', () => {
    expect(codeLine('a ``` b ```` c')).not.toMatch(/```/);
    expect(unescape(codeLine('a ``` b <x> & c'))).toBe('a ``` b <x> & c');
  });
});

describe('flow', () => {
  const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${'y'.repeat(40)}`);

  it('splits a long code block over several sections, closing and reopening the fence', () => {
    const r = flow([code(lines.join('\n'))], '*Heading*', 100_000, 3000);
    expect(r.texts.length).toBeGreaterThan(2);
    expect(r.omitted).toBe(0);
    expect(r.texts[0]!.startsWith('*Heading*\n```\n')).toBe(true);
    for (const t of r.texts) {
      expect(t.length).toBeLessThanOrEqual(3000);
      expect(t.match(/```/g)).toHaveLength(2);
      expect(t.endsWith('\n```')).toBe(true);
    }
    // Every line is there once, whole and in order.
    const back = r.texts.flatMap((t) => t.split('\n')).filter((l) => l.startsWith('line '));
    expect(back).toEqual(lines);
  });

  it('stops at the allowance on a line boundary and counts what it left out', () => {
    const r = flow([code(lines.join('\n'))], undefined, 1000, 3000);
    expect(r.used).toBeLessThanOrEqual(1000);
    const shown = r.texts.join('\n').split('\n').filter((l) => l.startsWith('line ')).length;
    expect(shown).toBeGreaterThan(0);
    expect(r.omitted).toBe(lines.length - shown);
  });

  it('closes a code block before prose that follows it', () => {
    const r = flow([markup(['Before:']), code('a\nb'), prose(['after <it>'])], undefined, 1000, 3000);
    expect(r.texts).toEqual(['Before:\n```\na\nb\n```\nafter &lt;it&gt;']);
  });

  it('gives nothing rather than a heading alone', () => {
    const r = flow([prose(['x'.repeat(500)])], '*Heading*', 100, 3000);
    expect(r.texts).toEqual([]);
    expect(r.omitted).toBe(1);
  });
});

describe('compose', () => {
  const part = (name: string, priority: number, size: number, extra: Partial<Part> = {}): Part => ({
    name,
    priority,
    cap: 2000,
    heading: `*${name}*`,
    chunks: [prose(Array.from({ length: Math.ceil(size / 50) }, (_, i) => `${name} ${i} ${'z'.repeat(40)}`))],
    ...extra,
  });

  it('keeps the important parts whole and leaves out the least important, naming it', () => {
    const parts = [part('steps', 1, 1500), part('extras', 9, 1500), part('evidence', 0, 1500)];
    const { blocks, cut } = compose([header('t')], parts, [], 3400);
    const texts = textObjects(blocks).map((t) => t.text);
    expect(texts.some((t) => t.startsWith('*evidence*'))).toBe(true);
    expect(texts.some((t) => t.startsWith('*steps*'))).toBe(true);
    expect(texts.some((t) => t.startsWith('*extras*'))).toBe(false);
    expect(texts).toContain("_Left out to stay within Slack's limits: extras; see the attached file._");
    expect(cut).toBe(true);
    // Parts stay in their own order, not in priority order.
    expect(texts.findIndex((t) => t.startsWith('*steps*'))).toBeLessThan(texts.findIndex((t) => t.startsWith('*evidence*')));
  });

  it('gives room nobody used to a part that hit its cap, unless its hard cap says no', () => {
    const roomy = compose([], [part('long', 0, 1500, { cap: 300 })], [], 10_000);
    expect(roomy.cut).toBe(false);
    const capped = compose([], [part('long', 0, 1500, { cap: 300, maxCap: 300 })], [], 10_000);
    expect(capped.cut).toBe(true);
    expect(textObjects(capped.blocks).some((t) => /more lines: see the attached file/.test(t.text))).toBe(true);
  });

  it('never returns more than 50 blocks: the least important parts go first', () => {
    const many = Array.from({ length: 80 }, (_, i) => part(`p${i}`, i, 60, { cap: 100 }));
    const { blocks, cut } = compose([header('t')], many, [], 100_000);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const texts = textObjects(blocks).map((t) => t.text);
    expect(texts.some((t) => t.startsWith('*p0*'))).toBe(true);
    expect(texts.some((t) => t.startsWith('*p79*'))).toBe(false);
    expect(texts[texts.length - 1]).toMatch(/^_Left out to stay within Slack's limits: .*p79/);
    expect(cut).toBe(true);
  });

  it('stays within the budget it is given', () => {
    const { blocks } = compose([header('t')], [part('a', 0, 9000, { cap: 9000 }), part('b', 1, 9000, { cap: 9000 })], [], 5000);
    expect(textObjects(blocks).reduce((n, t) => n + t.text.length, 0)).toBeLessThanOrEqual(5000);
  });
});
