/**
 * The same real evidence in the other shapes a paste takes on its way to the bot: escaped by
 * Slack, quoted in a reply, fenced, cut by a console at its width, carried in a JSON log field.
 * `npm run eval -- --variants` measures top-1 on each shape of every case, so robustness is
 * measured on the real-case corpus too, not only on hand-written messy tests.
 *
 * Every transformation is blind to the label and to the engine: it only reshapes the text.
 */
import type { Case } from './corpus';
import { enginePrediction } from './predict';

/** Cuts every line into pieces of at most `width` characters, as a console copies a long line. */
function cutAt(width: number): (text: string) => string {
  return (text) =>
    text
      .split('\n')
      .flatMap((line) => {
        const pieces: string[] = [];
        let rest = line;
        while (rest.length > width) {
          pieces.push(rest.slice(0, width));
          rest = rest.slice(width);
        }
        pieces.push(rest);
        return pieces;
      })
      .join('\n');
}

export const VARIANTS: Readonly<Record<string, { how: string; apply: (text: string) => string }>> = {
  'as posted': { how: 'the evidence as the thread has it', apply: (text) => text },
  'slack-escaped': { how: 'Slack escapes &, < and > in message text', apply: (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') },
  quoted: { how: 'quoted in a reply ("> " before every line)', apply: (text) => text.split('\n').map((line) => `> ${line}`).join('\n') },
  crlf: { how: 'Windows line endings', apply: (text) => text.replace(/\n/g, '\r\n') },
  fenced: { how: 'inside a Markdown code fence', apply: (text) => `\`\`\`\n${text}\n\`\`\`` },
  'console 80': { how: 'long lines cut at 80 columns, as conhost copies them', apply: cutAt(80) },
  'console 120': { how: 'long lines cut at 120 columns', apply: cutAt(120) },
  'json field': { how: 'the whole paste inside one JSON string (a structured log or ticket export)', apply: (text) => JSON.stringify({ message: text }) },
  'one line': { how: 'line breaks lost (pasted into a one-line field)', apply: (text) => text.replace(/\r?\n/g, ' ') },
};

export interface VariantScore {
  variant: string;
  how: string;
  n: number;
  top1: number;
}

/** Top-1 family on every shape of the cases. */
export function variantScores(cases: readonly Case[]): VariantScore[] {
  return Object.entries(VARIANTS).map(([variant, { how, apply }]) => ({
    variant,
    how,
    n: cases.length,
    top1: cases.filter((c) => enginePrediction(apply(c.evidence)).families[0] === c.family).length,
  }));
}
