/**
 * Reads the wall-clock time an ALB request took from its access-log line: `timestamp` (field 2)
 * is when the load balancer answered, `request_creation_time` (field 22) when the request
 * arrived. Their difference tells a 10 s connection timeout from a 60 s idle timeout even when
 * every *_processing_time is -1, which is exactly the case the processing times cannot show.
 */

/** Field positions in the ALB access-log format (0-based). */
const TIMESTAMP_FIELD = 1;
const REQUEST_CREATION_FIELD = 21;

/** ISO 8601 UTC as ALB writes it: 2023-01-07T09:22:52.872365Z. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * Splits an ALB line into fields: space separated, double-quoted fields kept whole. One pass,
 * stops after `limit` fields, so a hostile 16 KB line costs at most one scan.
 */
export function albFields(line: string, limit = REQUEST_CREATION_FIELD + 1): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n && fields.length < limit) {
    while (i < n && line.charCodeAt(i) === 32) i += 1;
    if (i >= n) break;
    if (line.charCodeAt(i) === 34 /* " */) {
      const end = line.indexOf('"', i + 1);
      if (end < 0) {
        fields.push(line.slice(i + 1));
        break;
      }
      fields.push(line.slice(i + 1, end));
      i = end + 1;
    } else {
      let end = line.indexOf(' ', i);
      if (end < 0) end = n;
      fields.push(line.slice(i, end));
      i = end;
    }
  }
  return fields;
}

/** Seconds between request_creation_time and timestamp, or undefined when the line lacks them. */
export function albElapsedSeconds(line: string): number | undefined {
  const fields = albFields(line);
  const answered = fields[TIMESTAMP_FIELD];
  const arrived = fields[REQUEST_CREATION_FIELD];
  if (answered === undefined || arrived === undefined) return undefined;
  if (!ISO_UTC.test(answered) || !ISO_UTC.test(arrived)) return undefined;
  const elapsed = (Date.parse(answered) - Date.parse(arrived)) / 1000;
  if (!Number.isFinite(elapsed) || elapsed < 0) return undefined;
  return Math.round(elapsed * 10) / 10;
}
