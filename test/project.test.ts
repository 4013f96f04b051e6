/**
 * The project skeleton is a contract too: the commands a fresh machine runs, what CI runs, and the
 * files a newcomer expects at the top level.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  engines: { node: string };
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('project skeleton', () => {
  it('has the top-level files of the design card', () => {
    for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'manifest.yml', '.env.example', 'README.md', '.ci/run', 'src', 'test']) {
      expect(existsSync(join(ROOT, file))).toBe(true);
    }
  });

  it('declares Node 20+, the diag502 bin and the stack of the design card', () => {
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.bin.diag502).toBe('bin/diag502.js');
    expect(statSync(join(ROOT, 'bin', 'diag502.js')).mode & 0o111).not.toBe(0);
    for (const dep of ['zod', 'fast-xml-parser', 'dotenv']) expect(pkg.dependencies[dep]).toBeDefined();
    for (const dep of ['jest', 'ts-jest', 'fast-check', 'eslint']) expect(pkg.devDependencies[dep]).toBeDefined();
    expect(pkg.devDependencies.typescript).toBe('~5.9');
  });

  it('commits a lockfile that npm ci can use', () => {
    const lock = JSON.parse(read('package-lock.json')) as { lockfileVersion: number; packages: Record<string, unknown> };
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    expect(lock.packages['node_modules/zod']).toBeDefined();
  });

  it('makes npm test run the type check, the linter and jest, failing on the first failure', () => {
    expect(pkg.scripts.test).toBe('npm run typecheck && npm run lint && jest');
    expect(pkg.scripts.typecheck).toMatch(/^tsc .*--noEmit/);
    expect(pkg.scripts.lint).toMatch(/^eslint --max-warnings 0/);
  });

  it('builds at install (prepare runs the build) and starts from dist/ through bin/start.js', () => {
    // npm runs `prepare` after `npm install`, so a fresh checkout is built once, not at every start.
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.build).toMatch(/^tsc -p tsconfig\.build\.json && node scripts\/bundle\.js$/);
    expect(pkg.scripts.start).toBe('node bin/start.js');
    // The launcher runs what the build wrote (the console bundle, else dist/src/main.js), never src/.
    const launcher = read('bin/start.js');
    expect(launcher).toContain("require(join(ROOT, 'dist', 'src', 'main.js'))");
    expect(launcher).toContain("loadBundle(ROOT, 'console')");
    expect(launcher).not.toMatch(/ts-node|\btsx\b/);
  });

  it('type-checks in strict mode', () => {
    const tsconfig = JSON.parse(read('tsconfig.json')) as { compilerOptions: Record<string, unknown> };
    expect(tsconfig.compilerOptions.strict).toBe(true);
    expect(tsconfig.compilerOptions.noUncheckedIndexedAccess).toBe(true);
  });

  it('runs npm ci and then the README test command in CI, stopping on any failure', () => {
    const ci = read('.ci/run');
    expect(ci).toMatch(/^set -euo pipefail$/m);
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm install\b.* && npm test$/m);
  });

  it('gives the tests a Redis in CI: redis-server installed when missing, started on a free loopback port, handed over, stopped on exit', () => {
    const ci = read('.ci/run');
    const testCommand = ci.search(/^npm install\b.* && npm test$/m);
    const before = (pattern: RegExp): void => {
      const at = ci.search(pattern);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(testCommand);
    };
    // The Debian package, installed only when the command is missing.
    before(/^command -v redis-server >\/dev\/null \|\| missing\+=\(redis-server\)$/m);
    before(/^if \[ "\$\{#missing\[@\]\}" -gt 0 \]; then apt-get update && apt-get install -y --no-install-recommends "\$\{missing\[@\]\}"; fi$/m);
    // A port the system says is free, on the loopback interface only, with nothing written to disk.
    before(/^redis_port=\$\(node -e .*listen\(0, "127\.0\.0\.1"/m);
    before(/^redis-server --port "\$redis_port" --bind 127\.0\.0\.1 --save '' --appendonly no .*&$/m);
    before(/^redis_pid=\$!$/m);
    // Stopped whatever happens, once it was started.
    before(/^trap '[^']*kill "\$redis_pid"[^']*' EXIT$/m);
    expect(ci.search(/^trap .*EXIT$/m)).toBeGreaterThan(ci.search(/^redis_pid=\$!$/m));
    before(/^export DIAG502_TEST_REDIS_URL="redis:\/\/127\.0\.0\.1:\$redis_port"$/m);
    before(/^export DIAG502_REQUIRE_REDIS=1$/m);
  });

  it('has a complete Slack manifest: command, shortcut, events, interactivity, Socket Mode', () => {
    const manifest = read('manifest.yml');
    expect(manifest).toMatch(/command: \/diag502/);
    expect(manifest).toMatch(/usage_hint: /);
    expect(manifest).toMatch(/type: message\n\s+callback_id: diagnose_502/);
    for (const event of ['app_mention', 'message.channels', 'message.groups', 'message.im']) expect(manifest).toMatch(new RegExp(`- ${event.replace('.', '\\.')}$`, 'm'));
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(manifest).toMatch(/socket_mode_enabled: true/);
  });

  it('asks for exactly the bot scopes the code needs', () => {
    const manifest = read('manifest.yml');
    const section = manifest.slice(manifest.indexOf('    bot:'), manifest.indexOf('settings:'));
    const scopes = [...section.matchAll(/^\s+- ([a-z_.:]+)/gm)].map((m) => m[1]).sort();
    expect(scopes).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'files:read', 'files:write', 'groups:history', 'im:history', 'reactions:write']);
    // Each Web API method the bot calls is covered by one of them.
    const calls = new Set<string>();
    for (const file of sources(join(ROOT, 'src', 'slack'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\.call(?:<[^>]*>)?\('([a-z]+\.[A-Za-z.]+)'/g)) calls.add(m[1]!);
    }
    // Methods that need no bot scope: auth.test answers for any token; apps.connections.open is
    // called with the app-level token (connections:write, set on the token itself); chat.getPermalink
    // (the team memory's links to threads) needs no scope either.
    const needs: Record<string, string | null> = {
      'auth.test': null,
      'chat.getPermalink': null,
      'apps.connections.open': null,
      'chat.postMessage': 'chat:write',
      'chat.postEphemeral': 'chat:write',
      'conversations.replies': 'channels:history',
      'conversations.history': 'channels:history',
      'reactions.add': 'reactions:write',
      'files.getUploadURLExternal': 'files:write',
      'files.completeUploadExternal': 'files:write',
      'chat.update': 'chat:write',
      'chat.delete': 'chat:write',
      // Only for apps with Slack's Agents & AI Apps feature (assistant:write, not asked for by the
      // manifest): refused elsewhere, and the progress message is the fallback (bot.e2e.test.ts).
      'assistant.threads.setStatus': null,
    };
    expect(calls.size).toBeGreaterThanOrEqual(8);
    for (const call of calls) {
      expect(Object.keys(needs)).toContain(call);
      if (needs[call]) expect(scopes).toContain(needs[call]);
    }
  });

  it('documents every environment variable the code reads in .env.example', () => {
    const used = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z_][A-Z0-9_]*)/g)) used.add(m[1]!);
    }
    const example = read('.env.example');
    for (const name of used) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
