/**
 * The one scoring module (ranking/rank.ts), through real evidence: text read by the collector,
 * ranked against the whole catalogue. What it promises: a message seen twice counts once,
 * narrative cannot outweigh a log line, partial clues add up, "unknown" wins on weak evidence,
 * and a vote against a cause lowers it.
 */
import { CAUSES } from '../../src/causes';
import { EvidenceCollector } from '../../src/evidence/collector';
import { rank, type Ranking } from '../../src/ranking/rank';
import { FAMILY_PRIORS, GENERIC_SHARE, UNKNOWN_PRIOR } from '../../src/ranking/priors';
import { NARRATIVE_CAP, STEPS } from '../../src/ranking/steps';
import { FAMILY_CLUES } from '../../src/causes/family-clues';

function ranking(text: string): Ranking {
  const collector = new EvidenceCollector();
  collector.addText('paste', text);
  return rank(collector.finish(), CAUSES);
}

/** Every hypothesis's log-odds, by id. */
function scores(text: string): Map<string, number> {
  return new Map(ranking(text).ranked.map((h) => [h.id, h.score]));
}

/** How far `after` moved each hypothesis from `before`, by id. */
function moves(before: string, after: string): Map<string, number> {
  const from = scores(before);
  return new Map([...scores(after)].map(([id, score]) => [id, score - from.get(id)!]));
}

const NGINX_REFUSED =
  '2026/11/20 10:15:01 [error] 1234#1234: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, server: shop, request: "GET /api HTTP/1.1", upstream: "http://127.0.0.1:5000/api", host: "shop"';
const BARE_502_3 = 'HTTP Error 502.3 - Bad Gateway';
const EPSILON = 1e-9;

describe('rank', () => {
  it('counts a message once, however many times it was pasted', () => {
    const once = scores(NGINX_REFUSED);
    const thrice = scores([NGINX_REFUSED, NGINX_REFUSED, NGINX_REFUSED].join('\n'));
    expect(ranking(NGINX_REFUSED).ranked[0]!.id).toBe('nginx-upstream-unreachable');
    expect(thrice).toEqual(once);
  });

  describe('narrative cues', () => {
    const CUES = [
      'It started after the deploy.',
      'It is intermittent, only under load.',
      'It happens during app pool recycle.',
      'The request takes a long time, then times out.',
      'It works with dotnet run.',
      'since we deployed, when deploying, grpc, after login, cookie is too large, service unavailable',
      'the app pool stopped',
      'connections piling up',
      'sync code',
      'after idle',
    ];
    const told = [BARE_502_3, ...CUES].join('\n');

    it('are all read as narration here (no product text among them)', () => {
      const clues = [...ranking(told).clues].filter(([id]) => !id.startsWith('status.'));
      expect(clues.length).toBeGreaterThan(10);
      expect(clues.filter(([, seen]) => !seen.narrative).map(([id]) => id)).toEqual([]);
    });

    it('move a hypothesis by at most one capped step per weight table (its family’s, and its own)', () => {
      // The file's header says "narrative cues together move it by one step at most"; weigh() caps
      // them per table, so a cause whose own table also weighs a cue moves by up to two steps.
      const seen = ranking(told).clues;
      for (const [id, moved] of moves(BARE_502_3, told)) {
        const cause = CAUSES.find((c) => c.id === id);
        const ownNarrative = Object.keys(cause?.clues ?? {}).some((clue) => seen.get(clue)?.narrative);
        expect({ id, within: moved <= (ownNarrative ? 2 : 1) * NARRATIVE_CAP + EPSILON }).toEqual({ id, within: true });
      }
    });

    it('count at their strongest, not in number: ten cues move a family answer exactly one capped step', () => {
      // worker-recycle's table weighs recycle words `strong`, and several other cues here besides.
      const seen = ranking(told).clues;
      expect(Object.keys(FAMILY_CLUES['worker-recycle']).filter((clue) => seen.get(clue)?.narrative).length).toBeGreaterThan(1);
      expect(moves(BARE_502_3, told).get('worker-recycle-unexplained')).toBeCloseTo(NARRATIVE_CAP, 9);
    });
  });

  it('does not read a bare 502.3 as a startup failure: it points at timeout, crash and TLS alike, and "unknown" leads', () => {
    const r = ranking(BARE_502_3);
    expect(r.ranked[0]!.id).toBe('unknown');
    const answer = (family: string) => r.ranked.find((h) => h.id === `${family}-unexplained`)!;
    for (const family of ['request-timeout', 'crash-mid-request', 'tls-handshake'] as const) {
      const prior = Math.log(FAMILY_PRIORS[family] * GENERIC_SHARE);
      expect({ family, moved: answer(family).score - prior }).toEqual({ family, moved: expect.closeTo(STEPS.hints, 9) });
    }
    // A 502.3 is no start failure: nothing votes for that family, whatever its prior.
    expect(answer('startup-failure').votes).toEqual([]);
    expect(r.families[0]!.family).not.toBe('startup-failure');
  });

  it.each([
    ['a duration in prose', `${BARE_502_3}\nThe request fails after 120 seconds.`],
    [
      'a 120 s time-taken',
      [
        '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip sc-status sc-substatus sc-win32-status time-taken',
        '2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 502 3 0 120015',
      ].join('\n'),
    ],
  ])('settles a 502.3 on ANCM request timeout once %s says 120 s', (_, text) => {
    const r = ranking(text);
    expect(r.ranked[0]!.id).toBe('ancm-request-timeout');
    expect(r.clues.has('duration.near-120s')).toBe(true);
  });

  it.each([
    ['no evidence', ''],
    ['text that says nothing about a 502', 'Hello all, lunch is at noon in the small meeting room.'],
  ])('lets "unknown" lead on %s, at its prior share', (_, text) => {
    const r = ranking(text);
    expect(r.ranked[0]!.id).toBe('unknown');
    // The families' priors add up to 1; "unknown" weighs UNKNOWN_PRIOR against all of them.
    expect(r.unknown).toBeCloseTo(UNKNOWN_PRIOR / (1 + UNKNOWN_PRIOR), 9);
  });

  it('lowers a hypothesis a clue speaks against', () => {
    // "Application started" is against a start failure: the app came up.
    const page = 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure';
    const moved = moves(page, `${page}\ninfo: Microsoft.Hosting.Lifetime[0] Application started. Press Ctrl+C to shut down.`);
    expect(FAMILY_CLUES['startup-failure']['hosting.started']).toBe('against');
    expect(moved.get('startup-failure-unexplained')).toBeCloseTo(STEPS.against, 9);
    expect(moved.get('startup-exception')).toBeLessThan(0);
  });
});
