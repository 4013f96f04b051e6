/**
 * `node dist/eval/split.js`: writes each case's split (dev or test) into its front matter, decided
 * from its id (corpus.ts splitOf). Run when cases are added; a case's split never changes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, splitOf } from './corpus';

let changed = 0;
for (const name of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.case'))) {
  const file = join(CORPUS_DIR, name);
  const text = readFileSync(file, 'utf8');
  const id = /^id: (.+)$/m.exec(text)?.[1]?.trim();
  if (!id) throw new Error(`${file}: no id`);
  const split = splitOf(id);
  const existing = /^split: (.+)$/m.exec(text);
  if (existing) {
    if (existing[1]!.trim() !== split) throw new Error(`${file}: says split ${existing[1]}, but its id puts it in ${split}`);
    continue;
  }
  // After the id line, inside the front matter.
  writeFileSync(file, text.replace(/^(id: .+)$/m, `$1\nsplit: ${split}`));
  changed += 1;
}
console.log(`split written into ${changed} case${changed === 1 ? '' : 's'}`);
