/**
 * The `redis://` (and `rediss://`, TLS) store: one Redis shared by every replica of the bot. It
 * keeps the same contract as the SQLite store; each method that changes anything is one Lua
 * script, which Redis runs atomically, so two replicas racing each other see one winner.
 *
 * Keys (all under the configured prefix, `diag502:` by default, so deployments can share a Redis):
 *   t:<thread>        hash: key, created, updated, snapshot, resolution
 *   t:<thread>:m      list of messages (JSON), in arrival order
 *   t:<thread>:i      set of message ids (refuses a redelivered message)
 *   t:<thread>:f      list of feedback (JSON)
 *   threads           sorted set thread → updated (only so expire() can say how many went)
 *   p:<id>            a processed event id (SET NX PX: the first delivery wins)
 *   j:<id>            a job's small head (JSON: lane, state, owner, lease...), created with SET NX PX
 *   j:<id>:b          hash: the job's payload, result and progress (redacted text only)
 *   jobs              sorted set of open jobs by acceptance time (claims take the oldest first)
 *   l:<lane>          a thread lease: "owner\nuntil-ms"
 *   m:<team>:e:<id>   a team memory entry (JSON, with the store-clock time it was saved)
 *   m:<team>:k:<key>  set of the entry ids with that fingerprint key
 *   m:<team>:all      sorted set of the team's entry ids by time saved (list, forget, expire)
 *   m:teams           set of the teams that have memory (so expire() can trim each)
 *   health            written by ping()
 *
 * Forgetting is done by Redis itself: every write sets the keys' expiry (PEXPIRE) to the time to
 * live, so nothing needs a sweep. The store's own clock decides in addition (as on SQLite), so an
 * entry is gone at exactly the same instant whatever Redis's clock says; expire() only trims the
 * two sorted sets.
 *
 * A Redis that is down makes every call reject quickly (no offline queue, a command timeout and
 * a bounded reconnect delay), so callers and /healthz learn of it instead of waiting.
 */
import { createHash } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import { OPEN_JOB_STATES, threadId } from '../types';
import type { DiagnosisSnapshot, Feedback, Job, JobPatch, JobState, MemoryEntry, NewJob, Resolution, StoredMessage, ThreadKey, ThreadRecord } from '../types';
import { expiryCutoff, resolveStoreOptions, type ResolvedStoreOptions } from './expiry';
import { ownerIsDead } from './owner';
import type { Store, StoreOptions } from './store';
import { newestFirst } from './team-memory';

export const DEFAULT_KEY_PREFIX = 'diag502:';

export interface RedisStoreOptions extends StoreOptions {
  /** Put before every key, so two deployments (or two test files) can share one Redis. */
  keyPrefix?: string;
  /** How long one command may take before it fails (ms). Default 2000. */
  commandTimeoutMs?: number;
}

/** A Lua script with its SHA1, run with EVALSHA (EVAL the first time Redis has not seen it). */
interface Script {
  text: string;
  sha: string;
}

function script(text: string): Script {
  return { text, sha: createHash('sha1').update(text).digest('hex') };
}

/** Shared Lua helpers: the lease/expiry rules written once. */
const OPEN_LUA = `local OPEN = {${OPEN_JOB_STATES.map((s) => `['${s}'] = true`).join(', ')}}`;

/**
 * Any change to a thread. KEYS: hash, messages, ids, feedback, index. ARGV: op, now, cutoff,
 * pttl, key JSON, thread id, value, message id. Returns 0 only for a redelivered message.
 */
const THREAD_WRITE = script(`
local h, m, i, f, idx = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local op, now, cutoff, pttl = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local updated = redis.call('HGET', h, 'updated')
local live = updated and tonumber(updated) >= cutoff
if live and op == 'append' and redis.call('SISMEMBER', i, ARGV[8]) == 1 then return 0 end
if not live then
  -- An expired thread Redis has not dropped yet: a write starts a new one, old evidence stays gone.
  redis.call('DEL', h, m, i, f)
  redis.call('HSET', h, 'key', ARGV[5], 'created', now)
end
if op == 'append' then
  redis.call('RPUSH', m, ARGV[7])
  redis.call('SADD', i, ARGV[8])
elseif op == 'snapshot' then
  redis.call('HSET', h, 'snapshot', ARGV[7])
elseif op == 'resolution' then
  redis.call('HSET', h, 'resolution', ARGV[7])
elseif op == 'feedback' then
  redis.call('RPUSH', f, ARGV[7])
elseif op == 'reset' then
  redis.call('DEL', m, i, f)
  redis.call('HDEL', h, 'snapshot', 'resolution')
end
redis.call('HSET', h, 'updated', now)
for _, k in ipairs({h, m, i, f}) do redis.call('PEXPIRE', k, pttl) end
redis.call('ZADD', idx, now, ARGV[6])
return 1
`);

