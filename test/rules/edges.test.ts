/**
 * House rules reach every face: DIAG502_RULES_DIR is validated with the rest of the environment,
 * the console and the Slack bot's engines (inline and worker threads) diagnose with the rules,
 * and a bad rule set stops `npm start` with the located problem.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { createInlineEngine, inlineEngine } from '../../src/conversation/engine';
import { createEnginePool, POOL_THRESHOLD } from '../../src/conversation/engine-pool';
import { loadRules } from '../../src/rules/load';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'rules');
const F5_LINE = 'Dec  7 10:00:01 f5-lb01 info tmm[1234]: 01230140:3: RST sent from 10.0.0.5:443 to 10.1.0.9:51000, [0x2bbd] Idle timeout expired after 30 s';
const rules = loadRules(EXAMPLE);

/** The worker runs compiled code: rebuild dist/ when a source it runs is newer than its output. */
function ensureCompiled(): void {
  const sources = ['conversation/engine-worker', 'conversation/engine', 'diagnose', 'evidence/house', 'evidence/contribution', 'evidence/collector', 'evidence/signatures/scanner', 'causes/support/house-causes'];
  const stale = (name: string): boolean => {
    const output = join(ROOT, 'dist', 'src', `${name}.js`);
    return !existsSync(output) || statSync(output).mtimeMs < statSync(join(ROOT, 'src', `${name}.ts`)).mtimeMs;
  };
  if (!sources.some(stale)) return;
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  expect(sources.filter(stale)).toEqual([]);
}
const request = (text: string) => ({ text, slack: false as const, addressed: true, source: 'message 1', previous: [] });

describe('DIAG502_RULES_DIR', () => {
  it('is optional, and when set must be an existing folder', () => {
    expect(loadConfig({}).DIAG502_RULES_DIR).toBeUndefined();
    expect(loadConfig({ DIAG502_RULES_DIR: EXAMPLE }).DIAG502_RULES_DIR).toBe(EXAMPLE);
    expect(() => loadConfig({ DIAG502_RULES_DIR: join(EXAMPLE, 'missing') })).toThrow(ConfigError);
    expect(() => loadConfig({ DIAG502_RULES_DIR: join(EXAMPLE, 'lb.yaml') })).toThrow(/DIAG502_RULES_DIR: must be an existing folder of house rule files/);
  });
});

describe('the conversation engines with house rules', () => {
  it('diagnoses with the rules inline (the console, small Slack pastes), and without them by default', async () => {
    expect((await createInlineEngine(rules).analyze(request(F5_LINE))).diagnosis?.causes[0]).toMatchObject({ id: 'f5-idle-timeout', source: 'house' });
    expect((await createInlineEngine(rules).diagnose([{ source: 'm', text: F5_LINE }])).causes[0]?.id).toBe('f5-idle-timeout');
    const plain = await inlineEngine.analyze(request(F5_LINE));
    expect(plain.diagnosis?.causes.map((c) => c.id) ?? []).not.toContain('f5-idle-timeout');
  });
});

describe('npm start with house rules', () => {
  const env = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = { ...process.env, STORE_URL: 'memory:' };
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']) delete e[name];
    return e;
  };

  it('diagnoses piped input with DIAG502_RULES_DIR and marks the house cause', () => {
    const r = spawnSync(process.execPath, ['bin/start.js'], { cwd: ROOT, env: { ...env(), DIAG502_RULES_DIR: EXAMPLE }, input: `${F5_LINE}\n`, encoding: 'utf8', timeout: 150_000 });
    expect(r.stderr).toContain(`diag502: using 2 house rules from ${EXAMPLE}`);
    expect(r.stdout).toContain("Most likely: Our F5's 30 s idle timeout cut the connection to the app");
    expect(r.stdout).toContain('from house rule lb-idle-timeout (rules/lb.yaml)');
    expect(r.status).toBe(0);
  }, 180_000);

  it('refuses to start on a rule whose sample fails, naming it, with no stack trace', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'diag502-start-rules-')), 'rules');
    mkdirSync(dir);
    writeFileSync(join(dir, 'deploy.yaml'), 'rules:\n  - id: deploy-offline\n    match: { all: ["shipit", "app_offline.htm"] }\n    cause: app-offline\n    weight: strong\n    samples: { match: ["shipit: offline file placed"] }\n');
    const r = spawnSync(process.execPath, ['bin/start.js'], { cwd: ROOT, env: { ...env(), DIAG502_RULES_DIR: dir }, input: `${F5_LINE}\n`, encoding: 'utf8', timeout: 150_000 });
    expect(r.stderr).toContain('rules/deploy.yaml:6: rule deploy-offline: sample "shipit: offline file placed" should match, but the rule does not recognize it');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(2);
  }, 180_000);

  it('hands the rules to the worker threads of the Slack bot engine', async () => {
    ensureCompiled();
    const engine = createEnginePool({ workerFile: join(ROOT, 'dist', 'src', 'conversation', 'engine-worker.js'), threads: 1, rules });
    try {
      const big = `${F5_LINE}\n${'x'.repeat(POOL_THRESHOLD)}\n`;
      const analysis = await engine.analyze(request(big));
      expect(analysis.diagnosis?.causes[0]).toMatchObject({ id: 'f5-idle-timeout', source: 'house', house: { rule: 'lb-idle-timeout', file: 'rules/lb.yaml' } });
    } finally {
      await engine.close();
    }
  }, 150_000);
});
