import { ConfigError, loadConfig, modeOf } from '../src/config';

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

  it('reads the thread time to live in days', () => {
    expect(loadConfig({ THREAD_TTL_DAYS: '2.5' }).THREAD_TTL_DAYS).toBe(2.5);
  });

  it('names every malformed variable in one clear message', () => {
    let message = '';
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token', PORT: '80a', STORE_URL: 'redis://cache:6379', THREAD_TTL_DAYS: '0', LOG_LEVEL: 'verbose' });
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
