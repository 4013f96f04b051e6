/**
 * The commands a thread understands: `help`, `summary`, `reset`, `resolved <cause>`, and the
 * team's memory: `memory` (list it) and `forget <id>`. A command is
 * a short message whose first word is one of these (a leading mention or slash is ignored), so
 * "reset the app pool" in a sentence is not mistaken for one: it must be the whole instruction.
 */
export type Command =
  | { name: 'help' }
  | { name: 'summary' }
  | { name: 'reset' }
  | { name: 'resolved'; argument: string }
  | { name: 'memory' }
  | { name: 'forget'; argument: string };

const NAMES = new Set(['help', 'summary', 'reset', 'resolved', 'memory', 'forget']);
/** What `forget` takes: a memory entry id as `memory` lists it (8 hex characters). */
const MEMORY_ID = /^#?([0-9a-f]{8})$/i;

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
  // "forget it" or "forget the last paste" are sentences; only an id (or nothing: the reply says how) is the command.
  if (name === 'forget') {
    if (argument === '') return { name, argument };
    const id = MEMORY_ID.exec(argument)?.[1];
    return id ? { name, argument: id.toLowerCase() } : undefined;
  }
  // "help me with this 502" or "reset the app pool" are sentences, not commands.
  if (argument.length > 0) return undefined;
  return { name } as Command;
}
