/**
 * Properties: whatever evidence is pasted, and whatever a diagnosis holds, every message built from
 * it passes Slack's rules, points to an attached file exactly when it has one, and carries the
 * metadata of the diagnosis it shows.
 */
import fc from 'fast-check';
import { diagnose } from '../../../src/diagnose';
import type { Diagnosis } from '../../../src/contract';
import { FAMILY_IDS } from '../../../src/vocabulary';
import { compareDiagnoses, snapshotOf } from '../../../src/conversation/change';
import { diagnosisMessage, evidenceDetailsMessage, fixDetailsMessage, replyMessage, type SlackMessage } from '../../../src/slack/blocks';
import { liveSequences, allText, pointsToAttachment, violations } from './slack-rules';

/** Text that tries to break things: Slack markup, fences, entities, emoji, RTL marks, long runs. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '`', '|', '!', '@', '*', '_', '~', 'a', ' ', '\u200b', '😀', '\u202e'), maxLength: 60 }),
  fc.constantFrom('<!channel>', '<!here>', '<https://evil.example|x>', '```', '&lt;', '<@U0ADMIN>', '<#C0GEN>', 'x'.repeat(5000)),
);
const token = nasty.map((s) => s.replace(/\s/g, '') || '-');

const iisRow = fc
  .tuple(fc.constantFrom(200, 500, 502, 503, 504), fc.constantFrom(0, 3, 5, 19, 30, 2), fc.constantFrom(0, 64, 1115, 12002, 12029, 12030, 12007), fc.nat(200_000), token, token)
  .map(([status, sub, win32, taken, uri, agent]) => `2026-11-20 10:15:01 10.0.0.4 GET /${uri} - 443 - 203.0.113.9 ${agent} - ${status} ${sub} ${win32} ${taken}`);
const ancmEvent = fc
  .tuple(fc.constantFrom(1000, 1005, 1010, 1011, 1018, 1020, 1026, 1035), nasty, fc.array(nasty, { maxLength: 30 }))
  .map(([id, message, stdout]) => [`TimeCreated  : 11/20/2026 10:14:58 AM`, `ProviderName : IIS AspNetCore Module V2`, `Id           : ${id}`, `Message      : Application '/LM/W3SVC/1/ROOT' ${message}. First 30KB characters of captured stdout and stderr logs:`, ...stdout.map((l) => `               ${l}`)].join('\n'));
const headers = fc
  .tuple(fc.constantFrom('502 Bad Gateway', '504 Gateway Timeout', '520 ', '524 ', '500 Internal Server Error'), fc.constantFrom('cloudflare', 'awselb/2.0', 'Microsoft-IIS/10.0', 'nginx/1.25.3', 'Kestrel'), nasty)
  .map(([status, server, note]) => `HTTP/1.1 ${status}\nServer: ${server}\nX-Note: ${note}`);
const webConfig = fc
  .tuple(token, fc.constantFrom('inprocess', 'outofprocess', 'InProc', token), fc.constantFrom('00:02:00', '00:00:30', 'soon'))
  .map(([path, model, timeout]) => `<aspNetCore processPath="${path}" arguments=".\\Shop.dll" hostingModel="${model}" requestTimeout="${timeout}" />`);
const nginx = nasty.map((n) => `2026/11/20 10:15:01 [error] 1234#0: *5 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.9, server: example.com, request: "GET /${n} HTTP/1.1", upstream: "http://10.0.0.5:5000/"`);
const fieldsLine = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const pieces = fc.array(fc.oneof(iisRow, iisRow.map((r) => `${fieldsLine}\n${r}`), ancmEvent, headers, webConfig, nginx, nasty), { minLength: 1, maxLength: 40 });
const paste = fc.tuple(pieces, fc.integer({ min: 1, max: 60 })).map(([p, repeat]) => Array.from({ length: repeat }, () => p.join('\n')).join('\n'));

/** Every message the renderer makes for one diagnosis. */
function allMessages(d: Diagnosis, previous: Diagnosis, preview: string, askedBy: string): SlackMessage[] {
  const change = compareDiagnoses(snapshotOf(previous, new Date('2026-11-20T10:00:00Z')), d);
  return [
    diagnosisMessage(d, { askedBy, evidencePreview: preview, change }),
    replyMessage({ type: 'diagnosis', diagnosis: d, change, truncated: preview.length % 2 === 0 }),
    evidenceDetailsMessage(d),
    fixDetailsMessage(d),
    replyMessage({ type: 'summary', diagnosis: d, entries: [{ n: 1, author: askedBy, at: preview.slice(0, 30), kind: 'evidence', kinds: ['iis-log'], lines: 3 }] }),
  ];
}

