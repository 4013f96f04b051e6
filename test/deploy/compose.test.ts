/**
 * docker-compose.yml is an example, never run by the tests, but it must stay true to the README:
 * two replicas that share one STORE_URL on the Redis service, told apart by their host names,
 * restarted a bounded number of times, and a load balancer (HTTP mode) in front of both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  hostname?: string;
  environment?: Record<string, string>;
  profiles?: string[];
  restart?: string;
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service>; configs?: Record<string, { content?: string }> };
const replicas = Object.entries(compose.services).filter(([, s]) => s.environment?.STORE_URL !== undefined);

describe('docker-compose.yml', () => {
  it('runs two bot replicas that share one STORE_URL on the Redis service, with one key prefix', () => {
    expect(replicas.map(([name]) => name).sort()).toEqual(['diag502-a', 'diag502-b']);
    const urls = new Set(replicas.map(([, s]) => s.environment!.STORE_URL));
    expect(urls.size).toBe(1);
    const url = new URL([...urls][0]!);
    expect(url.protocol).toBe('redis:');
    expect(compose.services[url.hostname]?.image).toMatch(/^redis:/);
    expect(new Set(replicas.map(([, s]) => s.environment!.STORE_KEY_PREFIX)).size).toBe(1);
    // Leases name the holder by host: the replicas must not share one.
    expect(new Set(replicas.map(([, s]) => s.hostname)).size).toBe(2);
    for (const [, s] of replicas) expect(s.build).toBeDefined();
  });

  it('gives up restarting a bot that keeps failing (a rejected token exits 2 at every start), where the store keeps restarting', () => {
    // Docker's own values: "no", "always", "unless-stopped", "on-failure[:max-retries]". Only a
    // bounded on-failure (or none) stops a revoked token from looping.
    for (const [, s] of replicas) expect(s.restart).toMatch(/^(?:no|on-failure:[1-9])$/);
    expect(compose.services.redis?.restart).toBe('unless-stopped');
  });

  it('puts a load balancer in front of both replicas for HTTP mode', () => {
    const lb = compose.services.lb!;
    expect(lb.profiles).toContain('http');
    const conf = compose.configs?.['nginx-lb']?.content ?? '';
    for (const [name] of replicas) expect(conf).toContain(`server ${name}:3000`);
  });

  it('is the one the README shows, beside both set-ups, and the default stays SQLite', () => {
    const readme = read('README.md');
    expect(readme).toContain('docker-compose.yml');
    expect(readme).toMatch(/### HTTP mode behind a load balancer/);
    expect(readme).toMatch(/### Socket Mode with several connections/);
    expect(readme).toMatch(/STORE_URL=redis:\/\//);
    expect(read('.env.example')).toMatch(/^STORE_URL=sqlite:\.\/data\/diag502\.db$/m);
  });
});
