/**
 * Jest global setup: makes a Redis available to the Redis suites. CI (.ci/run) starts one and
 * passes DIAG502_TEST_REDIS_URL; a developer running `npm test` gets one started here when
 * redis-server is on PATH (a free loopback port, no persistence), stopped in global-teardown.js.
 * With no Redis at all the Redis suites are skipped with a loud notice, unless
 * DIAG502_REQUIRE_REDIS=1 (set by CI), where that is a failure.
 */
const { spawn, spawnSync } = require('node:child_process');
const net = require('node:net');
const { setTimeout: wait } = require('node:timers/promises');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True once the server answers PING with PONG. */
function pong(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setTimeout(500, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      data += chunk.toString();
      if (data.includes('PONG')) {
        socket.end();
        resolve(true);
      }
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(data.includes('PONG')));
  });
}

module.exports = async function globalSetup() {
  if (process.env.DIAG502_TEST_REDIS_URL) return;
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (found.error || found.status !== 0) {
    if (process.env.DIAG502_REQUIRE_REDIS === '1') {
      throw new Error('DIAG502_REQUIRE_REDIS=1 but no Redis: set DIAG502_TEST_REDIS_URL or put redis-server on PATH.');
    }
    process.stderr.write(
      '\n\n*** NOTICE: no redis-server on PATH and no DIAG502_TEST_REDIS_URL: the Redis store and two-replica tests are SKIPPED. ***\n' +
        '*** Install redis-server (Debian: apt-get install redis-server) or run .ci/run to test them. ***\n\n',
    );
    return;
  }
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
  globalThis.__DIAG502_REDIS__ = child;
  const deadline = Date.now() + 10_000;
  while (!(await pong(port))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
    await wait(50);
  }
  process.env.DIAG502_TEST_REDIS_URL = `redis://127.0.0.1:${port}`;
};