/** KEYS: hash, messages, feedback. One consistent read of a whole thread. */
const THREAD_READ = script(`
return { redis.call('HGETALL', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1), redis.call('LRANGE', KEYS[3], 0, -1) }
`);

/**
 * KEYS: the processed id's key. ARGV: now, cutoff, pttl. SET NX PX decides; an entry Redis still
 * has but the store's clock says expired counts as new.
 */
const MARK_PROCESSED = script(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[3]) then return 1 end
local seen = tonumber(redis.call('GET', KEYS[1]))
if seen and seen >= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1
`);

/** Whether a decoded job head is past keeping, by the store's clock. */
const EXPIRED_LUA = `
${OPEN_LUA}
local function expired(head, openCutoff, doneCutoff)
  if OPEN[head.state] then return head.accepted < openCutoff end
  return head.updated < doneCutoff
end`;

/**
 * KEYS: head, body, open-jobs set. ARGV: now, head JSON, payload JSON, pttl, open cutoff, done
 * cutoff, id. The head is created with SET NX PX: one accept per id across every replica.
 */
const ACCEPT_JOB = script(`
${EXPIRED_LUA}
if not redis.call('SET', KEYS[1], ARGV[2], 'NX', 'PX', ARGV[4]) then
  local head = cjson.decode(redis.call('GET', KEYS[1]))
  if not expired(head, tonumber(ARGV[5]), tonumber(ARGV[6])) then return 0 end
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[4])
end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], 'payload', ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[1], ARGV[7])
return 1
`);

/** KEYS: head, body. Returns head JSON (or false), payload, result, progress. */
const READ_JOB = script(`
local head = redis.call('GET', KEYS[1])
if not head then return false end
return { head, redis.call('HMGET', KEYS[2], 'payload', 'result', 'progress') }
`);

/**
 * KEYS: open-jobs set. ARGV: key prefix, now, open cutoff, owner, lease until, limit, dead owners
 * (JSON array). Leases the oldest claimable open jobs; returns their ids. Entries whose head is
 * gone (Redis expired it) or that are no longer open are dropped from the set on the way.
 */
const CLAIM_JOBS = script(`
${OPEN_LUA}
local prefix, now, cutoff, owner, untilMs, limit = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
local dead = {}
for _, o in ipairs(cjson.decode(ARGV[7])) do dead[o] = true end
local claimed = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if #claimed >= limit then break end
  local key = prefix .. 'j:' .. id
  local raw = redis.call('GET', key)
  if not raw then
    redis.call('ZREM', KEYS[1], id)
  else
    local head = cjson.decode(raw)
    if not OPEN[head.state] then
      redis.call('ZREM', KEYS[1], id)
    elseif head.accepted >= cutoff and head.notBefore <= now and (head.lease <= now or head.owner == '' or dead[head.owner]) then
      head.owner = owner
      head.lease = untilMs
      redis.call('SET', key, cjson.encode(head), 'KEEPTTL')
      table.insert(claimed, id)
    end
  end
end
return claimed
`);

/** KEYS: head. ARGV: owner, now, lease until. Extends the lease its holder still has. */
const RENEW_JOB = script(`
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local head = cjson.decode(raw)
if head.owner ~= ARGV[1] or head.lease < tonumber(ARGV[2]) then return 0 end
head.lease = tonumber(ARGV[3])
redis.call('SET', KEYS[1], cjson.encode(head), 'KEEPTTL')
return 1
`);

/**
 * KEYS: head, body, open-jobs set. ARGV: owner, now, patch JSON (state, attempts, notBefore,
 * release), result JSON or '', progress JSON or '', pttl for a finished job, id.
 */
const UPDATE_JOB = script(`
${OPEN_LUA}
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local head = cjson.decode(raw)
if head.owner ~= ARGV[1] or head.lease < tonumber(ARGV[2]) then return 0 end
local patch = cjson.decode(ARGV[3])
if patch.state then head.state = patch.state end
if patch.attempts then head.attempts = patch.attempts end
if patch.notBefore then head.notBefore = patch.notBefore end
if patch.release then head.owner = ''; head.lease = 0 end
head.updated = tonumber(ARGV[2])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[2], 'result', ARGV[4]) end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[2], 'progress', ARGV[5]) end
if OPEN[head.state] then
  redis.call('SET', KEYS[1], cjson.encode(head), 'KEEPTTL')
