/**
 * Codes without a written entry are still answered, from the same decode functions the evidence
 * layer uses; a paste full of codes is evidence, not a question.
 */
import { answerQuestion, CODE_LOOKUP_ID, isAboutKnownTopic } from '../../../src/advice/knowledge';
import { codesInQuestion } from '../../../src/advice/knowledge/code-lookup';
import { decodeHresult, describeStatus } from '../../../src/evidence/codes';

const none = { diagnosis: null };

describe('code lookup', () => {
  it('decodes an HRESULT in any spelling and names its Win32 code', () => {
    const answer = answerQuestion("what's 0x80072EFD?", none)!;
    expect(answer.id).toBe(CODE_LOOKUP_ID);
    expect(answer.title).toBe('What 0x80072EFD means');
    expect(answer.text).toContain(decodeHresult(0x80072efd).meaning);
    expect(answer.text).toContain('ERROR_WINHTTP_CANNOT_CONNECT');
    expect(answer.text).toContain('Win32 error 12029');
    expect(answer.references[0]).toMatch(/winhttp/);
    // The signed decimal form people copy from exceptions decodes to the same code.
    expect(answerQuestion('what is -2147012867', none)!.text).toContain('ERROR_WINHTTP_CANNOT_CONNECT');
  });

  it('decodes a bare Win32 code and gives its HRESULT spelling', () => {
    const answer = answerQuestion('12175?', none)!;
    expect(answer.id).toBe(CODE_LOOKUP_ID);
    expect(answer.text).toContain('12175 (ERROR_WINHTTP_SECURE_FAILURE)');
    expect(answer.text).toContain('0x80072F8F');
  });

  it('decodes statuses the table knows, several at once', () => {
    const answer = answerQuestion('500.32 or 503.2?', none)!;
    expect(answer.id).toBe(CODE_LOOKUP_ID);
    expect(answer.text).toContain(`- 500.32: ${describeStatus(500, 32)}`);
    expect(answer.text).toContain(`- 503.2: ${describeStatus(503, 2)}`);
  });

  it('prefers the code over an entry that only matched the words around it', () => {
    // "how do I fix" alone would be the thread's fix question.
    expect(answerQuestion('how do I fix 500.32?', none)?.id).toBe(CODE_LOOKUP_ID);
    // ... but an entry that matched the code itself stays the answer.
    expect(answerQuestion('how do I fix 502.5', none)?.id).toBe('code-502-5');
  });

  it('ignores codes the table does not know and numbers that are not codes', () => {
    expect(codesInQuestion('what is 599.99')).toEqual([]);
    expect(codesInQuestion('see you at 2026 on port 8080')).toEqual([]);
    expect(answerQuestion('what is 0x12345678', none)).toBeUndefined();
  });

  it('treats a multi-line paste or a long log row as evidence, not a question', () => {
    const row = '2026-11-20 10:04:51 10.0.0.5 POST /reports/export period=2026-10 443 - 203.0.113.21 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) https://shop.example.com/reports 502 3 12029 15 and some more text to make it long enough';
    expect(codesInQuestion(row)).toEqual([]);
    expect(codesInQuestion('what is this\n0x80072EFD')).toEqual([]);
    expect(isAboutKnownTopic('0x80072EFD 0x80072EE2 0x80072EFE 0x80072F78')).toBe(false);
  });
});
