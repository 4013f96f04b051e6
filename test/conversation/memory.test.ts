/**
 * The team's memory through the conversation: a confirmed incident is recalled first in another
 * thread of the same workspace (when, where, what fixed it, in the team's words), a diagnosis
 * marked wrong comes back with a warning, secrets never reach the memory, and `memory` and
 * `forget <id>` work as thread commands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Conversation } from '../../src/conversation/conversation';
import { parseCommand } from '../../src/conversation/commands';
import { fixedByOf } from '../../src/conversation/memory';
import { sameIncident } from '../../src/evidence/fingerprint';
import { MemoryStore } from '../../src/conversation/store/memory-store';
import type { Reply } from '../../src/conversation/replies';
import type { ThreadKey } from '../../src/conversation/types';
import { renderReplyText } from '../../src/render/reply-text';
import { renderReply } from '../../src/slack/render';

const FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const log = (url = '/reports/export'): string =>
  [FIELDS, `2026-11-20 10:04:51 10.0.0.5 POST ${url} - 443 - 203.0.113.21 Mozilla/5.0 - 502 3 12002 120015`].join('\n');
const thread = (n: number, team = 'T1'): ThreadKey => ({ surface: 'slack', team, channel: 'C1', thread: `1732100000.00010${n}` });

function setup() {
  let n = 0;
  const store = new MemoryStore();
  const links: ThreadKey[] = [];
  const conversation = new Conversation(store, {
    now: () => new Date(Date.UTC(2026, 10, 20, 10, 30, n)),
    linkTo: async (key) => {
      links.push(key);
      return `https://acme.slack.com/archives/${key.channel}/p${key.thread.replace('.', '')}`;
    },
  });
  const say = (key: ThreadKey, text: string, author = 'U_ALICE'): Promise<Reply | null> => {
    n += 1;
    return conversation.handle({ key, messageId: `m${n}`, author, text, addressed: true, slack: false });
  };
  return { store, conversation, say, links };
}

function diagnosisOf(reply: Reply | null): Extract<Reply, { type: 'diagnosis' }> {
  if (reply?.type !== 'diagnosis') throw new Error(`expected a diagnosis, got ${reply?.type ?? 'null'}`);
  return reply;
}

describe("the team's memory in a conversation", () => {
  it('recalls a confirmed incident first in another thread: when, the permalink, and what fixed it', async () => {
    const { say, links } = setup();
    const first = diagnosisOf(await say(thread(1), log()));
    expect(first.memory).toBeUndefined();
    const cause = first.diagnosis.causes[0]!.id;
    const resolved = await say(thread(1), `resolved ${cause} raised requestTimeout to 5 minutes`);
    expect(resolved).toMatchObject({ type: 'resolved', remembered: { fixedBy: 'raised requestTimeout to 5 minutes', verdict: 'confirmed' } });
    expect(links).toEqual([thread(1)]);

    const again = diagnosisOf(await say(thread(2), log()));
    expect(again.memory?.confirmed).toMatchObject({ causeId: cause, fixedBy: 'raised requestTimeout to 5 minutes', link: 'https://acme.slack.com/archives/C1/p1732100000000101', by: 'U_ALICE' });
    const text = renderReplyText(again);
    expect(text.split('\n')[0]).toBe(
      `Seen before: on 2026-11-20 the team confirmed "${first.diagnosis.causes[0]!.title}" (thread: https://acme.slack.com/archives/C1/p1732100000000101). What fixed it: \u201craised requestTimeout to 5 minutes\u201d.`,
    );
  });

  it('never recalls a thread to itself, another workspace, or another URL', async () => {
    const { say } = setup();
    const first = diagnosisOf(await say(thread(1), log()));
    await say(thread(1), `resolved ${first.diagnosis.causes[0]!.id} more time`);
    expect(diagnosisOf(await say(thread(1), log())).memory).toBeUndefined();
    expect(diagnosisOf(await say(thread(2, 'T2'), log())).memory).toBeUndefined();
    expect(diagnosisOf(await say(thread(3), log('/orders'))).memory).toBeUndefined();
  });

  it('warns when the same diagnosis was marked wrong, and re-confirming keeps one entry per thread', async () => {
    const { say, conversation } = setup();
    const first = diagnosisOf(await say(thread(1), log()));
    const cause = first.diagnosis.causes[0]!.id;
    const wrong = await conversation.feedback(thread(1), { causeId: cause, verdict: 'wrong', by: 'U123', at: new Date('2026-11-02T09:00:00Z') });
    expect(wrong).toMatchObject({ verdict: 'wrong', by: 'U123' });
    await conversation.feedback(thread(1), { causeId: cause, verdict: 'wrong', by: 'U123' });
    const again = diagnosisOf(await say(thread(2), log()));
    expect(again.memory?.wrong?.by).toBe('U123');
    expect(again.memory?.confirmed).toBeUndefined();
    expect(renderReplyText(again).split('\n')[0]).toBe('\u26a0 Last time this diagnosis was marked wrong (by U123 on 2026-11-20, thread: https://acme.slack.com/archives/C1/p1732100000000101).');
    const listed = await say(thread(2), 'memory');
    expect(listed).toMatchObject({ type: 'memory', entries: [{ verdict: 'wrong' }] });
  });

  it('a confirm button after `resolved` keeps the words the team wrote', async () => {
    const { say, conversation } = setup();
    const first = diagnosisOf(await say(thread(1), log()));
    const cause = first.diagnosis.causes[0]!.id;
    await say(thread(1), `resolved ${cause}: raised requestTimeout`);
    const entry = await conversation.feedback(thread(1), { causeId: cause, verdict: 'confirmed', by: 'U9' });
    expect(entry?.fixedBy).toBe('raised requestTimeout');
  });

  it('the "This was the cause" button alone is recalled as confirmed, with no words to quote', async () => {
    const { say, conversation } = setup();
    const first = diagnosisOf(await say(thread(1), log()));
    const cause = first.diagnosis.causes[0]!;
    const entry = await conversation.feedback(thread(1), { causeId: cause.id, verdict: 'confirmed', by: 'U9' });
    expect(entry).toMatchObject({ verdict: 'confirmed', by: 'U9', link: 'https://acme.slack.com/archives/C1/p1732100000000101' });
    expect(entry?.fixedBy).toBeUndefined();
    const again = diagnosisOf(await say(thread(2), log()));
    expect(again.memory?.confirmed).toMatchObject({ id: entry!.id, causeId: cause.id });
    expect(again.memory?.confirmed?.fixedBy).toBeUndefined();
    expect(renderReplyText(again).split('\n')[0]).toBe(`Seen before: on 2026-11-20 the team confirmed "${cause.title}" (thread: https://acme.slack.com/archives/C1/p1732100000000101).`);
    const firstBlock = JSON.stringify(renderReply(again).blocks[0]);
    expect(firstBlock).toContain('*Seen before:*');
    expect(firstBlock).toContain('<https://acme.slack.com/archives/C1/p1732100000000101|thread>).');
    expect(firstBlock).not.toContain('What fixed it');
  });

  it('stores the team words redacted: a secret never reaches the memory or the list', async () => {
    const { say, store } = setup();
    const first = diagnosisOf(await say(thread(1), log()));
    await say(thread(1), `resolved ${first.diagnosis.causes[0]!.id} reset the db login, password=hunter2`);
    const stored = JSON.stringify(await store.listMemory('T1'));
    expect(stored).toContain('reset the db login');
    expect(stored).not.toContain('hunter2');
    const listed = await say(thread(2), 'memory');
    expect(renderReplyText(listed!)).not.toContain('hunter2');
  });

  it('lists and forgets entries with `memory` and `forget <id>`, per workspace', async () => {
    const { say } = setup();
    const first = diagnosisOf(await say(thread(1), log()));
    const resolved = await say(thread(1), `resolved ${first.diagnosis.causes[0]!.id} raised requestTimeout`);
    const id = resolved?.type === 'resolved' ? resolved.remembered!.id : '';
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(renderReplyText((await say(thread(2), 'memory'))!)).toContain(`${id}  2026-11-20  confirmed`);
    expect(await say(thread(2, 'T2'), `forget ${id}`)).toEqual({ type: 'forgot', id, found: false });
    expect(await say(thread(2), `forget ${id}`)).toEqual({ type: 'forgot', id, found: true });
    expect(await say(thread(2), 'memory')).toEqual({ type: 'memory', entries: [] });
    expect(diagnosisOf(await say(thread(3), log())).memory).toBeUndefined();
  });

  it('memory and forget <id> work as a slash command, before a thread exists, in the workspace they come from', async () => {
    const { say, conversation } = setup();
    const first = diagnosisOf(await say(thread(1), log()));
    const resolved = await say(thread(1), `resolved ${first.diagnosis.causes[0]!.id} raised requestTimeout`);
    const id = resolved?.type === 'resolved' ? resolved.remembered!.id : '';
    const slash = async (text: string, team = 'T1'): Promise<Reply | null> => (await conversation.draft({ key: thread(9, team), messageId: `cmd ${text} ${team}`, author: 'U_BOB', text, addressed: true })).reply;
    expect(await slash('memory')).toMatchObject({ type: 'memory', entries: [{ id, verdict: 'confirmed', fixedBy: 'raised requestTimeout' }] });
    expect(await slash('memory', 'T2')).toEqual({ type: 'memory', entries: [] });
    expect(await slash(`forget ${id}`, 'T2')).toEqual({ type: 'forgot', id, found: false });
    expect(await slash(`forget ${id}`)).toEqual({ type: 'forgot', id, found: true });
    expect(await slash('memory')).toEqual({ type: 'memory', entries: [] });
    expect(diagnosisOf(await say(thread(3), log())).memory).toBeUndefined();
  });

  it('a slash command (drafted before its thread exists) is recalled too, and its buttons remember once adopted', async () => {
    const { say, conversation } = setup();
    const first = diagnosisOf(await say(thread(1), log()));
    await say(thread(1), `resolved ${first.diagnosis.causes[0]!.id} raised requestTimeout`);
    const draft = await conversation.draft({ key: thread(9), messageId: 'cmd', author: 'U_BOB', text: log(), addressed: true });
    expect(diagnosisOf(draft.reply).memory?.confirmed?.fixedBy).toBe('raised requestTimeout');
    await conversation.adopt(draft, thread(5));
    const entry = await conversation.feedback(thread(5), { causeId: first.diagnosis.causes[0]!.id, verdict: 'wrong', by: 'U_BOB' });
    expect(entry).toMatchObject({ verdict: 'wrong', thread: 'slack:T1:C1:1732100000.000105' });
  });

  it('takes what fixed it from the words after the cause id, joining words and marks left out', () => {
    expect(fixedByOf('app-pool-recycle \u2014 raised shutdownTimeLimit to 60 s', 'app-pool-recycle')).toBe('raised shutdownTimeLimit to 60 s');
    expect(fixedByOf('app-pool-recycle: fixed by moving the recycle to 3 a.m.', 'app-pool-recycle')).toBe('moving the recycle to 3 a.m.');
    expect(fixedByOf('app-pool-recycle', 'app-pool-recycle')).toBeUndefined();
    expect(fixedByOf('the DBA restarted SQL', undefined)).toBe('the DBA restarted SQL');
  });

  it('does not recall an incident of another app pool: the same clues in ApiPool are not what ShopPool had', async () => {
    const { say } = setup();
    // WAS events that name the pool (a 5117 recycle of ShopPool), with the same IIS log.
    const events = readFileSync(join(__dirname, '..', 'fixtures', 'event-log', 'get-winevent-format-list.txt'), 'utf8');
    const shop = diagnosisOf(await say(thread(1), `${log()}\n\n${events}`));
    expect(shop.diagnosis.fingerprint?.pool).toBe('ShopPool');
    await say(thread(1), `resolved ${shop.diagnosis.causes[0]!.id} raised the private memory limit`);
    const api = diagnosisOf(await say(thread(2), `${log()}\n\n${events.replaceAll('ShopPool', 'ApiPool')}`));
    expect(api.diagnosis.fingerprint).toMatchObject({ key: shop.diagnosis.fingerprint!.key, pool: 'ApiPool' });
    expect(api.memory).toBeUndefined();
    expect(diagnosisOf(await say(thread(3), `${log()}\n\n${events}`)).memory?.confirmed?.fixedBy).toBe('raised the private memory limit');
  });

  it('an app pool known on both sides and different is another incident', () => {
    expect(sameIncident({ key: 'k', pool: 'Shop' }, { key: 'k', pool: 'shop' })).toBe(true);
    expect(sameIncident({ key: 'k', pool: 'Shop' }, { key: 'k', pool: 'Api' })).toBe(false);
    expect(sameIncident({ key: 'k', pool: 'Shop' }, { key: 'k' })).toBe(true);
    expect(sameIncident({ key: 'k' }, { key: 'other' })).toBe(false);
  });

  it('parses memory commands strictly: "forget it" is a sentence', () => {
    expect(parseCommand('memory')).toEqual({ name: 'memory' });
    expect(parseCommand('/diag502 forget A1B2C3D4')).toEqual({ name: 'forget', argument: 'a1b2c3d4' });
    expect(parseCommand('forget it')).toBeUndefined();
    expect(parseCommand('memory leak in the app')).toBeUndefined();
  });

  it('a memory kept apart from the store (a file for the CLI and console) is used instead', async () => {
    const store = new MemoryStore();
    const memory = new MemoryStore();
    const conversation = new Conversation(store, { memory, now: () => new Date('2026-11-20T10:30:00Z') });
    const d = diagnosisOf(await conversation.handle({ key: thread(1), messageId: 'a', author: 'me', text: log(), addressed: true }));
    await conversation.handle({ key: thread(1), messageId: 'b', author: 'me', text: `resolved ${d.diagnosis.causes[0]!.id} x`, addressed: true });
    expect(await memory.listMemory('T1')).toHaveLength(1);
    expect(await store.listMemory('T1')).toHaveLength(0);
  });
});
