/**
 * The commands a thread understands: `help`, `summary`, `reset`, `resolved <cause>`. A command is
 * a short message whose first word is one of these (a leading mention or slash is ignored), so
 * "reset the app pool" in a sentence is not mistaken for one: it must be the whole instruction.
 */
export type Command =
  | { name: 'help' }
  | { name: 'summary' }
  | { name: 'reset' }
  | { name: 'resolved'; argument: string };

const NAMES = new Set(['help', 'summary', 'reset', 'resolved']);

/** Strips a leading bot mention (`<@U123>`, `@diag502`) and a slash. */
export function stripAddress(text: string): string {
  return text.replace(/^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>|@diag502\b)[\s,:]*/i, '').replace(/^\s*\/(?!diag502\b)/, '').trim();
}

export function parseCommand(text: string): Command | undefined {
  const body = stripAddress(text).replace(/^\/?diag502\s+/i, '');
  if (body.length === 0 || body.length > 300 || body.includes('\n')) return undefined;
  const [first = '', ...rest] = body.split(/\s+/);
  const name = first.toLowerCase().replace(/[.!:]$/, '');
  if (!NAMES.has(name)) return undefined;
  const argument = rest.join(' ').trim();
  // A bare "resolved" is still the command: the reply asks which cause it was.
  if (name === 'resolved') return { name, argument };
  // "help me with this 502" or "reset the app pool" are sentences, not commands.
  if (argument.length > 0) return undefined;
  return { name } as Command;
}
