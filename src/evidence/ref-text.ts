/**
 * How much of a line evidence quotes. One 16 KB line must not bloat a diagnosis (or a Slack
 * message), so every quoted line is cut at MAX_REF_TEXT characters, here and only here.
 */

export const MAX_REF_TEXT = 300;

/**
 * What marks a cut line. `…` is the default; the code extractor and the prose parser have always
 * ended theirs with `...`, and the FREB and web.config quotes are cut bare. The marks are kept as
 * they were so that no output changes; the length is the same for all.
 */
export type CutMark = '…' | '...' | '';

/** The line as evidence text: whole when short, else cut to MAX_REF_TEXT characters, mark included. */
export function refText(line: string, mark: CutMark = '…'): string {
  return line.length > MAX_REF_TEXT ? `${line.slice(0, MAX_REF_TEXT - mark.length)}${mark}` : line;
}

/**
 * Where a quoted line is, said the way a person reads it: `u_ex261120.log:27` for a file, and
 * `your paste, line 27` (or `message 3, line 6`) for a source whose name is words, where a colon
 * would read as part of the sentence.
 */
export function where(source: string, line?: number): string {
  if (line === undefined || line <= 0) return source;
  return /\s/.test(source) ? `${source}, line ${line}` : `${source}:${line}`;
}
