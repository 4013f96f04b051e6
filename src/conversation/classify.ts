/**
 * Decides what a message in a thread is: more evidence, a question, a command, or chatter between
 * people. The bot answers the first three and stays quiet on chatter, so it can follow a busy
 * incident thread without talking over the humans in it.
 */
import { EvidenceCollector } from '../evidence/collector';
import type { Evidence } from '../evidence/types';
import { isAboutKnownTopic } from '../advice/knowledge';
import { parseCommand, stripAddress, type Command } from './commands';
import type { MessageKind } from './types';

export interface Classified {
  kind: MessageKind;
  command?: Command;
  /** The question without the bot's mention. */
  question?: string;
}

const INTERROGATIVE = /^(how|what|why|where|when|which|who|is|are|was|were|do|does|did|can|could|should|would|will|shall|any|anything|explain|tell me)\b/i;

/** A short message that asks something: ends with "?" or starts like a question. */
export function isQuestionShaped(text: string): boolean {
  const body = text.trim();
  if (body.length === 0 || body.length > 400 || body.split('\n').length > 2) return false;
  return body.endsWith('?') || INTERROGATIVE.test(body);
}

/**
 * The kinds a message can be told apart as without reading it as evidence: a command, or a
 * question (short, question-shaped, and addressed to the bot or about a topic it knows). Anything
 * else is evidence or chatter, which only reading the evidence decides (engine.ts `analyze`).
 */
export function classifyText(text: string, addressed: boolean): Classified | undefined {
  const command = parseCommand(text);
  if (command) return { kind: 'command', command };
  const body = stripAddress(text);
  if (isQuestionShaped(body) && (addressed || isAboutKnownTopic(body))) return { kind: 'question', question: body };
  return undefined;
}

/** The evidence kinds read from an already clean text (for summaries of a thread). */
export function kindsIn(text: string): Evidence['inputs'][number]['kinds'] {
  const collector = new EvidenceCollector();
  collector.addText('message', text, { clean: true });
  return collector.finish().inputs.flatMap((input) => input.kinds);
}