else
  -- Finished: kept as a processed record for processedTtl, counted from now.
  redis.call('SET', KEYS[1], cjson.encode(head), 'PX', ARGV[6])
  redis.call('PEXPIRE', KEYS[2], ARGV[6])
  redis.call('ZREM', KEYS[3], ARGV[7])
end
return 1
`);

/** KEYS: open-jobs set. ARGV: key prefix, open cutoff. Counts open jobs young enough to matter. */
const COUNT_OPEN = script(`
${OPEN_LUA}
local n = 0
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[2], '+inf')) do
  local raw = redis.call('GET', ARGV[1] .. 'j:' .. id)
  if raw and OPEN[cjson.decode(raw).state] then n = n + 1 end
end
return n
`);

/**
 * KEYS: lease. ARGV: owner, now, until, pttl, a holder known to be gone ('' for none). Returns ''
 * when `owner` holds the lease now, else the current holder.
 */
const ACQUIRE_THREAD = script(`
local v = redis.call('GET', KEYS[1])
if v then
  local holder, untilMs = string.match(v, '^(.*)\\n(%d+)$')
  if holder and holder ~= ARGV[1] and tonumber(untilMs) > tonumber(ARGV[2]) and holder ~= ARGV[5] then return holder end
end
redis.call('SET', KEYS[1], ARGV[1] .. '\\n' .. ARGV[3], 'PX', ARGV[4])
return ''
`);

/** KEYS: lease. ARGV: owner. */
const RELEASE_THREAD = script(`
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, #ARGV[1] + 1) == ARGV[1] .. '\\n' then redis.call('DEL', KEYS[1]) end
return 0
`);

/**
 * KEYS: threads index, open-jobs set. ARGV: key prefix, thread cutoff, open-job cutoff. Deletes
 * threads older than the cutoff (those Redis has not dropped yet) and trims both sets; returns
 * how many threads went.
 */
const EXPIRE = script(`
local prefix = ARGV[1]
local removed = 0
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2])) do
  local h = prefix .. 't:' .. id
  local updated = redis.call('HGET', h, 'updated')
  if updated and tonumber(updated) < tonumber(ARGV[2]) then
    redis.call('DEL', h, h .. ':m', h .. ':i', h .. ':f')
    removed = removed + 1
  end
  redis.call('ZREM', KEYS[1], id)
end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[3])) do
  redis.call('DEL', prefix .. 'j:' .. id, prefix .. 'j:' .. id .. ':b')
  redis.call('ZREM', KEYS[2], id)
end
return removed
`);

/**
 * Stores a team memory entry and indexes it by fingerprint key and by time, each key expiring with
 * the memory's time to live (Redis's clock as a backstop; the store clock decides on reading).
 * KEYS: entry, key set, all, teams. ARGV: entry JSON, saved ms, id, ttl ms, team.
 */
const REMEMBER = script(`
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
redis.call('SADD', KEYS[4], ARGV[5])
return 1
`);

/**
 * Forgets a live entry: the entry and its place in both indexes. 0 when there was none, or it was
 * past its time to live. KEYS: entry, all. ARGV: key-set prefix (m:<team>:k:), id, cutoff ms.
 */
const FORGET = script(`
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local stored = cjson.decode(raw)
redis.call('DEL', KEYS[1])
redis.call('SREM', ARGV[1] .. stored.entry.key, ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[2])
if tonumber(stored.savedMs) < tonumber(ARGV[3]) then return 0 end
return 1
`);

/** Trims every team's time index of entries past the memory's time to live. KEYS: teams. ARGV: prefix, cutoff. */
const EXPIRE_MEMORY = script(`
for _, team in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local all = ARGV[1] .. 'm:' .. team .. ':all'
  redis.call('ZREMRANGEBYSCORE', all, '-inf', '(' .. ARGV[2])
  if redis.call('EXISTS', all) == 0 then redis.call('SREM', KEYS[1], team) end
