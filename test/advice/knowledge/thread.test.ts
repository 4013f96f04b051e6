/**
 * Questions about the thread's own diagnosis, answered from a Diagnosis that diagnose() built from
 * real evidence texts (the end-to-end case fixtures), and the honest answers without one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { confidenceWord } from '../../../src/ranking/words';
import { answerQuestion } from '../../../src/advice/knowledge';
import { HOW_TO_COLLECT } from '../../../src/advice/collect';
import { diagnose } from '../../../src/diagnose';
import type { Diagnosis } from '../../../src/contract';

const CASES = join(__dirname, '..', '..', 'fixtures', 'cases');

/** Diagnoses one end-to-end case folder (every evidence file in it, as pasted). */
function diagnoseCase(name: string): Diagnosis {
  const dir = join(CASES, name);
  const files = readdirSync(dir).filter((f) => f !== 'README.md' && f !== 'expected.json');
  return diagnose(files.map((f) => ({ source: f, text: readFileSync(join(dir, f), 'utf8') })));
}

/** An IIS 502.3 12002 row after 120 s plus a web.config without requestTimeout (constructed from kb-facts templates). */
const timeout = diagnoseCase('ancm-request-timeout-default-120s');
/** A bare "502": several equally weak candidates. */
const bare = diagnose([{ source: 'message 1', text: 'the site returns 502 Bad Gateway since 10:00' }]);
/** Kestrel heartbeat warnings (real: https://github.com/aspnet/KestrelHttpServer/issues/2284). */
const starvation = diagnoseCase('thread-pool-starvation-kestrel-heartbeat');

describe('"how do I fix it?"', () => {
  it('gives the leading cause, its fix summary and the requestTimeout diff of the pasted web.config', () => {
    expect(timeout.causes[0]?.id).toBe('ancm-request-timeout');
    const answer = answerQuestion('how do I fix it?', { diagnosis: timeout })!;
    expect(answer.id).toBe('thread-fix');
    expect(answer.text).toContain("Request ran past ANCM's requestTimeout");
    expect(answer.text).toContain(timeout.causes[0]!.fix.summary);
    // The diff is shown as code (four-space indent), with the added attribute on a "+" line.
    expect(answer.text).toMatch(/^ {4}\+.*<aspNetCore [^\n]*requestTimeout="00:04:00"/m);
    expect(answer.text).toMatch(/^ {4}--- a\/web\.config$/m);
    // The tailored steps come along, numbered.
    expect(answer.text).toMatch(/^1\. The failing requests ran 120 s/m);
    expect(answer.references).toEqual(timeout.causes[0]!.references);
  });

  it('warns that a weak leading cause needs confirming, and names the equally likely ones', () => {
    const answer = answerQuestion('how do I fix it?', { diagnosis: bare })!;
    expect(answer.text).toMatch(/only a weak candidate/);
    expect(answer.text).toContain(`About as likely so far: ${bare.causes[1]!.title}`);
  });

  it('asks for evidence first when the thread has no diagnosis', () => {
    const answer = answerQuestion('how do I fix it?', { diagnosis: null })!;
    expect(answer.id).toBe('thread-fix');
    expect(answer.text).toMatch(/no diagnosis in this thread yet/);
    for (const kind of ['error-page', 'iis-log', 'headers', 'event-log'] as const) expect(answer.text).toContain(HOW_TO_COLLECT[kind].what);
    expect(answer.text).not.toMatch(/Fix:/);
  });

  it('asks for evidence first when nothing pasted pointed at a cause', () => {
    const empty = diagnose([{ source: 'message 1', text: 'hello, anyone around?' }]);
    expect(empty.causes).toHaveLength(0);
    const answer = answerQuestion("what's the fix?", { diagnosis: empty })!;
    expect(answer.text).toMatch(/Nothing pasted in this thread points at a cause yet/);
  });
});

