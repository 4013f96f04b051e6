import { LARGE_PASTE_CHARS, progressLine } from '../../../src/slack/delivery/progress';
import { answerPlace, type SlackRequest } from '../../../src/slack/delivery/requests';

const mention = (text: string, files?: { name: string; size?: number }[]): SlackRequest => ({
  kind: 'mention',
  id: 'event:Ev1',
  team: 'T1',
  channel: 'C1',
  text,
  ts: '100.0001',
  user: 'U1',
  ...(files ? { files: files.map((f, i) => ({ id: `F${i}`, mimetype: 'text/plain', url_private: `https://files.slack.com/${i}`, ...f })) } : {}),
});

describe('progressLine', () => {
  it('says nothing for a paste under about 1 MB without files: it is answered directly', () => {
    expect(progressLine(mention('HTTP Error 502.5'))).toBeUndefined();
    expect(progressLine(mention('x'.repeat(LARGE_PASTE_CHARS - 1)))).toBeUndefined();
  });

  it('counts the lines of a large paste', () => {
    expect(progressLine(mention('2026-11-20 10:15:02 GET / 502 3 12002 120015\n'.repeat(25_000)))).toBe('Reading your paste, 25,000 lines…');
  });

  it('names any attached file with its size first, then with its lines once read', () => {
    const request = mention('', [{ name: 'u_ex261207.log', size: 2_300_000 }]);
    expect(progressLine(request)).toBe('Reading u_ex261207.log (2.3 MB)…');
    expect(progressLine(request, { lines: 20_000 })).toBe('Reading u_ex261207.log, 20,000 lines…');
  });

  it('lists three files and counts the rest, names escaped like a paste', () => {
    const request = mention('', [{ name: 'a.log' }, { name: '<!channel> b.log' }, { name: 'c.log' }, { name: 'd.log' }, { name: 'e.log' }]);
    expect(progressLine(request)).toBe('Reading a.log, &lt;!channel&gt; b.log, c.log and 2 more…');
  });
});

describe('answerPlace', () => {
  it('is the thread the answer goes to, and nothing for a private slash command answer', () => {
    expect(answerPlace(mention('x'))).toEqual({ channel: 'C1', threadTs: '100.0001' });
    expect(answerPlace({ kind: 'command', id: 'trigger:1', team: 'T1', channel: 'C1', text: 'x', user: 'U1', private: true, responseUrl: 'https://hooks.slack.com/x' })).toBeUndefined();
    expect(answerPlace({ kind: 'command', id: 'trigger:2', team: 'T1', channel: 'C1', text: 'x', user: 'U1', private: false, responseUrl: 'https://hooks.slack.com/x' })).toEqual({ channel: 'C1' });
  });
});
