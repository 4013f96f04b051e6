/** The small decisions the listeners make before any work: command text, which messages count. */
import { parseCommandText } from '../../../src/slack/listeners/commands/diag502';
import { isUserMessage } from '../../../src/slack/listeners/events/message';
import { stripMentions } from '../../../src/slack/deps';

describe('/diag502 text', () => {
  test('empty, blank and help (any case) ask for usage', () => {
    for (const text of ['', '   ', 'help', 'HELP', ' Help ', 'private', 'private   ']) expect(parseCommandText(text)).toEqual({ kind: 'help' });
  });
  test('private <evidence> is private and keeps the evidence without the keyword', () => {
    expect(parseCommandText('private HTTP Error 502.5\nline 2')).toEqual({ kind: 'evidence', private: true, evidence: 'HTTP Error 502.5\nline 2' });
  });
  test("memory and forget <id> go to the conversation, answered privately", () => {
    expect(parseCommandText('memory')).toEqual({ kind: 'evidence', private: true, evidence: 'memory' });
    expect(parseCommandText(' forget a1b2c3d4 ')).toEqual({ kind: 'evidence', private: true, evidence: 'forget a1b2c3d4' });
    expect(parseCommandText('memory leak 502.3')).toEqual({ kind: 'evidence', private: false, evidence: 'memory leak 502.3' });
  });
  test('anything else is evidence for the channel, kept as sent (helpful is not help)', () => {
    expect(parseCommandText('helpful 502.3 here')).toEqual({ kind: 'evidence', private: false, evidence: 'helpful 502.3 here' });
    expect(parseCommandText('privately 502')).toEqual({ kind: 'evidence', private: false, evidence: 'privately 502' });
  });
});

describe('which message events are read', () => {
  const base = { ts: '1.1', channel: 'C1', user: 'U2', text: '502.5' };
  test('a person\'s plain message, file share or thread broadcast is read', () => {
    expect(isUserMessage(base, 'U0BOT')).toBe(true);
    expect(isUserMessage({ ...base, subtype: 'file_share' }, 'U0BOT')).toBe(true);
    expect(isUserMessage({ ...base, subtype: 'thread_broadcast' }, 'U0BOT')).toBe(true);
  });
  test('bots, the bot itself, edits/joins and messages mentioning the bot are not', () => {
    expect(isUserMessage({ ...base, bot_id: 'B1' }, 'U0BOT')).toBe(false);
    expect(isUserMessage({ ...base, user: 'U0BOT' }, 'U0BOT')).toBe(false);
    expect(isUserMessage({ ...base, subtype: 'message_changed' }, 'U0BOT')).toBe(false);
    expect(isUserMessage({ ...base, subtype: 'channel_join' }, 'U0BOT')).toBe(false);
    expect(isUserMessage({ ...base, text: '<@U0BOT> 502.5' }, 'U0BOT')).toBe(false);
  });
});

test('mentions are stripped from the text handed to the conversation layer', () => {
  expect(stripMentions('<@U0BOT> why 502? <@U2|bob>')).toBe('why 502?');
});
