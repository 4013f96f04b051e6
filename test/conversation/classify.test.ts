import { isQuestionShaped } from '../../src/conversation/classify';
import { analyze } from '../../src/conversation/engine';
import { parseCommand } from '../../src/conversation/commands';

const ROW =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n2026-11-20 10:04:51 10.0.0.5 POST /reports/export - 443 - 203.0.113.21 Mozilla/5.0 - 502 3 12002 120015';

describe('analyze: what a message is', () => {
  it.each([
    [ROW, false, 'evidence'],
    ['HTTP/1.1 502 Bad Gateway\nServer: cloudflare', false, 'evidence'],
    ['&lt;aspNetCore processPath="dotnet" arguments=".\\Shop.dll" /&gt;', false, 'evidence'],
    ['502 or 504?', false, 'question'],
    ['how do I enable stdout logging', false, 'question'],
    ['<@U0BOT> is it Cloudflare or my origin?', true, 'question'],
    ['who is on call tonight?', true, 'question'],
    ['did you restart it?', false, 'chatter'],
    ['ok, restarting the pool now', false, 'chatter'],
    ['thanks!', true, 'chatter'],
    ['summary', false, 'command'],
    ['<@U0BOT> reset', true, 'command'],
    ['resolved ancm-request-timeout', false, 'command'],
  ] as const)('%p (addressed: %p) is %s', (text, addressed, kind) => {
    expect(analyze({ text, slack: 'auto', addressed, source: 'message 1', previous: [] }).classified.kind).toBe(kind);
  });
});

describe('parseCommand', () => {
  it('reads the four commands, with or without a mention or slash', () => {
    expect(parseCommand('help')).toEqual({ name: 'help' });
    expect(parseCommand('/summary')).toEqual({ name: 'summary' });
    expect(parseCommand('<@U0BOT> reset')).toEqual({ name: 'reset' });
    expect(parseCommand('@diag502 resolved the app pool idle timeout')).toEqual({ name: 'resolved', argument: 'the app pool idle timeout' });
    expect(parseCommand('resolved')).toEqual({ name: 'resolved', argument: '' });
  });
  it('does not take sentences that start with a command word for commands', () => {
    expect(parseCommand('reset the app pool and try again')).toBeUndefined();
    expect(parseCommand('help me read this log')).toBeUndefined();
    expect(parseCommand('summary\nof the incident')).toBeUndefined();
  });
});

describe('isQuestionShaped', () => {
  it('is true for short questions only', () => {
    expect(isQuestionShaped('why does it work with dotnet run?')).toBe(true);
    expect(isQuestionShaped('Should I use in-process hosting')).toBe(true);
    expect(isQuestionShaped(`${'x'.repeat(500)}?`)).toBe(false);
    expect(isQuestionShaped('line one?\nline two?\nline three?')).toBe(false);
  });
});
