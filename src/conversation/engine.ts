/**
 * The engine as the conversation layer uses it: clean a message, decide what it is, and diagnose
 * the thread with it, reading the new text once. `analyze` is pure and synchronous; an `Engine`
 * wraps it so a surface can run it where it likes (inline for the console and small pastes, in a
 * worker thread for large ones, so the Slack bot's event loop stays free to acknowledge).
 */
import { diagnose, diagnoseEvidence, houseOptions, type EvidenceInput } from '../diagnose';
import type { HouseRule } from '../evidence/house';
import type { Diagnosis } from '../contract';
import { cleanText, type CleanText } from '../evidence/clean-text';
import { EvidenceCollector } from '../evidence/collector';
import { hasFactsFrom } from '../evidence/contribution';
import type { SlackEscaping } from '../evidence/normalize';
import { classifyText, type Classified } from './classify';

export interface AnalyzeRequest {
  /** The message as received, or its cleaned form when `cleaned` is true. */
  text: string;
  cleaned?: boolean;
  /** Slack escaping of the received text (ignored when `cleaned`). */
  slack: SlackEscaping;
  /** Meant for the bot (see IncomingMessage.addressed). */
  addressed: boolean;
  /** The name this message's evidence lines cite. */
  source: string;
  /** The thread's earlier evidence messages, cleaned, oldest first. */
  previous: readonly { source: string; text: string }[];
}

export interface Analysis {
  clean: CleanText;
  classified: Classified;
  /** The thread's diagnosis including this message, when the message carried evidence. */
  diagnosis?: Diagnosis;
}

/** Where the work runs. Every method resolves with plain data (it may cross a thread boundary). */
export interface Engine {
  clean(text: string, slack: SlackEscaping): Promise<CleanText>;
  analyze(request: AnalyzeRequest): Promise<Analysis>;
  /** Diagnoses inputs that are already clean (a stored thread). */
  diagnose(inputs: readonly { source: string; text: string }[]): Promise<Diagnosis>;
  /** Frees threads or other resources; idempotent. */
  close(): Promise<void>;
}

/** The text as stored when it was cleaned elsewhere already. */
function asClean(text: string): CleanText {
  return { text, redactions: 0, truncated: false };
}

/**
 * Cleans the message (unless it is clean already), classifies it, and when it may be evidence
 * reads the thread's evidence and this message in one collection: the message is "evidence" when
 * it produced a fact of its own, and the diagnosis of that collection is the thread's new one.
 */
export function analyze(request: AnalyzeRequest, rules?: readonly HouseRule[]): Analysis {
  const clean = request.cleaned ? asClean(request.text) : cleanText(request.text, request.slack);
  const early = classifyText(clean.text, request.addressed);
  if (early) return { clean, classified: early };
  const options = rules && rules.length > 0 ? { rules } : {};
  const collector = new EvidenceCollector(houseOptions(options));
  for (const input of request.previous) collector.addText(input.source, input.text, { clean: true });
  collector.addText(request.source, clean.text, { clean: true });
  const evidence = collector.finish();
  if (!hasFactsFrom(evidence, request.source)) return { clean, classified: { kind: 'chatter' } };
  return { clean, classified: { kind: 'evidence' }, diagnosis: diagnoseEvidence(evidence, options) };
}

/** Clean thread messages as diagnose() inputs. */
export function cleanInputs(inputs: readonly { source: string; text: string }[]): EvidenceInput[] {
  return inputs.map((i) => ({ source: i.source, text: i.text, clean: true }));
}

/**
 * Everything on the calling thread: the console, the CLI, tests and small Slack pastes. With
 * house rules (validated at the edge), every diagnosis uses them.
 */
export function createInlineEngine(rules?: readonly HouseRule[]): Engine {
  const options = rules && rules.length > 0 ? { rules } : {};
  return {
    clean: async (text, slack) => cleanText(text, slack),
    analyze: async (request) => analyze(request, options.rules),
    diagnose: async (inputs) => diagnose(cleanInputs(inputs), options),
    close: async () => undefined,
  };
}

export const inlineEngine: Engine = createInlineEngine();
