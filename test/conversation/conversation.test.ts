/**
 * Incident threads end to end: several messages refine one diagnosis, questions use it, the bot
 * keeps quiet on chatter and on a message it has already answered.
 */
import { Conversation } from '../../src/conversation/conversation';
import { MemoryStore } from '../../src/conversation/store/memory-store';
import { diagnose } from '../../src/diagnose';
import type { Reply } from '../../src/conversation/replies';
import type { ThreadKey } from '../../src/conversation/types';

const KEY: ThreadKey = { surface: 'slack', team: 'T1', channel: 'C1', thread: '1732100000.000100' };
const FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
// Three messages, each telling part of the story (ARCHITECTURE: a thread is diagnosed as a whole).
const PAGE = 'Users get this page:\nHTTP Error 502.3 - Bad Gateway';
const LOG = [FIELDS, '2026-11-20 10:04:51 10.0.0.5 POST /reports/export - 443 - 203.0.113.21 Mozilla/5.0 - 502 3 12002 120015'].join('\n');
const CONFIG = [
  '<configuration>',
  '  <system.webServer>',
  '    <aspNetCore processPath="dotnet" arguments=".\\Shop.dll" hostingModel="outofprocess" />',
  '  </system.webServer>',
  '</configuration>',
].join('\n');

function setup() {
  let n = 0;
  const store = new MemoryStore();
  const conversation = new Conversation(store, { now: () => new Date(Date.UTC(2026, 10, 20, 10, 30, n)) });
  const say = (text: string, opts: { addressed?: boolean; id?: string; author?: string } = {}): Promise<Reply | null> => {
    n += 1;
    return conversation.handle({ key: KEY, messageId: opts.id ?? `m${n}`, author: opts.author ?? 'U_ALICE', text, addressed: opts.addressed ?? false, slack: false });
  };
  return { store, conversation, say };
}

function diagnosisOf(reply: Reply | null) {
  if (reply?.type !== 'diagnosis') throw new Error(`expected a diagnosis, got ${reply?.type ?? 'null'}`);
  return reply;
}

describe('Conversation', () => {
  it('combines three messages into a diagnosis none of them proves alone', async () => {
    const { say } = setup();
    const first = diagnosisOf(await say(PAGE, { addressed: true }));
    expect(first.change.first).toBe(true);
    diagnosisOf(await say(LOG));
    const third = diagnosisOf(await say(CONFIG));
    const top = third.diagnosis.causes[0]!;
    expect(top.id).toBe('ancm-request-timeout');
    // The fix is a change to the web.config of message 3, found from the log of message 2.
    // A web.config pasted in a message is diffed as web.config, so the diff applies to the file.
    expect(top.fix.diff).toMatch(/^--- a\/web\.config\n\+\+\+ b\/web\.config$/m);
    expect(top.fix.diff).toMatch(/^\+.*requestTimeout=/m);
    // Alone, no message gets there.
    for (const text of [PAGE, LOG, CONFIG]) {
      const alone = diagnose([{ source: 'alone', text }]).causes[0];
      expect(alone?.id === 'ancm-request-timeout' && alone.fix.diff !== undefined).toBe(false);
    }
  });

  it('says what changed: new top cause, confidence and what would settle it', async () => {
    const { say } = setup();
    diagnosisOf(await say('we get 502 Bad Gateway since 10:00', { addressed: true }));
    const second = diagnosisOf(await say(LOG));
    expect(second.change.first).toBe(false);
    expect(second.change.topChanged || (second.change.confidenceDelta ?? 0) > 0).toBe(true);
    expect(second.change.top?.id).toBe('ancm-request-timeout');
    expect(second.change.ruledIn.map((c) => c.id)).toContain('ancm-request-timeout');
    expect(second.change.next?.what).toBeDefined();
  });

  it('answers a follow-up question with the thread\'s own diagnosis', async () => {
    const { say } = setup();
    await say(LOG, { addressed: true });
    await say(CONFIG);
    const reply = await say('how do I fix it?');
    expect(reply?.type).toBe('answer');
    if (reply?.type !== 'answer') return;
    expect(reply.answer.text).toContain('requestTimeout');
  });

  it('gives chatter nothing, and does not keep it', async () => {
    const { say, store } = setup();
    await say(LOG, { addressed: true });
    expect(await say('ok, restarting the pool now')).toBeNull();
    expect(await say('did you restart it?')).toBeNull();
    expect((await store.getThread(KEY))!.messages).toHaveLength(1);
  });

  it('answers a message once: a redelivered message id gets nothing', async () => {
    const { say } = setup();
    expect(await say(LOG, { addressed: true, id: 'ts-1' })).not.toBeNull();
    expect(await say(LOG, { addressed: true, id: 'ts-1' })).toBeNull();
  });

  it('keeps only redacted evidence', async () => {
    const { say, store } = setup();
    await say(`${CONFIG}\n<add name="Db" connectionString="Server=sql01;Password=Sup3rS3cret!;" />`, { addressed: true });
    const stored = (await store.getThread(KEY))!.messages[0]!;
    expect(stored.text).not.toContain('Sup3rS3cret!');
    expect(stored.redactions).toBeGreaterThan(0);
  });

  it('runs help, summary, reset and resolved', async () => {
    const { say, store } = setup();
    expect((await say('help', { addressed: true }))?.type).toBe('help');
    await say(LOG);
    const summary = await say('summary');
    expect(summary?.type).toBe('summary');
    if (summary?.type === 'summary') {
      expect(summary.diagnosis?.causes[0]?.id).toBe('ancm-request-timeout');
      expect(summary.entries.find((e) => e.kind === 'evidence')?.kinds).toEqual(['iis-log']);
    }
    const resolved = await say('resolved ancm-request-timeout');
    expect(resolved).toMatchObject({ type: 'resolved', resolution: { causeId: 'ancm-request-timeout', by: 'U_ALICE' } });
    expect((await say('resolved'))?.type).toBe('resolved-usage');
    expect((await say('reset'))?.type).toBe('reset');
    const after = await store.getThread(KEY);
    expect(after?.messages ?? []).toHaveLength(0);
  });

  it('matches a resolution written in words to a catalogue cause', async () => {
    const { say } = setup();
    const reply = await say('resolved thread pool starvation from sync over async', { addressed: true });
    expect(reply).toMatchObject({ type: 'resolved', resolution: { causeId: 'thread-pool-starvation' } });
  });

  it('answers honestly when a question addressed to it is beyond its knowledge', async () => {
    const { say } = setup();
    const reply = await say('@diag502 who is on call tonight?', { addressed: true });
    expect(reply?.type).toBe('unknown-question');
  });

  it('tells an addressed message with no evidence what would help', async () => {
    const { say } = setup();
    expect((await say('hello there', { addressed: true }))?.type).toBe('no-evidence');
  });

  it('does not lose evidence when messages to one thread arrive at once', async () => {
    const { store, conversation } = setup();
    const rows = Array.from({ length: 20 }, (_, i) => `2026-11-20 10:${String(10 + i)}:00 10.0.0.5 GET /r${i} - 443 - 203.0.113.21 Mozilla/5.0 - 502 3 12002 12000${i}`);
    await Promise.all(rows.map((row, i) => conversation.handle({ key: KEY, messageId: `c${i}`, author: 'U_BOB', text: `${FIELDS}\n${row}`, addressed: true, slack: false })));
    expect((await store.getThread(KEY))!.messages).toHaveLength(20);
  });
});
