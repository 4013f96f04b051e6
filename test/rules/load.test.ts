/**
 * The house rule loader: YAML and JSON files validated with located errors (file, line, field),
 * samples run at load, and the README's example file loaded exactly as committed.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRules, parseRuleFile, readRules, RulesError, formatProblem } from '../../src/rules/load';
import { diagnose } from '../../src/diagnose';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'diag502-rules-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A rules folder named `rules` holding the given files. */
function folder(files: Record<string, string>): string {
  const dir = join(root, 'rules');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const GOOD_YAML = `rules:
  - id: lb-idle-timeout
    match:
      all: ["RST sent from", "idle timeout expired"]
    houseCause:
      id: f5-idle-timeout
      title: Our F5 idle timeout cut the connection
      family: request-timeout
      layer: load-balancer
    weight: proves
    steps: ["Check the F5 TCP profile."]
    fix: Use the 300 s profile.
    samples:
      match: ["tmm[1]: RST sent from 10.0.0.5:443, Idle timeout expired"]
      noMatch: ["tmm[1]: RST sent from 10.0.0.5:443, Handshake timeout"]
`;

const problems = (file: string, text: string): string[] => parseRuleFile(file, text).problems.map(formatProblem);

describe('house rule files', () => {
  it('loads a valid YAML rule into what the engine takes', () => {
    const rules = loadRules(folder({ 'lb.yaml': GOOD_YAML }));
    expect(rules).toEqual([
      expect.objectContaining({ rule: 'lb-idle-timeout', file: 'rules/lb.yaml', all: ['RST sent from', 'idle timeout expired'], cause: expect.objectContaining({ id: 'f5-idle-timeout', weight: 'proves' }) }),
    ]);
  });

  it('locates a wrong weight by file, line and field', () => {
    const text = GOOD_YAML.replace('weight: proves', 'weight: certain');
    expect(problems('rules/lb.yaml', text)).toEqual(['rules/lb.yaml:10: rules[0].weight: expected one of proves|strong|supports|hints|against|excludes']);
  });

  it('locates unknown fields, bad families and missing fields', () => {
    const text = GOOD_YAML.replace('family: request-timeout', 'family: timeouts').replace('    fix: Use the 300 s profile.\n', '    fixx: typo\n');
    expect(problems('rules/lb.yaml', text)).toEqual([
      'rules/lb.yaml:8: rules[0].houseCause.family: expected one of startup-failure|crash-mid-request|request-timeout|proxy-origin|worker-recycle|tls-handshake|config-error|resource-exhaustion',
      'rules/lb.yaml:12: rules[0]: unknown field "fixx"',
    ]);
    expect(problems('rules/lb.yaml', GOOD_YAML.replace('    fix: Use the 300 s profile.\n', ''))).toEqual(['rules/lb.yaml:2: rules[0].fix: a house cause needs its fix, in your words']);
  });

  it('refuses unknown built-in clue and cause ids, and a rule raising nothing', () => {
    const base = 'rules:\n  - id: x-rule\n    match: { all: ["something odd"] }\n    samples: { match: ["something odd"] }\n';
    expect(problems('r.yaml', `${base}    clue: no.such-clue\n`)).toEqual(['r.yaml:5: rules[0].clue: "no.such-clue" is not a built-in clue id (such as app-offline or alb.target-timeout)']);
    expect(problems('r.yaml', `${base}    cause: no-such-cause\n    weight: strong\n`)).toEqual(['r.yaml:5: rules[0].cause: "no-such-cause" is not a built-in cause id; to define your own cause use houseCause']);
    expect(problems('r.yaml', base)[0]).toMatch(/^r\.yaml:2: rules\[0\]: a rule raises exactly one of clue/);
  });

  it('refuses a value that is a regular expression (a hostile pattern), at its line', () => {
    const text = GOOD_YAML.replace('      all: ["RST sent from", "idle timeout expired"]\n', '      all: ["RST sent from"]\n      value: "(a+)+$"\n');
    expect(problems('rules/lb.yaml', text)).toEqual([expect.stringMatching(/^rules\/lb\.yaml:5: rules\[0\]\.match\.value: must be literal text with one \{placeholder\}, not a regular expression/)]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problems('rules/lb.yaml', 'rules:\n  - id: a\n    match: [unclosed\n')).toEqual([expect.stringMatching(/^rules\/lb\.yaml:\d: not valid YAML: /)]);
  });

  it('validates JSON files and locates their errors by line too', () => {
    const rule = {
      id: 'deploy-offline',
      match: { all: ['shipit', 'app_offline.htm'] },
      cause: 'app-offline',
      weight: 'maybe',
      samples: { match: ['shipit: app_offline.htm placed'] },
    };
    const text = JSON.stringify({ rules: [rule] }, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"weight"')) + 1;
    expect(problems('rules/deploy.json', text)).toEqual([`rules/deploy.json:${line}: rules[0].weight: expected one of proves|strong|supports|hints|against|excludes`]);
    expect(problems('rules/deploy.json', '{"rules": [\n  {"id": "a",\n}')).toEqual([expect.stringMatching(/^rules\/deploy\.json:3: not valid JSON: /)]);
    const dir = folder({ 'deploy.json': JSON.stringify({ rules: [{ ...rule, weight: 'strong' }] }) });
    expect(loadRules(dir)).toEqual([expect.objectContaining({ rule: 'deploy-offline', weigh: [{ cause: 'app-offline', weight: 'strong' }] })]);
  });

  it('refuses at load a rule whose samples fail, naming the rule, the sample and what went wrong', () => {
    const text = GOOD_YAML.replace('Handshake timeout', 'Idle timeout expired');
    const dir = folder({ 'lb.yaml': text });
    expect(() => loadRules(dir)).toThrow(RulesError);
    expect(() => loadRules(dir)).toThrow(/rules\/lb\.yaml:15: rule lb-idle-timeout: near miss "tmm\[1\]: RST sent from 10\.0\.0\.5:443, Idle timeout expired" must not match, but the rule recognizes it/);
    const missing = folder({ 'lb.yaml': GOOD_YAML.replace('Idle timeout expired"]', 'Idle timeout"]') });
    expect(() => loadRules(missing)).toThrow(/rules\/lb\.yaml:14: rule lb-idle-timeout: sample "tmm\[1\]: RST sent from 10\.0\.0\.5:443, Idle timeout" should match, but the rule does not recognize it/);
  });

  it('refuses two rules or house causes of one id across files', () => {
    const dir = folder({ 'a.yaml': GOOD_YAML, 'b.yml': GOOD_YAML });
    const read = readRules(dir);
    expect(read.problems.map(formatProblem)).toEqual(['rules/b.yml:2: rule id "lb-idle-timeout" is already used in rules/a.yaml', 'rules/b.yml:2: house cause id "f5-idle-timeout" is already used in rules/a.yaml']);
  });

  it('says plainly when the folder is missing or holds no rule files', () => {
    expect(readRules(join(root, 'nope')).problems.map(formatProblem)).toEqual([`${join(root, 'nope')}: cannot read the rules folder: no such folder`]);
    expect(readRules(folder({ 'README.md': '# not rules' })).problems.map(formatProblem)).toEqual([`${join(root, 'rules')}: no rule files (.yaml, .yml, .json) in this folder`]);
  });
});

describe('the README example (examples/rules/lb.yaml)', () => {
  const dir = join(__dirname, '..', '..', 'examples', 'rules');

  it('loads as committed, every sample passing', () => {
    const read = readRules(dir);
    expect(read.problems).toEqual([]);
    expect(read.samples.filter((s) => !s.passed)).toEqual([]);
    expect(read.rules.map((r) => r.rule)).toEqual(['lb-idle-timeout', 'deploy-offline']);
    // Whole sentences, not cut at a " #" that YAML would read as a comment.
    expect(read.rules[0]!.cause?.fix).toBe('Move the virtual server to the tcp-lan-300s profile (ticket to #netops), or make the slow endpoint answer within 30 s.');
  });

  it('answers with its house cause on its own sample line', () => {
    const rules = loadRules(dir);
    const d = diagnose([{ source: 'f5.log', text: rules[0]!.samples.match[0]! }], { rules });
    expect(d.causes[0]).toMatchObject({ id: 'f5-idle-timeout', source: 'house', house: { rule: 'lb-idle-timeout', file: 'rules/lb.yaml' } });
  });
});
