/**
 * House rules at the surfaces: `--rules DIR` and `diag502 rules check DIR` in the CLI, and the
 * "house rule ... (file)" mark in the text, Markdown and Slack renderings and the CLI JSON.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, runCli, USAGE } from '../../src/cli';
import { diagnose } from '../../src/diagnose';
import { loadRules } from '../../src/rules/load';
import { renderText } from '../../src/render/text';
import { renderMarkdown } from '../../src/render/markdown';
import { diagnosisMessage } from '../../src/slack/blocks/diagnosis-message';
import { evidenceDetailsMessage } from '../../src/slack/blocks/details-messages';
import { memoryIo } from '../helpers/streams';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'rules');
const F5_LINE = 'Dec  7 10:00:01 f5-lb01 info tmm[1234]: 01230140:3: RST sent from 10.0.0.5:443 to 10.1.0.9:51000, [0x2bbd] Idle timeout expired after 30 s';
const LABEL = 'house rule lb-idle-timeout (rules/lb.yaml)';

let root: string;
let log: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'diag502-rules-cli-'));
  log = join(root, 'f5.log');
  writeFileSync(log, `${F5_LINE}\n`);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function rulesDir(files: Record<string, string>): string {
  const dir = join(root, 'rules');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('diag502 --rules DIR', () => {
  it('documents --rules and rules check in --help', () => {
    expect(USAGE).toMatch(/--rules <DIR>/);
    expect(USAGE).toMatch(/diag502 rules check DIR/);
  });

  it('answers with a house cause, marked source "house" in the JSON, adding fields and changing none', async () => {
    const without = memoryIo();
    await runCli(['--json', log], without.io);
    const m = memoryIo();
    expect(await runCli(['--rules', EXAMPLE, '--json', log], m.io)).toBe(EXIT.found);
    const d = JSON.parse(m.out()) as { schema: number; causes: Record<string, unknown>[] };
    expect(d.schema).toBe(1);
    expect(d.causes[0]).toMatchObject({ id: 'f5-idle-timeout', source: 'house', house: { rule: 'lb-idle-timeout', file: 'rules/lb.yaml' } });
    expect(Object.keys(d.causes[0]!)).toEqual(['id', 'family', 'title', 'confidence', 'evidence', 'steps', 'fix', 'references', 'source', 'house']);
    // Built-in causes in the same answer carry no house fields.
    for (const c of d.causes.slice(1)) expect(c.source).toBeUndefined();
    expect((JSON.parse(without.out()) as { causes: { id: string }[] }).causes.map((c) => c.id)).not.toContain('f5-idle-timeout');
  });

  it('marks the house cause and its lines in the text and Markdown output', async () => {
    const text = memoryIo();
    await runCli(['--rules', EXAMPLE, log], text.io);
    expect(text.out()).toContain(`Most likely: Our F5's 30 s idle timeout cut the connection to the app\n`);
    expect(text.out()).toContain(`  from ${LABEL}\n`);
    // The short report cuts the line; the mark stays after it.
    expect(text.out()).toContain(`f5.log:1  ${F5_LINE.slice(0, 100)}`);
    expect(text.out()).toContain(`…  [${LABEL}]\n`);
    const md = memoryIo();
    await runCli(['--rules', EXAMPLE, '--format', 'markdown', log], md.io);
    expect(md.out()).toContain(`**From:** ${LABEL}`);
    expect(md.out()).toContain(`  [${LABEL}]`);
  });

  it('refuses an invalid rules folder with exit 2 and the located problem, diagnosing nothing', async () => {
    const dir = rulesDir({ 'lb.yaml': 'rules:\n  - id: bad\n    match: { all: ["RST sent from"] }\n    cause: app-offline\n    weight: sure\n    samples: { match: ["RST sent from x"] }\n' });
    const m = memoryIo();
    expect(await runCli(['--rules', dir, log], m.io)).toBe(EXIT.usage);
    expect(m.out()).toBe('');
    expect(m.err()).toContain('rules/lb.yaml:5: rules[0].weight: expected one of proves|strong|supports|hints|against|excludes');
  });

  it('says --rules needs a folder', async () => {
    const m = memoryIo();
    expect(await runCli(['--rules'], m.io)).toBe(EXIT.usage);
    expect(m.err()).toBe('diag502: --rules needs a value (the folder of your house rule files).\n');
  });
});

describe('diag502 rules check DIR', () => {
  it('exits 0 and reports every rule when all samples pass', async () => {
    const m = memoryIo();
    expect(await runCli(['rules', 'check', EXAMPLE], m.io)).toBe(0);
    expect(m.out()).toContain('rules/lb.yaml\n  ok    lb-idle-timeout: 1 sample to match, 1 near miss\n  ok    deploy-offline: 1 sample to match, 1 near miss\n');
    expect(m.out()).toContain('All 4 samples of 2 rules pass.');
  });

  it('exits 1 naming the rule, the sample and whether it matched when a sample fails', async () => {
    const dir = rulesDir({
      'deploy.yaml': 'rules:\n  - id: deploy-offline\n    match: { all: ["shipit", "app_offline.htm"] }\n    cause: app-offline\n    weight: strong\n    samples:\n      match: ["shipit: app_offline.htm placed", "shipit: offline file placed"]\n      noMatch: ["shipit: app_offline.htm removed"]\n',
    });
    const m = memoryIo();
    expect(await runCli(['rules', 'check', dir], m.io)).toBe(1);
    expect(m.err()).toContain('  FAIL  deploy-offline: 2 samples to match, 1 near miss\n');
    expect(m.err()).toContain('rules/deploy.yaml:7: sample "shipit: offline file placed" should match, but the rule does not recognize it');
    expect(m.err()).toContain('rules/deploy.yaml:8: near miss "shipit: app_offline.htm removed" must not match, but the rule recognizes it');
    expect(m.err()).toContain('2 of 3 samples failed');
  });

  it('exits 2 on an invalid file, a missing folder, or wrong usage', async () => {
    const bad = memoryIo();
    expect(await runCli(['rules', 'check', rulesDir({ 'x.json': '{"rules": []}' })], bad.io)).toBe(2);
    expect(bad.err()).toContain('INVALID  rules/x.json:1: rules: a rule file holds at least one rule');
    const missing = memoryIo();
    expect(await runCli(['rules', 'check', join(root, 'none')], missing.io)).toBe(2);
    expect(missing.err()).toContain('cannot read the rules folder: no such folder');
    const usage = memoryIo();
    expect(await runCli(['rules'], usage.io)).toBe(2);
    expect(usage.err()).toMatch(/^diag502: usage: diag502 rules check DIR/);
  });
});

describe('house rules in Slack', () => {
  const rules = loadRules(EXAMPLE);
  const d = diagnose([{ source: 'f5.log', text: F5_LINE }], { rules });

  it('says which house rule the answer came from, escaped, next to the cause and its lines', () => {
    const json = JSON.stringify(diagnosisMessage(d).blocks);
    expect(json).toContain(`From ${LABEL}`);
    expect(json).toContain(`[${LABEL}]`);
    expect(JSON.stringify(evidenceDetailsMessage(d).blocks)).toContain(`[${LABEL}]`);
  });

  it('escapes a rule name or file that looks like Slack markup', () => {
    const marked = { ...d, causes: d.causes.map((c, i) => (i === 0 ? { ...c, house: { rule: 'lb', file: 'rules/<!channel>.yaml' } } : c)) };
    const json = JSON.stringify(diagnosisMessage(marked).blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('&lt;!channel&gt;');
  });

  it('escapes the team texts (title, steps, fix) like any other text', () => {
    const [f5] = rules;
    const loud = { ...f5!, cause: { ...f5!.cause!, title: 'F5 <!here> cut it', steps: ['Ask <!channel> in #netops'], fix: 'Page <@U123> & wait' } };
    const json = JSON.stringify(diagnosisMessage(diagnose([{ source: 'f5.log', text: F5_LINE }], { rules: [loud] })).blocks);
    for (const raw of ['<!here>', '<!channel>', '<@U123>']) expect(json).not.toContain(raw);
    expect(json).toContain('&lt;!channel&gt;');
  });

  it('uses the team steps of a rule that weighs a built-in cause', () => {
    const offline = diagnose([{ source: 'deploy.log', text: rules[1]!.samples.match[0]! }], { rules });
    expect(offline.causes[0]?.id).toBe('app-offline');
    expect(renderText(offline, { verbose: true })).toContain("Our deploy tool's app_offline file");
    expect(renderMarkdown(offline)).toContain('[house rule deploy-offline (rules/lb.yaml)]');
  });
});
