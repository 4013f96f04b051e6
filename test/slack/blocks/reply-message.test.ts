/**
 * Every conversation reply rendered for Slack: each type has its own layout, every one passes
 * Slack's rules, and only diagnoses (and summaries that hold one) carry the diagnosis metadata.
 */
import { diagnose } from '../../../src/diagnose';
import { answerQuestion, TOPICS } from '../../../src/advice/knowledge';
import type { Reply } from '../../../src/conversation/replies';
import type { MemoryEntry } from '../../../src/conversation/types';
import { HELP_TEXT } from '../../../src/render/reply-text';
import { replyMessage, type SlackMessage } from '../../../src/slack/blocks';
import { allText, textObjects, violations } from './slack-rules';

const LOG = [
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
  '2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015',
].join('\n');
const diagnosis = diagnose([{ source: 'message 1', text: LOG }]);
const stdoutAnswer = answerQuestion('how do I enable stdout logging?', { diagnosis: null })!;
const resolution = { text: 'ancm-request-timeout', causeId: 'ancm-request-timeout', by: 'U024BE7LH', at: '2026-11-20T11:00:00.000Z' };
/** A memory entry whose words try every mrkdwn trick: they must arrive as plain text. */
const remembered: MemoryEntry = {
  id: 'a1b2c3d4',
  team: 'T0001',
  key: diagnosis.fingerprint!.key,
  fingerprint: diagnosis.fingerprint!,
  verdict: 'confirmed',
  causeId: 'ancm-request-timeout',
  diagnosedCauseId: 'ancm-request-timeout',
  title: "Request ran past ANCM's requestTimeout",
  fixedBy: 'raised requestTimeout <!channel> *now* & <https://evil.example|click>',
  thread: 'slack:T0001:C0001:1763633700.000100',
  link: 'https://acme.slack.com/archives/C0001/p1763633700000100',
  by: 'U024BE7LH',
  at: '2026-11-20T11:00:00.000Z',
};

/** One reply of every type; the Record type makes the compiler insist on all of them. */
const REPLIES: Record<Reply['type'], Reply> = {
  diagnosis: { type: 'diagnosis', diagnosis, change: { first: true, topChanged: true, ruledIn: [], ruledOut: [] }, truncated: false },
  answer: { type: 'answer', question: 'how do I enable stdout logging?', answer: stdoutAnswer },
  'unknown-question': { type: 'unknown-question', question: 'who is on call tonight?', topics: TOPICS },
  help: { type: 'help' },
  summary: {
    type: 'summary',
    diagnosis,
    entries: [
      { n: 1, author: 'U024BE7LH', at: '2026-11-20T10:15:00.000Z', kind: 'evidence', kinds: ['iis-log'], lines: 2 },
      { n: 2, author: 'U0G9QF9C6', at: '2026-11-20T10:16:00.000Z', kind: 'question', kinds: [], lines: 1 },
    ],
    resolution,
  },
  reset: { type: 'reset' },
  resolved: { type: 'resolved', resolution, title: "Request ran past ANCM's requestTimeout" },
  'resolved-usage': { type: 'resolved-usage' },
  'no-evidence': { type: 'no-evidence', read: ['prose'] },
  memory: { type: 'memory', entries: [remembered, { ...remembered, id: 'bbbbbbbb', verdict: 'wrong', by: 'U0G9QF9C6', fixedBy: undefined, link: undefined }] },
  forgot: { type: 'forgot', id: 'a1b2c3d4', found: true },
};

const rendered = Object.fromEntries(Object.entries(REPLIES).map(([type, reply]) => [type, replyMessage(reply, { threadTs: '1763633700.000100' })])) as Record<Reply['type'], SlackMessage>;
const sections = (m: SlackMessage): string[] => (m.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => b.text!.text);

