/** `npm run eval`'s options, --corpus above all: a snapshot measured before and after a change. */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { args } from '../../eval/run';
import { CORPUS_DIR, loadCorpus } from '../../eval/corpus';

describe('eval options', () => {
  it('reads the split, the misses, the JSON file and another corpus folder', () => {
    expect(args(['--split', 'dev', '--misses', '--json', 'out.json', '--corpus', '/tmp/snapshot'])).toEqual({ split: 'dev', misses: true, json: 'out.json', readme: false, corpus: '/tmp/snapshot', variants: false });
    expect(args(['--variants']).variants).toBe(true);
  });

  it('refuses to rewrite the README from a snapshot, and unknown options', () => {
    expect(() => args(['--readme', '--corpus', '/tmp/snapshot'])).toThrow("--readme describes the repository's corpus");
    expect(() => args(['--corpous', '/tmp/snapshot'])).toThrow('unknown option --corpous');
  });

  it('loads the cases of the folder it is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag502-corpus-'));
    const two = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.case')).slice(0, 2);
    for (const f of two) cpSync(join(CORPUS_DIR, f), join(dir, f));
    expect(loadCorpus(dir).map((c) => `${c.id}.case`)).toEqual(two);
  });
});
