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

/** True when the evidence pipeline found anything that bears on a 502 in the text. */
export function carriesEvidence(evidence: Evidence): boolean {
  return (
    evidence.statuses.length > 0 ||
    evidence.codes.length > 0 ||
    evidence.signals.length > 0 ||
    evidence.events.length > 0 ||
    evidence.webConfigs.length > 0 ||
    evidence.appPools.length > 0 ||
    evidence.headers.length > 0 ||
    evidence.freb.length > 0 ||
    evidence.iisLog !== undefined
  );
}

export function readEvidence(text: string, slack: boolean | 'auto' = 'auto'): Evidence {
  const collector = new EvidenceCollector();
  collector.addText('message', text, { slack });
  return collector.finish();
}

/**
 * @param addressed the message was meant for the bot: a mention, a direct message, the slash
 *   command, the shortcut or the console. In a thread the bot merely follows it is false.
 */
export function classifyMessage(text: string, addressed: boolean, slack: boolean | 'auto' = 'auto'): Classified {
  const command = parseCommand(text);
  if (command) return { kind: 'command', command };
  const body = stripAddress(text);
  if (isQuestionShaped(body) && (addressed || isAboutKnownTopic(body))) return { kind: 'question', question: body };
  if (carriesEvidence(readEvidence(body, slack))) return { kind: 'evidence' };
  return { kind: 'chatter' };
}
