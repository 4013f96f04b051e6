/**
 * Input caps. A paste is capped so that a hostile or accidental 100 MB message gets a clear
 * message instead of a slow answer; streamed files (the CLI) are not capped in total because
 * W3C rows are aggregated as they go.
 */
export const LIMITS = {
  /** Text pasted into Slack or the console, or an attached file read as a paste: 2 MiB. */
  maxPasteBytes: 2 * 1024 * 1024,
  /** Longer lines are cut: no real log line is this long, and regexes then see bounded input. */
  maxLineChars: 16 * 1024,
  /** A buffered (non-IIS) segment stops growing here; the rest of that block is skipped. */
  maxSegmentLines: 20_000,
  maxSegmentBytes: 4 * 1024 * 1024,
} as const;

/** "2 MB", "512 KB", "130.5 MB": sizes for people (binary units, as Windows shows them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'unlimited';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
