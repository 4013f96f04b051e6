import { RedisStore } from '../../../src/conversation/store/redis-store';
import { describeRedis, flushPrefix, REDIS_URL, uniquePrefix } from '../../support/redis/redis-test';
import { storeContract } from './store-contract';

const prefix = uniquePrefix('contract');
let n = 0;

describeRedis('RedisStore', () => {
  afterAll(() => flushPrefix(prefix));
  // Every store gets keys of its own: a test starts from an empty store, as with a new SQLite file.
  storeContract('RedisStore', (options) => new RedisStore(REDIS_URL!, { ...options, keyPrefix: `${prefix}${++n}:` }));
});
