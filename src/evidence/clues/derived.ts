/**
 * Clues worked out from other clues: a duration near a known gateway limit names that gateway
 * (120 s is ANCM's requestTimeout and ARR's proxy timeout, 100 s Cloudflare's and HttpClient's,
 * 60 s nginx's and the ALB's idle timeout, 30 s ARR's web farm and Front Door's, 230 s App
 * Service's). The arithmetic lives here, once; causes only weigh the resulting clue ids.
 *
 * A Cloudflare-branded page that shows 502 relays a 502 the origin itself returned (kb-facts 6.1:
 * Cloudflare's own failures to reach the origin carry codes 52x, or come unbranded).
 */
import type { ClueHit } from '../signatures/types';

/** Known limits, in seconds, and the clue id a duration near one raises. */
const LIMITS: readonly { seconds: number; clue: string }[] = [
  { seconds: 20, clue: 'duration.near-20s' },
  { seconds: 30, clue: 'duration.near-30s' },
  { seconds: 60, clue: 'duration.near-60s' },
  { seconds: 100, clue: 'duration.near-100s' },
  { seconds: 120, clue: 'duration.near-120s' },
  { seconds: 230, clue: 'duration.near-230s' },
];

/** How close counts as "at the limit": a timeout fires a little after it, a log rounds. */
const TOLERANCE = 0.06;
/** From this long on, a failing request waited for something. */
const LONG_MS = 15_000;

export function derivedClues(clues: readonly ClueHit[]): ClueHit[] {
  const out: ClueHit[] = [];
  const seen = new Set<string>();
  const add = (clue: string, from: ClueHit): void => {
    if (seen.has(clue)) return;
    seen.add(clue);
    out.push({ clue, ref: from.ref, ...(from.value !== undefined ? { value: from.value } : {}) });
  };
  for (const c of clues) {
    if (c.clue === 'cloudflare.page' && c.value === '502') add('cloudflare.origin-502', c);
    if (c.clue !== 'duration' || c.value === undefined) continue;
    const ms = Number(c.value);
    if (!Number.isFinite(ms)) continue;
    if (ms >= LONG_MS) add('duration.long', c);
    for (const limit of LIMITS) {
      if (Math.abs(ms - limit.seconds * 1000) <= limit.seconds * 1000 * TOLERANCE) add(limit.clue, c);
    }
  }
  return out;
}