end
return 1
`);

/** What a job's head holds (JSON in j:<id>); owner '' and notBefore 0 mean none. */
interface JobHead {
  lane: string;
  state: JobState;
  attempts: number;
  accepted: number;
  updated: number;
  notBefore: number;
  owner: string;
  lease: number;
}

type Reply = unknown;

/** `redis://user:secret@host` → `redis://user:***@host`: an error message is no place for a password. */
export function maskRedisUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*):[^/@\s]*@/i, '$1:***@');
}

export class RedisStore implements Store {
  private readonly options: ResolvedStoreOptions;
  private readonly client: RedisClientType;
  private readonly prefix: string;
  private readonly where: string;
  /** Settles once the first connection is made (or failed); calls wait for it. */
  private readonly connecting: Promise<void>;
  private lastError: string | undefined;
  private closed = false;
  private readonly timeoutMs: number;

  /** Connects in the background; every call waits for the first connection attempt. */
  constructor(url: string, options: RedisStoreOptions = {}) {
    const { keyPrefix, commandTimeoutMs, ...rest } = options;
    this.options = resolveStoreOptions(rest);
    this.prefix = keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.where = maskRedisUrl(url);
    const timeout = commandTimeoutMs ?? 2000;
    this.timeoutMs = timeout;
    this.client = createClient({
      url,
      // A Redis that is down must make calls fail now, not queue them until it is back.
      disableOfflineQueue: true,
      commandOptions: { timeout },
      socket: {
        connectTimeout: timeout,
        // Reconnect for ever, but never wait more than 2 s between tries.
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 5), 2000),
      },
    }) as RedisClientType;
    // Without a listener an 'error' event would crash the process; the reason goes into the next rejection.
    this.client.on('error', (error: Error) => {
      this.lastError = error.message || (error as NodeJS.ErrnoException).code || String(error);
    });
    this.client.on('ready', () => {
      this.lastError = undefined;
    });
    this.connecting = this.client.connect().then(
      () => undefined,
      (error: unknown) => {
        this.lastError = (error as Error).message;
      },
    );
  }

  async appendMessage(key: ThreadKey, message: StoredMessage): Promise<boolean> {
    return (await this.writeThread(key, 'append', JSON.stringify(message), message.messageId)) === 1;
  }

  async getThread(key: ThreadKey): Promise<ThreadRecord | undefined> {
    const id = threadId(key);
    const k = this.threadKeys(id);
    const [hashFlat, messages, feedback] = (await this.run(THREAD_READ, [k.hash, k.messages, k.feedback], [])) as [string[], string[], string[]];
    const hash: Record<string, string> = {};
    for (let i = 0; i + 1 < hashFlat.length; i += 2) hash[hashFlat[i]!] = hashFlat[i + 1]!;
    if (hash.updated === undefined || Number(hash.updated) < expiryCutoff(this.nowMs(), this.options.ttlMs)) return undefined;
    const record: ThreadRecord = {
      id,
      key: JSON.parse(hash.key!) as ThreadKey,
      createdAt: new Date(Number(hash.created)).toISOString(),
      updatedAt: new Date(Number(hash.updated)).toISOString(),
      messages: messages.map((m) => JSON.parse(m) as StoredMessage),
      feedback: feedback.map((f) => JSON.parse(f) as Feedback),
    };
    if (hash.snapshot !== undefined) record.snapshot = JSON.parse(hash.snapshot) as DiagnosisSnapshot;
    if (hash.resolution !== undefined) record.resolution = JSON.parse(hash.resolution) as Resolution;
    return record;
  }

  async saveSnapshot(key: ThreadKey, snapshot: DiagnosisSnapshot): Promise<void> {
    await this.writeThread(key, 'snapshot', JSON.stringify(snapshot));
  }

  async setResolution(key: ThreadKey, resolution: Resolution): Promise<void> {
    await this.writeThread(key, 'resolution', JSON.stringify(resolution));
  }

  async addFeedback(key: ThreadKey, feedback: Feedback): Promise<void> {
    await this.writeThread(key, 'feedback', JSON.stringify(feedback));
  }

  async resetThread(key: ThreadKey): Promise<void> {
    await this.writeThread(key, 'reset', '');
  }

  async markProcessed(id: string): Promise<boolean> {
    const nowMs = this.nowMs();
    const ttl = this.options.processedTtlMs;
    return (await this.run(MARK_PROCESSED, [this.key(`p:${id}`)], [String(nowMs), String(expiryCutoff(nowMs, ttl)), String(ttl + 1)])) === 1;
  }

  async acceptJob(job: NewJob, owner: string, leaseMs: number): Promise<boolean> {
    const nowMs = this.nowMs();
    const head: JobHead = { lane: job.lane, state: 'pending', attempts: 0, accepted: nowMs, updated: nowMs, notBefore: 0, owner, lease: nowMs + leaseMs };
    const args = [
      String(nowMs),
      JSON.stringify(head),
      JSON.stringify(job.payload),
      // An open job is kept as long as it may matter, plus the day as a processed record after.
      String(this.options.jobMaxAgeMs + this.options.processedTtlMs),
      String(expiryCutoff(nowMs, this.options.jobMaxAgeMs)),
      String(expiryCutoff(nowMs, this.options.processedTtlMs)),
      job.id,
    ];
    return (await this.run(ACCEPT_JOB, [this.key(`j:${job.id}`), this.key(`j:${job.id}:b`), this.key('jobs')], args)) === 1;
  }

  async getJob(id: string): Promise<Job | undefined> {
    const reply = (await this.run(READ_JOB, [this.key(`j:${id}`), this.key(`j:${id}:b`)], [])) as [string, (string | null)[]] | null;
    if (!reply) return undefined;
    const head = JSON.parse(reply[0]) as JobHead;
    const nowMs = this.nowMs();
    const expired = OPEN_JOB_STATES.includes(head.state)
      ? head.accepted < expiryCutoff(nowMs, this.options.jobMaxAgeMs)
      : head.updated < expiryCutoff(nowMs, this.options.processedTtlMs);
    if (expired) return undefined;
    const [payload, result, progress] = reply[1];
    const job: Job = { id, lane: head.lane, payload: JSON.parse(payload ?? 'null') as unknown, state: head.state, attempts: head.attempts, acceptedAt: new Date(head.accepted).toISOString() };
    if (result) job.result = JSON.parse(result) as unknown;
    if (progress) job.progress = JSON.parse(progress) as unknown;
    if (head.notBefore > 0) job.notBefore = new Date(head.notBefore).toISOString();
    if (head.owner !== '') {
      job.owner = head.owner;
      job.leaseUntil = new Date(head.lease).toISOString();
    }
    return job;
  }

  async claimJobs(owner: string, leaseMs: number, options: { limit?: number } = {}): Promise<Job[]> {
    const nowMs = this.nowMs();
    const dead = await this.deadOwners(owner, nowMs);
    const args = [this.prefix, String(nowMs), String(expiryCutoff(nowMs, this.options.jobMaxAgeMs)), owner, String(nowMs + leaseMs), String(options.limit ?? 1000), JSON.stringify(dead)];
    const ids = (await this.run(CLAIM_JOBS, [this.key('jobs')], args)) as string[];
    const jobs: Job[] = [];
    for (const id of ids) {
      const job = await this.getJob(id);
      if (job) jobs.push(job);
    }
    return jobs;
  }

  async renewJob(id: string, owner: string, leaseMs: number): Promise<boolean> {
    const nowMs = this.nowMs();
    return (await this.run(RENEW_JOB, [this.key(`j:${id}`)], [owner, String(nowMs), String(nowMs + leaseMs)])) === 1;
  }

  async updateJob(id: string, owner: string, patch: JobPatch): Promise<boolean> {
    const nowMs = this.nowMs();
    const change: Record<string, unknown> = {};
    if (patch.state !== undefined) change.state = patch.state;
    if (patch.attempts !== undefined) change.attempts = patch.attempts;
    if (patch.notBefore !== undefined) change.notBefore = patch.notBefore === null ? 0 : patch.notBefore.getTime();
    if (patch.release) change.release = true;
    const args = [
      owner,
      String(nowMs),
      // cjson turns an empty table into [], which has no fields either: harmless.
      JSON.stringify(change),
      patch.result === undefined ? '' : JSON.stringify(patch.result),
      patch.progress === undefined ? '' : JSON.stringify(patch.progress),
      String(this.options.processedTtlMs + 1),
      id,
    ];
    return (await this.run(UPDATE_JOB, [this.key(`j:${id}`), this.key(`j:${id}:b`), this.key('jobs')], args)) === 1;
  }

  async finishJob(id: string, owner: string, outcome: 'done' | 'failed'): Promise<boolean> {
    return this.updateJob(id, owner, { state: outcome, release: true });
  }

  async acquireThread(lane: string, owner: string, leaseMs: number): Promise<boolean> {
    const nowMs = this.nowMs();
    const args = [owner, String(nowMs), String(nowMs + leaseMs), String(leaseMs), ''];
    const holder = (await this.run(ACQUIRE_THREAD, [this.key(`l:${lane}`)], args)) as string;
    if (holder === '') return true;
    if (!ownerIsDead(holder, owner)) return false;
    // The holder is a gone process on this host: take over, unless someone else did meanwhile.
    args[4] = holder;
    return (await this.run(ACQUIRE_THREAD, [this.key(`l:${lane}`)], args)) === '';
  }

  async releaseThread(lane: string, owner: string): Promise<void> {
    await this.run(RELEASE_THREAD, [this.key(`l:${lane}`)], [owner]);
  }

  async openJobs(): Promise<number> {
    const cutoff = expiryCutoff(this.nowMs(), this.options.jobMaxAgeMs);
    return Number(await this.run(COUNT_OPEN, [this.key('jobs')], [this.prefix, String(cutoff)]));
  }

  async ping(): Promise<void> {
    await this.ready();
    try {
      // A write, not PING: a Redis that answers but refuses writes (a read-only replica, out of memory, a failed save) must fail here.
      await this.client.set(this.key('health'), String(this.nowMs()), { expiration: { type: 'PX', value: 60_000 } });
    } catch (error) {
      throw this.failure(error);
    }
  }

  async expire(now?: Date): Promise<number> {
    const nowMs = (now ?? this.options.now()).getTime();
    const args = [this.prefix, String(expiryCutoff(nowMs, this.options.ttlMs)), String(expiryCutoff(nowMs, this.options.jobMaxAgeMs))];
    await this.run(EXPIRE_MEMORY, [this.key('m:teams')], [this.prefix, String(expiryCutoff(nowMs, this.options.memoryTtlMs))]);
    return Number(await this.run(EXPIRE, [this.key('threads'), this.key('jobs')], args));
  }

  async remember(entry: MemoryEntry): Promise<void> {
    const savedMs = this.nowMs();
    const team = memoryPart(entry.team);
    // Redis's own expiry is a backstop a day after the store clock's: reading decides exactly.
    const ttl = String(this.options.memoryTtlMs + 24 * 60 * 60 * 1000);
    const keys = [this.key(`m:${team}:e:${entry.id}`), this.key(`m:${team}:k:${memoryPart(entry.key)}`), this.key(`m:${team}:all`), this.key('m:teams')];
    await this.run(REMEMBER, keys, [JSON.stringify({ savedMs, entry: { ...entry, key: memoryPart(entry.key) }, key: entry.key }), String(savedMs), entry.id, ttl, team]);
  }

  async recall(team: string, key: string): Promise<MemoryEntry[]> {
    const t = memoryPart(team);
    const ids = await this.call(() => this.client.sMembers(this.key(`m:${t}:k:${memoryPart(key)}`)));
    return this.liveEntries(t, ids);
  }

  async listMemory(team: string): Promise<MemoryEntry[]> {
    const t = memoryPart(team);
    const cutoff = expiryCutoff(this.nowMs(), this.options.memoryTtlMs);
    const ids = await this.call(() => this.client.zRangeByScore(this.key(`m:${t}:all`), cutoff, '+inf'));
    return this.liveEntries(t, ids);
  }

  async forget(team: string, id: string): Promise<boolean> {
    const t = memoryPart(team);
    const cutoff = expiryCutoff(this.nowMs(), this.options.memoryTtlMs);
    return (await this.run(FORGET, [this.key(`m:${t}:e:${id}`), this.key(`m:${t}:all`)], [this.key(`m:${t}:k:`), id, String(cutoff)])) === 1;
  }

  /** The entries with these ids that are still within the memory's time to live, newest first. */
  private async liveEntries(team: string, ids: string[]): Promise<MemoryEntry[]> {
    if (ids.length === 0) return [];
    const cutoff = expiryCutoff(this.nowMs(), this.options.memoryTtlMs);
    const raws = (await this.call(() => this.client.mGet(ids.map((id) => this.key(`m:${team}:e:${id}`))))) as (string | null)[];
    const live: MemoryEntry[] = [];
    for (const raw of raws) {
      if (raw === null) continue;
      const stored = JSON.parse(raw) as { savedMs: number; entry: MemoryEntry; key: string };
      if (stored.savedMs >= cutoff) live.push({ ...stored.entry, key: stored.key });
    }
    return live.sort(newestFirst);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.client.isReady) {
      try {
        await this.client.close();
      } catch {
        this.client.destroy();
      }
    } else {
      this.client.destroy();
    }
  }

  /** The key with this deployment's prefix. */
  private key(suffix: string): string {
    return `${this.prefix}${suffix}`;
  }

  private threadKeys(id: string) {
    const hash = this.key(`t:${id}`);
    return { hash, messages: `${hash}:m`, ids: `${hash}:i`, feedback: `${hash}:f` };
  }

  private async writeThread(key: ThreadKey, op: 'append' | 'snapshot' | 'resolution' | 'feedback' | 'reset', value: string, messageId = ''): Promise<number> {
    const id = threadId(key);
    const k = this.threadKeys(id);
    const nowMs = this.nowMs();
    const ttl = this.options.ttlMs;
    const args = [op, String(nowMs), String(expiryCutoff(nowMs, ttl)), String(ttl + 1), JSON.stringify(key), id, value, messageId];
    return Number(await this.run(THREAD_WRITE, [k.hash, k.messages, k.ids, k.feedback, this.key('threads')], args));
  }

  /** Owners of running job leases that are gone processes on this host (owner.ts). */
  private async deadOwners(me: string, nowMs: number): Promise<string[]> {
    const ids = (await this.call(() => this.client.zRange(this.key('jobs'), 0, -1))) as string[];
    if (ids.length === 0) return [];
    const heads = (await this.call(() => this.client.mGet(ids.map((id) => this.key(`j:${id}`))))) as (string | null)[];
    const dead = new Set<string>();
    for (const raw of heads) {
      if (!raw) continue;
      const head = JSON.parse(raw) as JobHead;
      if (head.owner !== '' && head.lease > nowMs && ownerIsDead(head.owner, me)) dead.add(head.owner);
    }
    return [...dead];
  }

  private async run(s: Script, keys: string[], args: string[]): Promise<Reply> {
    return this.call(async () => {
      try {
        return await this.client.evalSha(s.sha, { keys, arguments: args });
      } catch (error) {
        if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
        return this.client.eval(s.text, { keys, arguments: args });
      }
    });
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    await this.ready();
    try {
      return await command();
    } catch (error) {
      throw this.failure(error);
    }
  }

  /**
   * Waits for the first connection, but no longer than one command may take: a Redis down at
   * start must not hold calls up (connect() keeps retrying; the call then fails as offline).
   */
  private async ready(): Promise<void> {
    if (this.closed) throw new Error('The thread store is closed.');
    if (!this.client.isReady) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.connecting, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.timeoutMs)))]);
      clearTimeout(timer);
    }
    if (this.closed) throw new Error('The thread store is closed.');
  }

  /** One clear line: which Redis, and why it failed (the connection's last error when offline). */
  private failure(error: unknown): Error {
    const message = (error as Error)?.message ?? String(error);
    const offline = !this.client.isReady;
    const reason = offline && this.lastError ? `${this.lastError} (not connected)` : message;
    return new Error(`Redis at ${this.where} ${offline ? 'is unreachable' : 'refused the command'}: ${reason}`, { cause: error });
  }

  private nowMs(): number {
    return this.options.now().getTime();
  }
}

/**
 * A team id or fingerprint key as one part of a Redis key: percent-encoded, so a ':' in it (or any
 * other character) can never run into the next part.
 */
function memoryPart(text: string): string {
  return encodeURIComponent(text);
}
