/**
 * Block Kit limits on the largest diagnoses the engine produces: thousands of IIS rows over every
 * 5xx group, ANCM events carrying 30 KB of stdout each, a long web.config whose fix is a diff, and
 * every fixture case pasted at once (eight causes, dozens of codes and findings). Each message
 * must pass Slack's rules; whatever Block Kit had no room for must be in the attached file, and a
 * part cut at its own cap (a preview) says where the rest is.
 */
import { diagnose, type EvidenceInput } from '../../../src/diagnose';
import type { Diagnosis } from '../../../src/contract';
import { compareDiagnoses, snapshotOf } from '../../../src/conversation/change';
import type { ThreadEntry } from '../../../src/conversation/replies';
import { diagnosisMessage, evidenceDetailsMessage, fixDetailsMessage, replyMessage, type SlackMessage } from '../../../src/slack/blocks';
import { allFixtureCases, bigEvents, bigIisLog, longWebConfig, timeoutRows } from './big-inputs';
import { pointsToAttachment, RULES, textObjects, violations } from './slack-rules';

const preview = (inputs: EvidenceInput[]): string => inputs.map((i) => i.text).join('\n');

const INPUTS: Record<string, EvidenceInput[]> = {
  'a 6,000-row IIS log over thirteen status groups': [{ source: 'u_ex261120.log', text: bigIisLog(6000) }],
  'four ANCM events, three with 30 KB of stdout': [{ source: 'application-events.txt', text: bigEvents() }],
  'a long web.config whose fix is a diff': [
    { source: 'u_ex261120.log', text: timeoutRows(40) },
    { source: 'web.config', text: longWebConfig() },
  ],
  'every fixture case and all of the above at once': [
    ...allFixtureCases(),
    { source: 'u_ex261120.log', text: bigIisLog(6000) },
    { source: 'application-events.txt', text: bigEvents() },
    { source: 'web.config', text: longWebConfig() },
  ],
};

const DIAGNOSES = Object.entries(INPUTS).map(([name, inputs]) => ({ name, inputs, d: diagnose(inputs) }));

/** Every message a diagnosis can become: first answer, an update, the two details, a summary. */
function messagesOf(d: Diagnosis, inputs: EvidenceInput[]): Record<string, SlackMessage> {
  const earlier = diagnose([{ source: 'message 1', text: 'HTTP/1.1 502 Bad Gateway' }]);
  const change = compareDiagnoses(snapshotOf(earlier, new Date('2026-11-20T10:00:00Z')), d);
  const entries: ThreadEntry[] = Array.from({ length: 400 }, (_, i) => ({ n: i + 1, author: 'U024BE7LH', at: '2026-11-20T10:15:00.000Z', kind: i % 3 === 0 ? 'evidence' : 'question', kinds: ['iis-log', 'event-log', 'web-config'], lines: 20_000 }));
  return {
    first: diagnosisMessage(d, { askedBy: 'U024BE7LH', evidencePreview: preview(inputs), threadTs: '1763633700.000100' }),
    update: replyMessage({ type: 'diagnosis', diagnosis: d, change, truncated: true }, { evidencePreview: preview(inputs) }),
    evidence: evidenceDetailsMessage(d),
    fix: fixDetailsMessage(d),
    summary: replyMessage({ type: 'summary', diagnosis: d, entries, resolution: { text: 'raised requestTimeout', causeId: 'ancm-request-timeout', by: 'U024BE7LH', at: '2026-11-20T11:00:00.000Z' } }),
  };
}

describe.each(DIAGNOSES)('$name', ({ d, inputs }) => {
  const messages = messagesOf(d, inputs);

  it('is a real diagnosis with several causes (the input is as large as claimed)', () => {
    expect(d.causes.length).toBeGreaterThanOrEqual(3);
    expect(preview(inputs).length).toBeGreaterThan(30_000);
  });

  it.each(Object.keys(messages))('%s: passes every Slack rule', (kind) => {
    expect(violations(messages[kind]!)).toEqual([]);
  });

  it.each(Object.keys(messages))('%s: attaches the full text exactly when it points to it', (kind) => {
    const m = messages[kind]!;
    expect(m.overflow !== undefined).toBe(pointsToAttachment(m));
  });

  it('shows a preview of the oversized paste; the full report is attached only when Block Kit itself ran out of room', () => {
    const first = messages.first!;
    const notes = textObjects(first.blocks).map((t) => t.text);
    if (first.overflow) {
      expect(first.overflow.filename).toMatch(/\.txt$/);
      const content = first.overflow.content;
      for (const ref of d.causes[0]!.evidence) expect(content).toContain(`${ref.source}:${ref.line}`);
      expect(content).toContain(preview(inputs).trimEnd().split('\n').pop()!.trim());
      expect(notes.some((t) => t.includes('see the attached file'))).toBe(true);
    } else {
      // It all fit but the paste, far longer than its preview: the preview says the rest was read, not hidden.
      expect(notes.some((t) => /more lines: all of it was read/.test(t))).toBe(true);
      expect(pointsToAttachment(first)).toBe(false);
    }
  });

  it('keeps the header, the evidence, the steps and the buttons even when the rest is cut', () => {
    const blocks = messages.first!.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]!.type).toBe('header');
    const sections = blocks.filter((b) => b.type === 'section').map((b) => b.text!.text);
    expect(sections.some((t) => t.startsWith('*Evidence*\n```'))).toBe(true);
    expect(sections.some((t) => t.startsWith('*Next steps*\n1. '))).toBe(true);
    expect(blocks[blocks.length - 1]!.type).toBe('actions');
  });
});

describe('the diff of a long web.config', () => {
  const { d, inputs } = DIAGNOSES[2]!;
  const top = d.causes[0]!;

  it('is produced by the engine for this input', () => {
    expect(top.id).toBe('ancm-request-timeout');
    expect(top.fix.diff).toContain('+++ b/web.config');
  });

  it('is shown in the message as a code block, and in full behind the button', () => {
    const sections = textObjects(diagnosisMessage(d, { evidencePreview: preview(inputs) }).blocks).map((t) => t.text);
    expect(sections.find((t) => t.startsWith('*The config change*'))).toMatch(/Change to your web\.config:\n```\n--- a\/web\.config/);
    const fix = textObjects(fixDetailsMessage(d).blocks).map((t) => t.text).join('\n');
    expect(fix).toContain('requestTimeout=');
    expect(fix).toContain('The element as it should read:');
  });
});

describe('size', () => {
  it('stays far below the 40,000-character cap even for the largest case', () => {
    const { d, inputs } = DIAGNOSES[3]!;
    for (const m of Object.values(messagesOf(d, inputs))) {
      const total = m.text.length + textObjects(m.blocks).reduce((n, t) => n + t.text.length, 0);
      expect(total).toBeLessThanOrEqual(RULES.blocksText + RULES.fallback);
    }
  });
});
