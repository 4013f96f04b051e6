/** Stops the redis-server global-setup.js started (none when CI passed its own). */
module.exports = async function globalTeardown() {
  const child = globalThis.__DIAG502_REDIS__;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
};
