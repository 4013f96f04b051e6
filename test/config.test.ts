import { ConfigError, loadConfig, modeOf, storeOptionsOf } from '../src/config';
import { openStore } from '../src/conversation/store/open-store';
import { entry } from './conversation/store/memory-contract';

describe('configuration', () => {
  it('falls back to the local console and the default store with nothing set', () => {
    const config = loadConfig({});
    expect(modeOf(config)).toBe('console');
    expect(config).toMatchObject({ STORE_URL: 'sqlite:./data/diag502.db', THREAD_TTL_DAYS: 7, PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('treats empty values (as .env.example leaves them) as unset', () => {
    expect(modeOf(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ', STORE_URL: '' }))).toBe('console');
  });

  it('picks Socket Mode with a bot and an app token, HTTP mode with a bot token and a signing secret', () => {
    expect(modeOf(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-1-abc' }))).toBe('socket');
    expect(modeOf(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef' }))).toBe('http');
  });

  it('names the missing partner when only some Slack variables are set, instead of quietly starting the console', () => {
    const secret = '0123456789abcdef0123456789abcdef';
    expect(() => modeOf(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }))).toThrow(/SLACK_BOT_TOKEN is set, but it needs a partner: SLACK_APP_TOKEN .* or SLACK_SIGNING_SECRET/);
    expect(() => modeOf(loadConfig({ SLACK_APP_TOKEN: 'xapp-1-A1-1-abc' }))).toThrow(/SLACK_APP_TOKEN is set, but SLACK_BOT_TOKEN .* is missing/);
    expect(() => modeOf(loadConfig({ SLACK_SIGNING_SECRET: secret }))).toThrow(/SLACK_SIGNING_SECRET is set, but SLACK_BOT_TOKEN .* is missing/);
    expect(() => modeOf(loadConfig({ SLACK_APP_TOKEN: 'xapp-1-A1-1-abc', SLACK_SIGNING_SECRET: secret }))).toThrow(/SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are set, but SLACK_BOT_TOKEN/);
    expect(() => modeOf(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }))).toThrow(ConfigError);
  });

  it('reads the job lease and the delivery retry waits, with clear errors', () => {
    const defaults = loadConfig({});
    expect(defaults.JOB_LEASE_SECONDS).toBe(30);
    expect(defaults.DELIVERY_RETRY_SECONDS).toEqual([30, 60, 120, 240, 480]);
    expect(loadConfig({ DELIVERY_RETRY_SECONDS: '1,2.5' }).DELIVERY_RETRY_SECONDS).toEqual([1, 2.5]);
    expect(() => loadConfig({ DELIVERY_RETRY_SECONDS: '1;2' })).toThrow(/DELIVERY_RETRY_SECONDS: must be a comma-separated list/);
    expect(() => loadConfig({ JOB_LEASE_SECONDS: '1' })).toThrow(/JOB_LEASE_SECONDS: must be a number of seconds from 5 to 600/);
  });

  it('reads the thread time to live in days', () => {
    expect(loadConfig({ THREAD_TTL_DAYS: '2.5' }).THREAD_TTL_DAYS).toBe(2.5);
  });

  it("reads the team memory's time to live in days: 180 by default, refused outside 1 to 3650", () => {
    expect(loadConfig({}).MEMORY_TTL_DAYS).toBe(180);
    expect(loadConfig({ MEMORY_TTL_DAYS: '30' }).MEMORY_TTL_DAYS).toBe(30);
    for (const bad of ['0', '-5', 'ninety', '4000']) expect(() => loadConfig({ MEMORY_TTL_DAYS: bad })).toThrow(/MEMORY_TTL_DAYS: must be a number of days from 1 to 3650/);
  });

  it('opens the store with MEMORY_TTL_DAYS as its team memory time to live (and THREAD_TTL_DAYS for threads)', async () => {
    const DAY = 24 * 60 * 60 * 1000;
    expect(storeOptionsOf(loadConfig({}))).toEqual({ ttlMs: 7 * DAY, memoryTtlMs: 180 * DAY, keyPrefix: 'diag502:' });
    expect(storeOptionsOf(loadConfig({ MEMORY_TTL_DAYS: '30', THREAD_TTL_DAYS: '2', STORE_KEY_PREFIX: 'x:' }))).toEqual({ ttlMs: 2 * DAY, memoryTtlMs: 30 * DAY, keyPrefix: 'x:' });
    // As the store reads it: 30 days keeps an entry recorded 29 days ago and forgets one of 31.
    const listedAfter = async (days: number): Promise<number> => {
      let now = Date.parse(entry().at);
      const store = openStore('memory:', { ...storeOptionsOf(loadConfig({ MEMORY_TTL_DAYS: '30' })), now: () => new Date(now) });
      await store.remember(entry());
      now += days * DAY;
      const listed = (await store.listMemory(entry().team)).length;
      await store.close();
      return listed;
    };
    expect(await listedAfter(29)).toBe(1);
    expect(await listedAfter(31)).toBe(0);
  });

  it('names every malformed variable in one clear message', () => {
    let message = '';
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token', PORT: '80a', STORE_URL: 'postgres://cache:5432', THREAD_TTL_DAYS: '0', LOG_LEVEL: 'verbose' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('SLACK_BOT_TOKEN: must be a bot token starting with "xoxb-"');
    expect(message).toContain('PORT: must be a port number from 1 to 65535');
    expect(message).toContain('STORE_URL: must be sqlite:PATH');
    expect(message).toContain('THREAD_TTL_DAYS: must be a number of days');
    expect(message).toContain('LOG_LEVEL');
    expect(message).not.toMatch(/\n\s+at /);
  });
});