describe('"what should I check next?"', () => {
  it("lists the diagnosis' missing evidence with how to collect it, then the leading cause's steps", () => {
    expect(timeout.missing.length).toBeGreaterThan(0);
    const answer = answerQuestion('what should I check next?', { diagnosis: timeout })!;
    expect(answer.id).toBe('thread-next');
    for (const m of timeout.missing) {
      expect(answer.text).toContain(m.what);
      expect(answer.text).toContain(m.how);
    }
    expect(answer.text).toContain(timeout.causes[0]!.steps[0]!);
  });

  it('answers "what else do you need?" the same way', () => {
    expect(answerQuestion('what else do you need?', { diagnosis: bare })!.text).toContain(bare.missing[0]!.what);
  });

  it('asks for the first evidence when there is no diagnosis', () => {
    expect(answerQuestion('what should I check next?', { diagnosis: null })!.text).toContain(HOW_TO_COLLECT['error-page'].what);
  });
});

describe('"why do you think so?"', () => {
  it("quotes the leading cause's evidence lines with their source and line", () => {
    const answer = answerQuestion('why do you think so?', { diagnosis: timeout })!;
    expect(answer.id).toBe('thread-why');
    const first = timeout.causes[0]!.evidence[0]!;
    expect(answer.text).toContain(`${first.source}:${first.line}: ${first.text.trim().slice(0, 100)}`);
    expect(answer.text).toContain(`Layer that answered: ${timeout.layer!.title}`);
    expect(answer.text).toContain(`Also considered: ${timeout.causes[1]!.title}`);
  });

  it('says nothing was concluded without a diagnosis', () => {
    expect(answerQuestion('why do you think so?', { diagnosis: null })!.text).toMatch(/have not concluded anything/);
  });
});

describe('"how sure are you?"', () => {
  it('gives each candidate its confidence and word, and what would settle it', () => {
    const answer = answerQuestion('how sure are you?', { diagnosis: timeout })!;
    expect(answer.id).toBe('thread-confidence');
    const top = timeout.causes[0]!;
    // A textbook case: strong or better, with its number and word side by side.
    expect(['strong', 'near certain']).toContain(confidenceWord(top.confidence));
    expect(answer.text).toContain(`${top.title}: ${Math.round(top.confidence * 100)}% (${confidenceWord(top.confidence)})`);
    expect(answer.text).toMatch(/as sure as pasted evidence gets/);
    expect(answer.text).toContain(timeout.missing[0]!.what);
  });

  it('calls a bare 502 weak and does not claim certainty', () => {
    const answer = answerQuestion('how confident are you?', { diagnosis: bare })!;
    const lines = answer.text.split('\n').filter((l) => l.startsWith('- '));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines.slice(0, 3)) expect(line).toMatch(/: \d+% \(weak\)$/);
    expect(answer.text).not.toMatch(/as sure as pasted evidence gets/);
  });
});

describe('cause questions in a thread', () => {
  it("answer with the diagnosed cause's evidence, tailored steps and fix when it is a candidate", () => {
    const cause = starvation.causes.find((c) => c.id === 'thread-pool-starvation')!;
    const answer = answerQuestion('how do I fix thread pool starvation?', { diagnosis: starvation })!;
    expect(answer.id).toBe('cause-thread-pool-starvation');
    expect(answer.text).toMatch(/In this thread it is candidate 1 of \d+, at \d+%/);
    expect(answer.text).toMatch(/console\.txt:\d+: /);
    expect(answer.text).toContain(cause.steps[0]!);
    expect(answer.text).toContain(`Fix: ${cause.fix.summary}`);
  });

  it('say so when the cause asked about is not a candidate, and name the leading one', () => {
    const answer = answerQuestion('how do I fix socket exhaustion?', { diagnosis: starvation })!;
    expect(answer.id).toBe('cause-socket-exhaustion');
    expect(answer.text).toContain(`not among this thread's candidates; the leading one is ${starvation.causes[0]!.title}`);
    expect(answer.text).not.toMatch(/In this thread it is candidate/);
  });
});

describe('"where do I start?" in a thread', () => {
  it('puts what this thread lacks first', () => {
    const answer = answerQuestion('where do I start?', { diagnosis: bare })!;
    expect(answer.id).toBe('flow-where-to-start');
    expect(answer.text.split('\n\n')[0]).toContain(bare.missing[0]!.what.toLowerCase());
  });

  it('is the plain flow without a diagnosis', () => {
    const answer = answerQuestion('where do I start?', { diagnosis: null })!;
    expect(answer.text.startsWith('The order that settles most 502s:')).toBe(true);
  });
});
