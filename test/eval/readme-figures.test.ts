/**
 * The figures the README publishes under "How sure it is" are what `npm run eval` measures today:
 * an engine change that moves them must regenerate them (`npm run eval -- --readme`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../eval/corpus';
import { FIGURES_END, FIGURES_START, figuresBlock, withFigures } from '../../eval/readme-figures';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README "How sure it is"', () => {
  it('has the section the JSON contract links to', () => {
    expect(README).toContain('## How sure it is');
    expect(README).toContain('(#how-sure-it-is)');
  });

  it('publishes the figures eval measures now, for both splits, with the reliability table', () => {
    const block = figuresBlock(loadCorpus());
    expect(block).toMatch(/\| top-1 family right \| \d+% \| \d+% \|/);
    expect(block).toContain('| 0.8 to 1.0 |');
    expect(README.slice(README.indexOf(FIGURES_START), README.indexOf(FIGURES_END) + FIGURES_END.length)).toBe(block);
  });

  it('refuses to rewrite a README without the markers', () => {
    expect(() => withFigures('# no block here', 'x')).toThrow('no eval figures block');
  });
});
