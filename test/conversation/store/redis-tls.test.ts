/**
 * `rediss://`: the Redis store over TLS. A private redis-server with TLS on a free loopback port
 * and a certificate made here (openssl); the store runs in a child process that trusts that
 * certificate the way an operator would for a private CA (NODE_EXTRA_CA_CERTS). Managed Redis
 * (Azure Cache, ElastiCache) uses a public CA and needs nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRedis } from '../../helpers/describe-redis';
import { freshDist } from '../../helpers/fresh-dist';
import { freePort } from '../../support/local-net';

const ROOT = join(__dirname, '..', '..', '..');
const STORE = join(ROOT, 'dist', 'src', 'conversation', 'store', 'redis-store.js');


/** What the child process saw: a few writes and reads of every kind, or the error it got. */
const SMOKE = `
const { RedisStore } = require(${JSON.stringify(STORE)});
(async () => {
  const store = new RedisStore(process.argv[1], { keyPrefix: 'diag502-tls-test:' });
  const key = { surface: 'slack', team: 'T1', channel: 'C1', thread: '1.1' };
  const out = {};
  try {
    await store.ping();
    out.processed = [await store.markProcessed('Ev1'), await store.markProcessed('Ev1')];
    out.appended = await store.appendMessage(key, { messageId: 'm1', author: 'U1', at: '2026-12-07T10:00:00.000Z', kind: 'evidence', text: 'HTTP Error 502.5', redactions: 0 });
    out.messages = (await store.getThread(key)).messages.length;
    const job = { id: 'event:Ev1', lane: 'T1:C1:1.1', payload: { text: 'x' } };
    out.accepted = [await store.acceptJob(job, 'a', 30000), await store.acceptJob(job, 'b', 30000)];
    out.threadLease = [await store.acquireThread('T1:C1:1.1', 'a', 30000), await store.acquireThread('T1:C1:1.1', 'b', 30000)];
  } catch (error) {
    out.error = error.message;
  }
  await store.close();
  process.stdout.write(JSON.stringify(out));
})();
`;

describeRedis('RedisStore over TLS (rediss://)', () => {
  const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
  const dir = mkdtempSync(join(tmpdir(), 'diag502-tls-'));
  let server: ReturnType<typeof spawn> | undefined;
  let url = '';

  beforeAll(async () => {
    freshDist();
    if (!openssl) throw new Error('openssl is needed to make the test certificate (.ci/run installs it)');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
    const port = await freePort();
    server = spawn('redis-server', ['--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1', '--tls-cert-file', join(dir, 'cert.pem'), '--tls-key-file', join(dir, 'key.pem'), '--tls-ca-cert-file', join(dir, 'cert.pem'), '--tls-auth-clients', 'no', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    url = `rediss://127.0.0.1:${port}`;
    // Ready when it accepts a TCP connection on the TLS port.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
      if (open) break;
      if (Date.now() > deadline || server.exitCode !== null) throw new Error('redis-server with TLS did not start (is it built with TLS?)');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 180_000);

  afterAll(() => {
    server?.kill('SIGKILL');
  });

  function smoke(env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', SMOKE, url], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('exit', () => resolve(JSON.parse(out) as Record<string, unknown>));
    });
  }

  it('reads and writes every kind of record over TLS, with dedupe and leases as on redis://', async () => {
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    expect(await smoke({ ...env, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') })).toEqual({
      processed: [true, false],
      appended: true,
      messages: 1,
      accepted: [true, false],
      threadLease: [true, false],
    });
  }, 30_000);

  it('refuses a server whose certificate it cannot trust, saying so in one line', async () => {
    const { NODE_EXTRA_CA_CERTS: _none, NODE_OPTIONS: _ignored, ...env } = process.env;
    const result = await smoke(env);
    expect(String(result.error)).toMatch(/^Redis at rediss:\/\/127\.0\.0\.1:\d+ is unreachable: .*(self[- ]signed|certificate)/i);
    expect(String(result.error)).not.toContain('\n');
  }, 30_000);
});