function expectWithinRules(messages: SlackMessage[], d: Diagnosis): void {
  for (const m of messages) {
    expect(violations(m)).toEqual([]);
    expect(m.overflow !== undefined).toBe(pointsToAttachment(m));
    expect(liveSequences(allText(m))).toEqual([]);
  }
  expect(messages[0]!.metadata!.event_payload.causes.map((c) => c.id)).toEqual(d.causes.map((c) => c.id));
}

describe('messages from random pasted evidence', () => {
  it('always pass Slack’s rules', () => {
    fc.assert(
      fc.property(paste, paste, nasty, (text, earlier, askedBy) => {
        const d = diagnose([{ source: 'message 2', text, slack: false }]);
        const previous = diagnose([{ source: 'message 1', text: earlier, slack: 'auto' }]);
        expectWithinRules(allMessages(d, previous, text, askedBy), d);
      }),
      { numRuns: 60 },
    );
  });
});

/** Diagnoses far larger than the engine makes today: if it ever grows, the renderer still holds. */
const ref = fc.record({ source: nasty, line: fc.nat(1_000_000), text: fc.oneof(nasty, fc.string({ minLength: 1000, maxLength: 16_384 })) });
const cause = fc.record({
  id: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,40}$/), fc.string({ maxLength: 3000 })),
  family: fc.constantFrom(...FAMILY_IDS),
  title: fc.oneof(nasty, fc.string({ maxLength: 600 })),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  evidence: fc.array(ref, { maxLength: 300 }),
  steps: fc.array(fc.oneof(nasty, fc.string({ maxLength: 4000 })), { maxLength: 40 }),
  fix: fc.record(
    {
      summary: fc.oneof(nasty, fc.string({ maxLength: 5000 })),
      snippet: fc.oneof(nasty, fc.array(nasty, { maxLength: 400 }).map((l) => l.join('\n'))),
      diff: fc.array(nasty, { maxLength: 800 }).map((l) => l.join('\n')),
      language: fc.constantFrom('xml' as const, 'json' as const, 'text' as const),
    },
    { requiredKeys: ['summary'] },
  ),
  references: fc.array(fc.oneof(fc.webUrl({ withQueryParameters: true }), nasty), { maxLength: 6 }),
});
const diagnosisArb: fc.Arbitrary<Diagnosis> = fc.record({
  schema: fc.constant(1 as const),
  inputs: fc.array(fc.record({ source: nasty, kinds: fc.constant([]), lines: fc.nat(), truncated: fc.boolean() }), { maxLength: 200 }),
  answer: fc.record({ kind: fc.constantFrom('cause' as const, 'family' as const, 'unknown' as const), confidence: fc.double({ min: 0, max: 1, noNaN: true }) }),
  layer: fc.option(fc.record({ id: fc.constantFrom('cdn' as const, 'iis' as const, 'ancm' as const, 'app' as const), title: nasty, evidence: fc.array(ref, { maxLength: 50 }) }), { nil: null }),
  causes: fc.array(cause, { maxLength: 12 }),
  missing: fc.array(fc.record({ what: nasty, why: fc.string({ maxLength: 3000 }), how: fc.string({ maxLength: 3000 }) }), { maxLength: 12 }),
  codes: fc.array(fc.record({ code: nasty, meaning: fc.string({ maxLength: 2000 }) }), { maxLength: 150 }),
  findings: fc.array(fc.record({ id: nasty, severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const), message: fc.string({ maxLength: 2000 }), evidence: fc.array(ref, { maxLength: 2 }) }), { maxLength: 150 }),
  stats: fc.constant({}),
  redactions: fc.nat(),
  problems: fc.array(fc.record({ source: nasty, message: fc.string({ maxLength: 2000 }) }), { maxLength: 100 }),
});

describe('messages from random oversized diagnoses', () => {
  it('always pass Slack’s rules', () => {
    fc.assert(
      fc.property(diagnosisArb, diagnosisArb, nasty, nasty, (d, previous, preview, askedBy) => {
        expectWithinRules(allMessages(d, previous, preview, askedBy), d);
      }),
      { numRuns: 150 },
    );
  });
});
