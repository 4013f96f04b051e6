/**
 * The layout of a diagnosis in Slack: what each block says, the buttons and their values, the
 * metadata contract of ARCHITECTURE.md, the fallback text, and the honest "nothing recognized".
 */
import { diagnose } from '../../../src/diagnose';
import type { Diagnosis } from '../../../src/contract';
import type { DiagnosisChange } from '../../../src/conversation/change';
import { describeChange } from '../../../src/render/reply-text';
import { ACTION_IDS, diagnosisMessage, diagnosisReport } from '../../../src/slack/blocks';
import { textObjects, violations } from './slack-rules';

const LOG = [
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
  '2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015',
  '2026-11-20 10:17:09 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120008',
].join('\n');
const CONFIG = '<aspNetCore processPath="dotnet" arguments=".\\Shop.dll" hostingModel="outofprocess" />';
const d = diagnose([
  { source: 'u_ex.log', text: LOG },
  { source: 'web.config', text: CONFIG },
]);
const top = d.causes[0]!;

type AnyBlock = { type: string; text?: { type: string; text: string }; elements?: { type: string; text?: unknown; action_id?: string; value?: string; style?: string }[] };
const blocksOf = (m: { blocks: unknown[] }): AnyBlock[] => m.blocks as AnyBlock[];
const sectionText = (m: { blocks: unknown[] }, heading: string): string | undefined =>
  blocksOf(m)
    .filter((b) => b.type === 'section')
    .map((b) => b.text!.text)
    .find((t) => t.startsWith(heading));
const contextTexts = (m: { blocks: unknown[] }): string[] => blocksOf(m).filter((b) => b.type === 'context').flatMap((b) => b.elements!.map((e) => e.text as string));

