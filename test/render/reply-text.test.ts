import { describeChange, renderReplyText, HELP_TEXT } from '../../src/render/reply-text';
import type { DiagnosisChange } from '../../src/conversation/change';
import { diagnose } from '../../src/diagnose';

const base: DiagnosisChange = { first: false, topChanged: false, ruledIn: [], ruledOut: [] };
const timeout = { id: 'ancm-request-timeout', title: "Request ran past ANCM's requestTimeout", confidence: 0.95 };
const reset = { id: 'backend-connection-reset', title: 'Kestrel dropped the connection mid-request', confidence: 0.35 };

describe('describeChange', () => {
  it('says nothing for the first diagnosis of a thread', () => {
    expect(describeChange({ ...base, first: true })).toEqual([]);
  });
  it('names a new top cause and the one it replaced', () => {
    expect(describeChange({ ...base, topChanged: true, top: timeout, previousTop: reset })[0]).toBe(
      "New top cause: Request ran past ANCM's requestTimeout (95%), was Kestrel dropped the connection mid-request (35%).",
    );
  });
  it('says which way the confidence moved', () => {
    expect(describeChange({ ...base, top: timeout, previousTop: timeout, confidenceDelta: 0.35 })[0]).toBe(
      'Confidence in "Request ran past ANCM\'s requestTimeout" went up: 60% → 95%.',
    );
    const lower = { ...timeout, confidence: 0.85 };
    expect(describeChange({ ...base, top: lower, previousTop: timeout, confidenceDelta: -0.1 })[0]).toBe(
      'Confidence in "Request ran past ANCM\'s requestTimeout" went down: 95% → 85%.',
    );
  });
  it('lists causes ruled in and out and the evidence that would settle it', () => {
    const lines = describeChange({ ...base, ruledIn: [timeout], ruledOut: [reset], next: { what: 'The site\'s web.config', why: '', how: '' } });
    expect(lines).toEqual([
      "Ruled in: Request ran past ANCM's requestTimeout (95%).",
      'Ruled out: Kestrel dropped the connection mid-request.',
      "What would settle it: The site's web.config.",
    ]);
  });
});

describe('renderReplyText', () => {
  it('puts what changed above the diagnosis', () => {
    const diagnosis = diagnose([{ source: 'message 2', text: '502.3 with sc-win32-status 12002 after 120 s' }]);
    const text = renderReplyText({ type: 'diagnosis', diagnosis, change: { ...base, topChanged: true, top: timeout }, truncated: false });
    expect(text.indexOf('What changed:')).toBeLessThan(text.indexOf('Most likely'));
  });
  it('answers an unknown question honestly with what it can help with', () => {
    expect(renderReplyText({ type: 'unknown-question', question: 'who is on call?', topics: ['502 vs 504'] })).toMatch(/^I don't know the answer to that one[\s\S]*I can help with: 502 vs 504/);
  });
  it('shows the help text with every command', () => {
    const help = renderReplyText({ type: 'help' });
    expect(help).toBe(`${HELP_TEXT}\n`);
    for (const command of ['help', 'summary', 'reset', 'resolved <cause>']) expect(help).toContain(command);
  });
});
