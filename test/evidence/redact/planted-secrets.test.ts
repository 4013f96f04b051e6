/**
 * Secrets planted in the syntax people paste them in, one form per row. Every value is fake but
 * shaped like the real thing. Each row checks that the secret is gone, that the names which tell
 * what the setting was stay readable, that the count is right, and that redacting again changes
 * nothing.
 */
import { redactText } from '../../../src/evidence/redact';
import { PLANTED } from '../../support/planted-secrets';



describe('Redactor: planted secrets', () => {
  it('plants at least 45 distinct forms', () => {
    expect(new Set(PLANTED.map((p) => p.what)).size).toBe(PLANTED.length);
    expect(PLANTED.length).toBeGreaterThanOrEqual(45);
  });

  it.each(PLANTED.map((p) => [p.what, p] as const))('%s', (_what, { text, secrets, kept, count }) => {
    const out = redactText(text);
    for (const secret of secrets) expect(out.text).not.toContain(secret);
    for (const name of kept) expect(out.text).toContain(name);
    expect(out.count).toBe(count);
    expect(out.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(redactText(out.text)).toEqual({ text: out.text, count: 0 });
  });
});