describe('a diagnosis with a cause', () => {
  const m = diagnosisMessage(d, { askedBy: 'U024BE7LH', evidencePreview: `${LOG}\n${CONFIG}`, threadTs: '1763633700.000100' });

  it('is the requestTimeout diagnosis this input should give (the fixture is what the test assumes)', () => {
    expect(top.id).toBe('ancm-request-timeout');
    expect(top.fix.diff).toBeDefined();
    expect(d.layer?.id).toBe('ancm');
  });

  it('puts the top cause in the header and confidence, family, layer and who asked under it', () => {
    const [head, facts] = blocksOf(m);
    expect(head).toEqual({ type: 'header', text: { type: 'plain_text', text: top.title.replace(/'/g, "'"), emoji: true } });
    const line = facts!.elements!.map((e) => e.text as string);
    expect(line).toEqual(
      expect.arrayContaining([
        `Confidence *${Math.round(top.confidence * 100)}%*`,
        'The upstream took longer than the gateway waits (`request-timeout`)',
        'Answered by: *ASP.NET Core Module (ANCM) in IIS*',
        'Asked by <@U024BE7LH>',
      ]),
    );
  });

  it('quotes the evidence lines in a code block, numbers the steps, shows the diff as code', () => {
    expect(sectionText(m, '*Evidence*')).toContain('```\nu_ex.log:2  2026-11-20 10:15:01');
    const steps = sectionText(m, '*Next steps*')!.split('\n').slice(1);
    expect(steps).toHaveLength(top.steps.length);
    steps.forEach((s, i) => expect(s.startsWith(`${i + 1}. `)).toBe(true));
    expect(sectionText(m, '*The config change*')).toMatch(/Change to your web\.config:\n```\n--- a\/web\.config\n\+\+\+ b\/web\.config/);
    expect(sectionText(m, '*The config change*')).toContain('requestTimeout=');
  });

  it('lists the decoded codes and what was read', () => {
    expect(sectionText(m, '*Decoded codes*')).toMatch(/• `502\.3` /);
    expect(sectionText(m, '*What I read*')).toContain('502 3 12002 120015');
  });

  it('has the four buttons, the verdict buttons carrying the cause id', () => {
    const actions = blocksOf(m).find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => [e.action_id, e.value])).toEqual([
      [ACTION_IDS.showEvidence, top.id],
      [ACTION_IDS.showFix, top.id],
      [ACTION_IDS.confirm, top.id],
      [ACTION_IDS.wrong, top.id],
    ]);
    expect(ACTION_IDS).toEqual({ showEvidence: 'diag502_show_evidence', showFix: 'diag502_show_fix', confirm: 'diag502_confirm', wrong: 'diag502_wrong' });
    expect(actions.elements!.map((e) => (e.text as { text: string }).text)).toEqual(['Show all evidence', 'Show the config change', 'This was the cause', 'Wrong diagnosis']);
  });

  it('carries exactly the metadata of ARCHITECTURE.md', () => {
    expect(m.metadata).toEqual({
      event_type: 'diag502_diagnosis',
      event_payload: { schema: 1, causes: d.causes.map((c) => ({ id: c.id, family: c.family, confidence: c.confidence })), layer: 'ancm' },
    });
    expect(Object.keys(m.metadata.event_payload).sort()).toEqual(['causes', 'layer', 'schema']);
    for (const c of m.metadata.event_payload.causes) expect(Object.keys(c).sort()).toEqual(['confidence', 'family', 'id']);
  });

  it('has a plain fallback with the top cause, its confidence and the layer', () => {
    expect(m.text).toBe(`502 diagnosis: Request ran past ANCM's requestTimeout (${Math.round(top.confidence * 100)}% confidence; answered by ASP.NET Core Module (ANCM) in IIS)`);
  });

  it('answers in the thread it was given and needs no attachment when nothing was cut', () => {
    expect(m.thread_ts).toBe('1763633700.000100');
    expect(m.overflow).toBeUndefined();
    expect(violations(m)).toEqual([]);
  });

  it('says nothing about changes for the first diagnosis of a thread', () => {
    expect(sectionText(diagnosisMessage(d, { change: { first: true, topChanged: true, ruledIn: [], ruledOut: [] } }), '*What changed*')).toBeUndefined();
  });
});

describe('a follow-up that changes the diagnosis', () => {
  const change: DiagnosisChange = {
    first: false,
    topChanged: true,
    top: { id: top.id, title: top.title, confidence: top.confidence },
    previousTop: { id: 'backend-connection-reset', title: 'Kestrel dropped the connection mid-request', confidence: 0.35 },
    ruledIn: [{ id: top.id, title: top.title, confidence: top.confidence }],
    ruledOut: [{ id: 'backend-connection-reset', title: 'Kestrel dropped the connection mid-request', confidence: 0.1 }],
  };
  const m = diagnosisMessage(d, { change });

  it('says what changed, in the console’s words, right after the facts', () => {
    const text = sectionText(m, '*What changed*')!;
    for (const line of describeChange(change)) expect(text).toContain(`• ${line.replace(/&/g, '&amp;')}`);
    const order = blocksOf(m).map((b) => b.text?.text.split('\n')[0]);
    expect(order.indexOf('*What changed*')).toBeLessThan(order.indexOf('*Evidence*'));
  });

  it('marks the fallback as an update', () => {
    expect(m.text.startsWith('Updated 502 diagnosis: ')).toBe(true);
  });
});

describe('nothing recognized', () => {
  const none = diagnose([{ source: 'paste', text: 'lunch at noon?' }]);
  const m = diagnosisMessage(none, { askedBy: 'U024BE7LH' });

  it('says so honestly, guesses nothing, offers what would help, and has no buttons', () => {
    expect(none.causes).toEqual([]);
    expect((blocksOf(m)[0]!.text as { text: string }).text).toBe('No known 502 cause recognized');
    expect(textObjects(m.blocks).map((t) => t.text).join('\n')).toContain('No known cause of a 502 was recognized in this evidence, so diag502 is not guessing one.');
    expect(sectionText(m, '*Evidence that would help*')).toBeDefined();
    expect(blocksOf(m).some((b) => b.type === 'actions')).toBe(false);
    expect(m.text).toBe('No known cause of a 502 was recognized in this evidence, so diag502 is not guessing one.');
  });

  it('still carries the metadata, with no causes and no layer', () => {
    expect(m.metadata).toEqual({ event_type: 'diag502_diagnosis', event_payload: { schema: 1, causes: [], layer: null } });
    expect(violations(m)).toEqual([]);
  });
});

describe('cutting', () => {
  function withTitle(title: string): Diagnosis {
    return { ...d, causes: [{ ...top, title }, ...d.causes.slice(1)] };
  }

  it('cuts a long title to 150 characters with an ellipsis, counting escapes', () => {
    const header = blocksOf(diagnosisMessage(withTitle(`${'<aspNetCore> & '.repeat(20)}end`)))[0]!.text!.text;
    expect(header.length).toBeLessThanOrEqual(150);
    expect(header.endsWith('…')).toBe(true);
    expect(header).not.toMatch(/&(a|am|amp|l|lt|g|gt)?…$/);
  });

  it('cuts a long evidence list at a line boundary and points to the button that lists it all, attaching nothing', () => {
    const evidence = Array.from({ length: 400 }, (_, i) => ({ source: 'u_ex.log', line: i + 1, text: `2026-11-20 10:15:01 10.0.0.4 GET /api/r${i} - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015` }));
    const m = diagnosisMessage({ ...d, causes: [{ ...top, evidence }] });
    const text = sectionText(m, '*Evidence*')!;
    expect(text.endsWith('120015\n```')).toBe(true);
    const shown = text.split('\n').filter((l) => l.startsWith('u_ex.log:')).length;
    expect(textObjects(m.blocks).map((t) => t.text)).toContain(`_… ${400 - shown} more lines: *Show all evidence* lists them all_`);
    expect(m.overflow).toBeUndefined();
    expect(JSON.stringify(m.blocks)).toContain('diag502_show_evidence');
    expect(violations(m)).toEqual([]);
  });

  it('attaches the whole report when the message itself has no room left (every part long)', () => {
    const evidence = Array.from({ length: 400 }, (_, i) => ({ source: 'u_ex.log', line: i + 1, text: `2026-11-20 10:15:01 10.0.0.4 GET /api/r${i} - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015` }));
    const steps = Array.from({ length: 60 }, (_, i) => `Step ${i}: ${'check the thing carefully '.repeat(8)}`);
    const m = diagnosisMessage({ ...d, causes: [{ ...top, evidence, steps, fix: { ...top.fix, snippet: 'x'.repeat(200).concat('\n').repeat(40) } }] }, { evidencePreview: 'y\n'.repeat(4000) });
    expect(m.overflow?.content).toContain('u_ex.log:400  ');
    expect(textObjects(m.blocks).some((t) => t.text.includes('see the attached file'))).toBe(true);
    expect(violations(m)).toEqual([]);
  });

  it('says when the paste was over the size cap', () => {
    const m = diagnosisMessage(d, { truncated: true });
    expect(contextTexts(m)).toContain('The message was longer than 2 MB: only its first 2 MB were read.');
  });
});

describe('masking, said honestly', () => {
  it('says how many values were masked and never promises that nothing secret is left', () => {
    const withSecret = diagnose([{ source: 'h', text: 'HTTP/1.1 502 Bad Gateway\nAuthorization: Bearer abcdefghijklmnopqrstuvwxyz012345' }]);
    const m = diagnosisMessage(withSecret, { evidencePreview: 'HTTP/1.1 502 Bad Gateway\nAuthorization: Bearer [REDACTED]' });
    const texts = textObjects(m.blocks).map((t) => t.text).join('\n');
    expect(texts).toContain('1 value that looked like a secret was masked; check before you share it further');
    expect(texts).toContain('*What I read* _(values that look like secrets are masked)_');
    expect(texts).not.toMatch(/secrets masked\)|all secrets|no secrets/i);
  });

  it('the uploaded full report says the same: the count, and no promise', () => {
    const withSecret = diagnose([{ source: 'h', text: 'HTTP/1.1 502 Bad Gateway\nAuthorization: Bearer abcdefghijklmnopqrstuvwxyz012345' }]);
    const report = diagnosisReport(withSecret, 'HTTP/1.1 502 Bad Gateway\nAuthorization: Bearer [REDACTED]').content;
    expect(report).toContain('What diag502 read (1 value that looked like a secret was masked; check before you share it further):');
    expect(report).not.toContain('abcdefghijklmnop');
    expect(report).not.toMatch(/secrets masked|all secrets|no secrets|nothing secret/i);
    // Nothing masked is said as such, not as "clean".
    const clean = diagnosisReport(d, LOG).content;
    expect(clean).toContain('What diag502 read (no value looked like a secret; check before you share it further):');
    expect(clean).not.toMatch(/secrets masked|all secrets|no secrets|nothing secret/i);
  });
});
