/**
 * Reading the configuration facts (web.config and application pool values) the way IIS reads
 * them. Here rather than in causes/ because the catalogue, the production findings (advice/) and
 * the parsers all read the same values, and none of them should import another to do it.
 */
import { refText, type CutMark } from './ref-text';
import type { EvidenceRef, LocatedValue, WebConfigFacts } from './types';

/** Reads an IIS-style timespan (`00:02:00`, `1.00:00:00`) or plain seconds into seconds. */
export function timespanSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^(?:(\d+)\.)?(\d{1,3}):(\d{1,2}):(\d{1,2})(?:\.\d+)?$/.exec(text);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

/**
 * A named value of an element (an `<aspNetCore>` attribute, a handler setting, an environment
 * variable), found whatever the case of its name (people type `requesttimeout`), with the name
 * as written.
 */
export function valueNamed(values: Readonly<Record<string, LocatedValue>> | undefined, name: string): (LocatedValue & { name: string }) | undefined {
  if (!values) return undefined;
  const wanted = name.toLowerCase();
  const key = Object.keys(values).find((k) => k.toLowerCase() === wanted);
  const found = key === undefined ? undefined : values[key];
  return key !== undefined && found ? { ...found, name: key } : undefined;
}

/** The pasted config of `source` that holds its line `line`: the segment a value's line belongs to. */
export function configHolding(configs: readonly WebConfigFacts[], source: string, line: number): WebConfigFacts | undefined {
  return configs.find((c) => c.source === source && line >= c.firstLine && line < c.firstLine + c.lines.length);
}

/**
 * A line of a pasted web.config (or applicationHost fragment) as evidence: the line as pasted,
 * redacted, cut like every quoted line (bare by default, as these quotes always were).
 */
export function configLineRef(config: WebConfigFacts, line: number, mark: CutMark = ''): EvidenceRef {
  return { source: config.source, line, text: refText(config.lines[line - config.firstLine] ?? '', mark) };
}
