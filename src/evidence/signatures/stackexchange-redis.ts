/**
 * Signatures of StackExchange.Redis, the Redis client most ASP.NET Core apps use. See types.ts for
 * what a signature is and how it is matched.
 *
 * Its timeout message (RedisTimeoutException) ends with the thread pool's state at that moment:
 * `IOCP: (Busy=0,Free=1000,Min=4,Max=1000), WORKER: (Busy=32,Free=32735,Min=4,Max=32767)`. The
 * library's own guide to timeouts says what to read there: more busy worker threads than the
 * minimum means the pool was injecting threads slowly (about one per second) while work queued,
 * that is thread pool starvation, and the Redis server is rarely the reason.
 */
import type { Signature } from './types';

const EXCEPTIONS = 'StackExchange/StackExchange.Redis src/StackExchange.Redis/ExceptionFactory.cs (Timeout performing {command} ({n}ms), then inst/qu/qs/mgr/IOCP/WORKER)';
const GUIDE = 'stackexchange.github.io/StackExchange.Redis/Timeouts ("Busy" above "Min" in WORKER or IOCP: thread pool throttling)';

const TIMEOUT =
  'Timeout performing HINCRBY (5000ms), next: HINCRBY 9c15778a, inst: 9, qu: 0, qs: 48, aw: False, rs: ReadAsync, ws: Idle, in: 0, serverEndpoint: cache.example.net:6380, mc: 1/1/0, mgr: 10 of 10 available, clientName: WEB01,';

export const SIGNATURES: readonly Signature[] = [
  {
    clue: 'redis.timeout',
    all: ['timeout performing'],
    any: [', inst:', ', qu:', ', qs:', 'mgr:', 'serverendpoint:', 'iocp: (busy=', 'worker: (busy='],
    source: EXCEPTIONS,
    examples: {
      match: [TIMEOUT, 'StackExchange.Redis.RedisTimeoutException: Timeout performing GET mykey, inst: 1, mgr: Inactive, queue: 2, qu: 0, qs: 2'],
      noMatch: ['Timeout performing the nightly backup'],
    },
  },
  {
    // The value is "Busy,Free,Min" of the worker pool; the thread-pool-starvation cause compares Busy with Min.
    clue: 'dotnet.threadpool-stats',
    all: ['worker: (busy='],
    value: /WORKER: \(Busy=(\d{1,6},Free=\d{1,7},Min=\d{1,6})/i,
    source: `${EXCEPTIONS}; ${GUIDE}`,
    examples: {
      match: ['IOCP: (Busy=0,Free=1000,Min=4,Max=1000), WORKER: (Busy=32,Free=32735,Min=4,Max=32767), v: 2.1.30.38891'],
      noMatch: ['worker process busy'],
    },
  },
];
