/**
 * The README's house rule section cannot rot: its example is the committed file (which the loader
 * tests load and run), and every field a rule may have is explained.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_FIELDS } from '../../src/rules/load';
import { HOUSE_WEIGHTS, VALUE_PLACEHOLDERS } from '../../src/evidence/house';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('## House rules'), README.indexOf('## How it decides'));

describe('README: house rules', () => {
  it('shows examples/rules/lb.yaml exactly as committed', () => {
    const shown = /<!-- house rule example: examples\/rules\/lb\.yaml, checked by test\/rules\/readme\.test\.ts -->\n```yaml\n([\s\S]*?)```/.exec(README)?.[1];
    expect(shown).toBe(readFileSync(join(ROOT, 'examples', 'rules', 'lb.yaml'), 'utf8'));
  });

  it('explains every field, weight and placeholder a rule may use', () => {
    expect(section.length).toBeGreaterThan(500);
    for (const field of RULE_FIELDS) expect({ field, documented: section.includes(`\`${field}\``) }).toEqual({ field, documented: true });
    for (const weight of HOUSE_WEIGHTS) expect(section).toContain(`\`${weight}\``);
    for (const name of Object.keys(VALUE_PLACEHOLDERS)) expect(section).toContain(`\`{${name}}\``);
    for (const text of ['--rules DIR', 'DIAG502_RULES_DIR', 'diag502 rules check DIR', '"source": "house"']) expect(section).toContain(text);
  });
});
