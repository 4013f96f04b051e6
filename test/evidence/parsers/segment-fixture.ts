/**
 * Helpers for the headers, error-page and proxy-log parser tests: build a Segment from text the
 * way the collector would (trailing whitespace trimmed, tabs as spaces), read fixtures, and run
 * the whole pipeline on a fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceCollector } from '../../../src/evidence/collector';
import type { Evidence, EvidenceKind, Segment, SegmentFacts } from '../../../src/evidence/types';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

/** The text of `test/fixtures/<dir>/<name>`. */
export function fixture(dir: string, name: string): string {
  return readFileSync(join(FIXTURES, dir, name), 'utf8');
}

/** A segment of `kind` holding `text`, its first line numbered `firstLine` in `source`. */
export function segmentOf(kind: EvidenceKind, text: string, options: { source?: string; firstLine?: number } = {}): Segment {
  const lines = text.replace(/\n$/, '').split('\n').map((l) => l.replace(/\t/g, ' ').trimEnd());
  return { kind, source: options.source ?? 'paste', firstLine: options.firstLine ?? 1, lines };
}

/** Runs the whole evidence pipeline on one text, as if pasted under `source`. */
export function collectText(source: string, text: string): Evidence {
  const collector = new EvidenceCollector();
  collector.addText(source, text, { slack: false });
  return collector.finish();
}

/** Every ref a parser produced, for checks that hold for all of them. */
export function allRefs(facts: SegmentFacts): { line: number; text: string; source: string }[] {
  return [
    ...(facts.statuses ?? []).map((s) => s.ref),
    ...(facts.signals ?? []).map((s) => s.ref),
    ...(facts.headers ?? []).flatMap((h) => Object.values(h.headers).flatMap((list) => list.map((v) => v.ref))),
  ];
}
