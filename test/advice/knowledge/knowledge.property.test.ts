/**
 * Properties that hold for any text at all: the knowledge base never throws, stays fast on long
 * input, and its two functions agree on what counts as a known topic.
 */
import fc from 'fast-check';
import { answerQuestion, isAboutKnownTopic } from '../../../src/advice/knowledge';
import { diagnose } from '../../../src/diagnose';
import { expectLinearTime } from '../../helpers/linear-time';

const diagnosis = diagnose([
  {
    source: 'u_ex.log',
    text: [
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
      '2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015',
    ].join('\n'),
  },
]);

/** Text that looks like chat about 502s: words of the domain, codes, punctuation and noise mixed. */
const chatty = fc
  .array(
    fc.oneof(
      fc.constantFrom('how', 'do', 'I', 'fix', 'stdout', 'log', '502.3', '12002', 'in-process', 'turn on', 'cloudflare', '0x80072EE2', 'why', '?', '!!', '\n', '`', 'app pool', 'ThreadPool', 'ERROR_WINHTTP_TIMEOUT'),
      fc.string(),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(' '));

describe('knowledge base properties', () => {
  it('answerQuestion never throws on any string, with or without a diagnosis', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), chatty), (question) => {
        for (const context of [{ diagnosis: null }, { diagnosis }]) {
          const answer = answerQuestion(question, context);
          if (answer) {
            expect(answer.text.length).toBeGreaterThan(0);
            expect(answer.id.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('isAboutKnownTopic is true exactly when there is an answer', () => {
    fc.assert(
      fc.property(chatty, (question) => {
        expect(isAboutKnownTopic(question)).toBe(answerQuestion(question, { diagnosis: null }) !== undefined);
      }),
      { numRuns: 300 },
    );
  });

  it('answers from the first part of a very long text quickly', () => {
    const long = `how do I turn on stdout logging ${'x'.repeat(16 * 1024)} ${'502.3 '.repeat(20000)}`;
    expect(expectLinearTime((text) => answerQuestion(text, { diagnosis }), long)?.id).toBe('howto-stdout-log');
  });

  it('returns undefined for a value that is not a string instead of throwing', () => {
    expect(answerQuestion(undefined as unknown as string, { diagnosis: null })).toBeUndefined();
    expect(isAboutKnownTopic(null as unknown as string)).toBe(false);
  });
});
