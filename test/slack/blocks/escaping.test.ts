/**
 * Pasted text cannot act in Slack: `<!channel>` must not ping, `<https://evil|x>` must not become a
 * link, and ``` inside evidence must not close the code block around it. The text must still read
 * as it was pasted once Slack decodes its three entities.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../../src/diagnose';
import { answerQuestion } from '../../../src/advice/knowledge';
import { diagnosisMessage, evidenceDetailsMessage, fixDetailsMessage, replyMessage, type SlackMessage } from '../../../src/slack/blocks';
import { escapeText } from '../../../src/slack/blocks/mrkdwn';
import { allText, liveSequences, textObjects, violations } from './slack-rules';

const HOSTILE_ROW = '2026-11-20 10:15:01 10.0.0.4 GET /<!channel> - 443 - 203.0.113.9 <https://evil.example/steal|click-me> - 502 3 12002 120015';
const LOG = ['#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken', HOSTILE_ROW].join('\n');
const HEADERS = ['HTTP/1.1 502 Bad Gateway', 'Server: Microsoft-IIS/10.0', 'X-Note: <!here> <@U0ADMIN> <#C0GENERAL> &amp; ``` fence ```'].join('\n');
const PASTE = `${LOG}\n\n${HEADERS}`;

/** What a reader sees: Slack decodes &lt; &gt; &amp; and shows the zero-width spaces as nothing. */
const displayed = (text: string): string => text.replace(/\u200b/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const d = diagnose([{ source: 'paste', text: PASTE, slack: false }]);
const messages: Record<string, SlackMessage> = {
  diagnosis: diagnosisMessage(d, { askedBy: 'U1>|<!channel', evidencePreview: PASTE }),
  evidence: evidenceDetailsMessage(d),
  fix: fixDetailsMessage(d),
  summary: replyMessage({ type: 'summary', diagnosis: d, entries: [{ n: 1, author: '<!everyone>', at: '<!here>', kind: 'evidence', kinds: ['iis-log'], lines: 2 }], resolution: { text: '<!channel> it was <https://evil.example|DNS>', by: '<!here>', at: '2026-11-20T11:00:00.000Z' } }),
  unknown: replyMessage({ type: 'unknown-question', question: '<!channel> why <https://evil.example|this>?', topics: ['<!here> topic'] }),
  answer: replyMessage({ type: 'answer', question: '<!channel> what is 502.3?', answer: answerQuestion('what is 502.3?', { diagnosis: d })! }),
  resolved: replyMessage({ type: 'resolved', resolution: { text: '<!channel> &lt;b&gt;', by: 'U024BE7LH', at: '2026-11-20T11:00:00.000Z' } }),
};

describe('a paste holding Slack markup', () => {
  it('is diagnosed, and the hostile row is the evidence shown', () => {
    expect(d.causes[0]!.evidence.map((r) => r.text)).toContain(HOSTILE_ROW);
  });

  it.each(Object.keys(messages))('%s: holds no live mention, link or channel, and passes every rule', (kind) => {
    const m = messages[kind]!;
    const text = allText(m);
    expect(liveSequences(text)).toEqual([]);
    for (const live of ['<!channel>', '<!here>', '<!everyone>', '<https://evil', '<@U0ADMIN>', '<#C0GENERAL>']) expect(text).not.toContain(live);
    expect(violations(m)).toEqual([]);
  });

  it('shows the evidence line as pasted, escaped inside the code block', () => {
    const evidence = textObjects(messages.diagnosis!.blocks).find((t) => t.text.startsWith('*Evidence*'))!.text;
    expect(evidence).toContain(`paste:2  ${escapeText(HOSTILE_ROW)}`);
    expect(displayed(evidence)).toContain(`paste:2  ${HOSTILE_ROW}`);
  });

  it('defuses ``` in the paste, so the code block around it stays one block', () => {
    const read = textObjects(messages.diagnosis!.blocks).find((t) => t.text.startsWith('*What I read*'))!.text;
    expect(read.match(/```/g)).toHaveLength(2);
    expect(read).toContain('`\u200b`\u200b` fence `\u200b`\u200b`');
    expect(displayed(read)).toContain('X-Note: <!here> <@U0ADMIN> <#C0GENERAL> &amp; ``` fence ```');
  });

  it('shows a user id that is not one as text, not as a mention', () => {
    expect(allText(messages.diagnosis!)).toContain('Asked by U1&gt;|&lt;!channel');
  });

  it('turns off Slack’s auto-linking of bare words in every mrkdwn text', () => {
    for (const m of Object.values(messages)) for (const t of textObjects(m.blocks).filter((o) => o.type === 'mrkdwn')) expect(t.verbatim).toBe(true);
  });
});

describe('catalogue text with angle brackets', () => {
  const dir = join(__dirname, '..', '..', 'fixtures', 'cases', 'invalid-aspnetcore-config-unknown-model');
  const config = diagnose(['application-events.txt', 'web.config'].map((f) => ({ source: f, text: readFileSync(join(dir, f), 'utf8') })));
  const m = diagnosisMessage(config);

  it('is escaped in the header and the fallback as well (Slack decodes entities in every text object)', () => {
    expect(config.causes[0]!.title).toContain('<aspNetCore>');
    expect((m.blocks[0] as { text: { text: string } }).text.text).toContain('&lt;aspNetCore&gt;');
    expect(m.text).toContain('&lt;aspNetCore&gt;');
    expect(liveSequences(allText(m))).toEqual([]);
  });

  it('keeps the web.config diff readable: XML escaped inside the code block', () => {
    const change = textObjects(m.blocks).find((t) => t.text.startsWith('*The config change*'))!.text;
    expect(change).toMatch(/```\n--- a\/web\.config/);
    expect(change).toContain('+                  hostingModel="inprocess" /&gt;');
    expect(displayed(change)).toContain('+                  hostingModel="inprocess" />\n     </system.webServer>');
  });
});
