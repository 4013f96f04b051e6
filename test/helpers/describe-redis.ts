/**
 * Suites that need Redis: run when global-setup.js found or started one, skipped (with the notice
 * global-setup.js printed) when there is none, and failed instead when DIAG502_REQUIRE_REDIS=1.
 */
import { REDIS_URL } from '../support/redis/redis-test';

/** `describe` when a Redis is there, else `describe.skip`; DIAG502_REQUIRE_REDIS=1 turns a missing Redis into a failure. */
export function describeRedis(name: string, body: () => void): void {
  if (REDIS_URL) {
    describe(name, body);
    return;
  }
  if (process.env.DIAG502_REQUIRE_REDIS === '1') {
    describe(name, () => {
      it('needs Redis', () => {
        throw new Error('DIAG502_REQUIRE_REDIS=1 but DIAG502_TEST_REDIS_URL is not set');
      });
    });
    return;
  }
  describe.skip(`${name} (SKIPPED: no Redis)`, body);
}