describe.each(Object.keys(REPLIES) as Reply['type'][])('%s', (type) => {
  const m = rendered[type];

  it('passes every Slack rule and has a fallback text', () => {
    expect(violations(m)).toEqual([]);
    expect(m.text.trim().length).toBeGreaterThan(0);
  });

  it('carries the diagnosis metadata only if it shows a diagnosis', () => {
    if (type === 'diagnosis' || type === 'summary') expect(m.metadata?.event_type).toBe('diag502_diagnosis');
    else expect(m.metadata).toBeUndefined();
  });

  it('answers in the thread it was given', () => {
    expect(m.thread_ts).toBe('1763633700.000100');
  });
});

describe('layouts', () => {
  it('diagnosis: the full diagnosis layout with its buttons', () => {
    expect((rendered.diagnosis.blocks[0] as { type: string }).type).toBe('header');
    expect(sections(rendered.diagnosis).some((t) => t.startsWith('*Evidence*'))).toBe(true);
    expect(rendered.diagnosis.blocks.some((b) => b.type === 'actions')).toBe(true);
  });

  it('diagnosis: says when the paste was cut at the size cap', () => {
    const cut = replyMessage({ ...REPLIES.diagnosis, truncated: true } as Reply);
    expect(allText(cut)).toContain('only its first 2 MB were read');
  });

  it('answer: the title, the prose, the code paragraph as a code block, the references as links', () => {
    const text = sections(rendered.answer).join('\n');
    expect(text.startsWith(`*${stdoutAnswer.title}*\n`)).toBe(true);
    expect(text).toContain('```\n&lt;aspNetCore processPath="dotnet" arguments=".\\YourApp.dll" stdoutLogEnabled="true"');
    expect(allText(rendered.answer)).toMatch(/More: <https:\/\/learn\.microsoft\.com\/[^|]+\|learn\.microsoft\.com>/);
    expect(allText(rendered.answer)).toContain('_You asked:_ how do I enable stdout logging?');
    expect(rendered.answer.text.startsWith(`${stdoutAnswer.title}: In web.config set`)).toBe(true);
  });

  it('unknown-question: no guess, every topic, and an invitation to paste evidence', () => {
    const text = sections(rendered['unknown-question']).join('\n');
    expect(text).toContain('who is on call tonight?');
    for (const topic of TOPICS) expect(text).toContain(`• ${topic}`);
    expect(text).toMatch(/paste evidence/);
  });

  it('help: the help text, the commands in a code block, and how to reach the bot in Slack', () => {
    const text = sections(rendered.help).join('\n');
    expect(text).toContain(HELP_TEXT.split('\n')[0]!);
    for (const command of ['help', 'summary', 'reset', 'resolved &lt;cause&gt;']) expect(text).toMatch(new RegExp(`\`\`\`[\\s\\S]*  ${command} [\\s\\S]*\`\`\``));
    expect(text).toContain('/diag502');
    expect(text).toContain('Diagnose 502');
  });

  it('summary: every message of the thread with who and when, the resolution, then the diagnosis', () => {
    const text = sections(rendered.summary).join('\n');
    expect(text).toContain('• message 1 from <@U024BE7LH> at <!date^1795169700^{date_short_pretty} {time}|2026-11-20T10:15:00.000Z>: evidence (iis-log), 2 lines');
    expect(text).toContain('• message 2 from <@U0G9QF9C6>');
    expect(text).toContain('*Resolved:* ancm-request-timeout (`ancm-request-timeout`), recorded by <@U024BE7LH>');
    const types = rendered.summary.blocks.map((b) => b.type);
    expect(types.filter((t) => t === 'header')).toHaveLength(2);
    expect(types[types.length - 1]).toBe('actions');
    expect(rendered.summary.metadata!.event_payload.causes[0]!.id).toBe(diagnosis.causes[0]!.id);
  });

  it('summary without evidence: says there is no diagnosis yet and carries no metadata', () => {
    const m = replyMessage({ type: 'summary', diagnosis: null, entries: [] });
    expect(allText(m)).toContain('Nothing has been pasted in this thread yet.');
    expect(allText(m)).toContain('No diagnosis yet: the thread holds no evidence.');
    expect(m.metadata).toBeUndefined();
    expect(violations(m)).toEqual([]);
  });

  it('reset, resolved and resolved-usage: short acknowledgements', () => {
    expect(sections(rendered.reset)).toEqual(['Done: this thread’s evidence is forgotten. Paste new evidence to start over.']);
    expect(sections(rendered.resolved)[0]).toContain("Recorded: the cause was *Request ran past ANCM's requestTimeout* (`ancm-request-timeout`) (recorded by <@U024BE7LH>)");
    expect(sections(rendered['resolved-usage'])[0]).toContain('`resolved &lt;cause&gt;`');
    const free = replyMessage({ type: 'resolved', resolution: { text: 'the DBA restarted SQL', by: 'U024BE7LH', at: '2026-11-20T11:00:00.000Z' } });
    expect(sections(free)[0]).toContain('Recorded as written: “the DBA restarted SQL”');
  });

  it("diagnosis: what the team's memory recalls comes first, the team's words escaped", () => {
    const m = replyMessage({ ...REPLIES.diagnosis, memory: { confirmed: remembered, wrong: { ...remembered, verdict: 'wrong', by: 'U0G9QF9C6', link: undefined } } } as Reply);
    expect(violations(m)).toEqual([]);
    const [first, second] = m.blocks as { type: string; text?: { text: string } }[];
    expect(first!.text!.text).toContain('*Seen before:* on <!date^');
    expect(first!.text!.text).toContain("the team confirmed *Request ran past ANCM's requestTimeout* (<https://acme.slack.com/archives/C0001/p1763633700000100|thread>).");
    expect(first!.text!.text).toContain('What fixed it: “raised requestTimeout &lt;!channel&gt; *now* &amp; &lt;https://evil.example|click&gt;”.');
    expect(second!.text!.text).toContain(':warning: Last time this diagnosis was marked wrong (by <@U0G9QF9C6> on <!date^');
    expect(m.text.startsWith('Seen before.')).toBe(true);
    expect(m.blocks[2]!.type).toBe('header');
  });

  it("diagnosis: a very long note from the team is cut, and the message stays within Slack's limits", () => {
    const long = { ...remembered, fixedBy: '<&>'.repeat(3000), title: 'x'.repeat(500) };
    const m = replyMessage({ ...REPLIES.diagnosis, memory: { confirmed: long, wrong: { ...long, verdict: 'wrong' } } } as Reply);
    expect(violations(m)).toEqual([]);
    expect((m.blocks[0] as { text: { text: string } }).text.text.length).toBeLessThan(2000);
    const listed = replyMessage({ type: 'memory', entries: Array.from({ length: 120 }, (_, i) => ({ ...long, id: i.toString(16).padStart(8, '0') })) });
    expect(violations(listed)).toEqual([]);
    // Cut to fit, and attached whole.
    expect(listed.overflow!.content).toContain('00000077  2026-11-20  confirmed');
  });

  it('memory and forgot: the entries with the ids forget takes; the acknowledgement', () => {
    const text = sections(rendered.memory).join('\n');
    expect(text).toContain('• `a1b2c3d4` <!date^');
    expect(text).toContain('confirmed *Request ran past ANCM');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('• `bbbbbbbb`');
    expect(text).toContain('wrong (by <@U0G9QF9C6>)');
    expect(sections(rendered.forgot)[0]).toContain('Forgotten: `a1b2c3d4`');
    expect(sections(replyMessage({ type: 'memory', entries: [] }))[0]).toContain('memory is empty');
  });

  it('no-evidence: says what it read and what to paste', () => {
    expect(sections(rendered['no-evidence'])[0]).toContain('I found no 502 evidence in that message (I read it as prose)');
  });

  it('a long answer is cut with a note and attached whole', () => {
    const long = { ...stdoutAnswer, text: Array.from({ length: 300 }, (_, i) => `Paragraph ${i}: ${'words '.repeat(30)}`).join('\n\n') };
    const m = replyMessage({ type: 'answer', question: 'q', answer: long });
    expect(violations(m)).toEqual([]);
    expect(textObjects(m.blocks).some((t) => /more lines: see the attached file/.test(t.text))).toBe(true);
    expect(m.overflow!.content).toContain('Paragraph 299:');
  });
});
