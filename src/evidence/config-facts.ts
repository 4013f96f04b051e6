/**
 * Reading the configuration facts (web.config and application pool values) the way IIS reads
 * them. Here rather than in causes/ because the catalogue, the production findings (advice/) and
 * the parsers all read the same values, and none of them should import another to do it.
 */

/** Reads an IIS-style timespan (`00:02:00`, `1.00:00:00`) or plain seconds into seconds. */
export function timespanSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^(?:(\d+)\.)?(\d{1,3}):(\d{1,2}):(\d{1,2})(?:\.\d+)?$/.exec(text);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}
