/**
 * The README is part of the product: its quick start must be exactly the two commands, and the CLI
 * example must show what the CLI really prints for the example files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli';
import { memoryIo } from './helpers/streams';
import { CAUSES } from '../src/causes';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with what the product does, then exactly the two commands for a fresh machine', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    const commands = firstBlock.split('\n').filter((l) => l.trim().length > 0).map((l) => l.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['npm install && npm start', 'npm install && npm test']);
    expect(README.indexOf('502 Bad Gateway')).toBeLessThan(README.indexOf('```sh'));
  });

  it('states the real number of causes', () => {
    const specific = CAUSES.filter((c) => !c.generic).length;
    expect(README).toContain(`${specific} causes in eight families, and one family-level answer per family`);
  });

  it('shows the real output of the CLI example', async () => {
    const shown = /<!-- cli example: checked by test\/readme.test.ts -->\n```text\n([\s\S]*?)\n```/.exec(README)?.[1];
    expect(shown).toBeDefined();
    const m = memoryIo();
    const code = await runCli([join(ROOT, 'examples', 'u_ex261120.log'), join(ROOT, 'examples', 'web.config')], m.io);
    expect(code).toBe(0);
    expect(m.out().trimEnd()).toBe(shown);
  });
});
