/**
 * The question-answering knowledge base: "what is 502.3?", "how do I turn on stdout logging?",
 * "how do I fix it?". Questions are matched with MiniSearch against the phrasings of every entry
 * (FAQ, diagnostic flow, how-tos, codes, one entry per catalogue cause, and questions about the
 * thread's own diagnosis). Below a score threshold the answer is an honest "I don't know".
 *
 * Pure and synchronous, like the rest of the engine; the index is built on first use.
 */
import { ENTRIES } from './entries';
import { KnowledgeIndex } from './search';
import { CODE_LOOKUP_ID, codeLookupAnswer, codesInQuestion } from './code-lookup';
import type { Answer, KnowledgeContext } from './types';

export type { Answer, KnowledgeContext } from './types';
export { SCORE_THRESHOLD } from './search';
export { CODE_LOOKUP_ID } from './code-lookup';

/** What the bot can help with, for the "I don't know" reply. */
export const TOPICS: readonly string[] = [
  'what a code means: 502.3, 502.5, 500.30, 500.19, 12002, 12030, 0x80072EE2 and others',
  '502 vs 504, in-process vs out-of-process',
  'whether Cloudflare, a load balancer or your origin answered',
  'where to start: the diagnostic flow',
  'turning stdout logging on and off',
  'finding the IIS logs, Failed Request Tracing and Event Viewer entries',
  'production web.config and app pool settings',
  'capturing a memory dump of a crash or hang',
  'any cause I know, such as thread pool starvation or socket exhaustion',
  'this thread: how to fix it, what to check next, why, and how sure I am',
];

let index: KnowledgeIndex | undefined;

/** A search term that is a code: digits (502.3, 0x80072ee2) or a symbolic name (error_winhttp_timeout). */
function isCodeTerm(term: string): boolean {
  return /\d/.test(term) || term.includes('_');
}

function knowledgeIndex(): KnowledgeIndex {
  index ??= new KnowledgeIndex(ENTRIES);
  return index;
}

/**
 * The best answer for a question, or undefined when the knowledge base has nothing good enough
 * (an honest "I don't know"). Pure, synchronous, and never throws.
 */
export function answerQuestion(question: string, context: KnowledgeContext): Answer | undefined {
  if (typeof question !== 'string') return undefined;
  const best = knowledgeIndex().best(question);
  // A code in the question is the most specific thing in it: when the best entry matched only on
  // words ("how do I fix 500.31?" finding "how do I fix it?"), the code's own meaning is the answer.
  const matchedOnCode = best?.terms.some(isCodeTerm) ?? false;
  if (!matchedOnCode && codesInQuestion(question).length > 0) {
    const lookup = codeLookupAnswer(question);
    if (lookup) return lookup;
  }
  if (!best) return undefined;
  const { text, references } = best.entry.answer(context);
  return { id: best.entry.id, title: best.entry.title, text, references };
}

/**
 * True when the text is a question about what the bot knows (its best match clears the
 * threshold, or it asks about a code the table knows): tells a question addressed to the bot from
 * people talking to each other in a thread.
 */
export function isAboutKnownTopic(question: string): boolean {
  if (typeof question !== 'string') return false;
  return knowledgeIndex().best(question) !== undefined || codesInQuestion(question).length > 0;
}

/** The entry ids the base can answer with (tests, the help text). */
export function knowledgeEntryIds(): string[] {
  return [...ENTRIES.map((e) => e.id), CODE_LOOKUP_ID];
}
