/**
 * Turns a thread of messages into one evolving diagnosis. Every face (Slack, the console) hands
 * each message to `handle` and renders the reply; `null` means the bot stays quiet (chatter, or a
 * message it has already answered).
 *
 * The thread's evidence is never merged by hand: each evidence message is appended to the store,
 * then the whole thread is diagnosed again, so a web.config pasted after a log line refines the
 * same diagnosis, and two messages arriving at once cannot lose each other's evidence.
 */
import { diagnose } from '../diagnose';
import type { Diagnosis } from '../diagnosis';
import { cleanText } from '../evidence/clean-text';
import { answerQuestion, TOPICS } from '../advice/knowledge';
import { CAUSES } from '../causes';
import type { Store } from './store/store';
import { classifyMessage, readEvidence } from './classify';
import { compareDiagnoses, snapshotOf } from './change';
import type { Reply, ThreadEntry } from './replies';
import type { Resolution, StoredMessage, ThreadKey, ThreadRecord } from './types';

export interface IncomingMessage {
  key: ThreadKey;
  /** Unique within the thread; a message seen twice is answered once. */
  messageId: string;
  author: string;
  text: string;
  at?: Date;
  /** Meant for the bot (mention, DM, slash command, shortcut, console); false for a followed thread. */
  addressed: boolean;
  /** The text is Slack-escaped (true for Slack), plain (false) or unknown ('auto'). */
  slack?: boolean | 'auto';
}

export interface ConversationOptions {
  now?: () => Date;
}

/** The source name evidence lines cite for the n-th message of a thread. */
export function messageSource(n: number): string {
  return `message ${n}`;
}

export class Conversation {
  private readonly now: () => Date;

  constructor(
    private readonly store: Store,
    options: ConversationOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async handle(message: IncomingMessage): Promise<Reply | null> {
    const classified = classifyMessage(message.text, message.addressed, message.slack ?? 'auto');
    // Chatter in a thread the bot only follows is not ours to keep or answer.
    if (classified.kind === 'chatter' && !message.addressed) return null;
    const clean = cleanText(message.text, message.slack ?? 'auto');
    const stored: StoredMessage = {
      messageId: message.messageId,
      author: message.author,
      at: (message.at ?? this.now()).toISOString(),
      kind: classified.kind,
      text: clean.text,
      redactions: clean.redactions,
    };
    if (!(await this.store.appendMessage(message.key, stored))) return null;

    switch (classified.kind) {
      case 'command':
        return this.command(message, classified.command!);
      case 'question': {
        const diagnosis = await this.currentDiagnosis(message.key);
        const question = classified.question ?? clean.text;
        const answer = answerQuestion(question, { diagnosis });
        return answer ? { type: 'answer', question, answer } : { type: 'unknown-question', question, topics: TOPICS };
      }
      case 'evidence':
        return this.diagnoseThread(message.key, clean.truncated);
      case 'chatter':
        return { type: 'no-evidence', read: readEvidence(clean.text, false).inputs.flatMap((i) => i.kinds) };
    }
  }

  /** The thread's diagnosis now, or null when it holds no evidence. */
  async currentDiagnosis(key: ThreadKey): Promise<Diagnosis | null> {
    const thread = await this.store.getThread(key);
    return thread ? diagnoseThread(thread) : null;
  }

  private async diagnoseThread(key: ThreadKey, truncated: boolean): Promise<Reply> {
    const thread = await this.store.getThread(key);
    const diagnosis = (thread && diagnoseThread(thread)) ?? diagnose([]);
    const change = compareDiagnoses(thread?.snapshot, diagnosis);
    await this.store.saveSnapshot(key, snapshotOf(diagnosis, this.now()));
    return { type: 'diagnosis', diagnosis, change, truncated };
  }

  private async command(message: IncomingMessage, command: NonNullable<ReturnType<typeof classifyMessage>['command']>): Promise<Reply> {
    switch (command.name) {
      case 'help':
        return { type: 'help' };
      case 'reset':
        await this.store.resetThread(message.key);
        return { type: 'reset' };
      case 'summary': {
        const thread = await this.store.getThread(message.key);
        const summary: Reply = { type: 'summary', diagnosis: thread ? diagnoseThread(thread) : null, entries: thread ? entriesOf(thread) : [] };
        if (thread?.resolution) summary.resolution = thread.resolution;
        return summary;
      }
      case 'resolved': {
        const text = cleanText(command.argument, message.slack ?? 'auto').text;
        if (text.length === 0) return { type: 'resolved-usage' };
        const cause = findCause(text);
        const resolution: Resolution = { text, by: message.author, at: (message.at ?? this.now()).toISOString() };
        if (cause) resolution.causeId = cause.id;
        await this.store.setResolution(message.key, resolution);
        return cause ? { type: 'resolved', resolution, title: cause.title } : { type: 'resolved', resolution };
      }
    }
  }
}

/** Diagnoses every evidence message of a thread together; null when there is none. */
export function diagnoseThread(thread: ThreadRecord): Diagnosis | null {
  const inputs = thread.messages
    .map((m, i) => ({ m, n: i + 1 }))
    .filter(({ m }) => m.kind === 'evidence')
    .map(({ m, n }) => ({ source: messageSource(n), text: m.text, slack: false }));
  return inputs.length > 0 ? diagnose(inputs) : null;
}

function entriesOf(thread: ThreadRecord): ThreadEntry[] {
  return thread.messages.map((m, i) => ({
    n: i + 1,
    author: m.author,
    at: m.at,
    kind: m.kind,
    kinds: m.kind === 'evidence' ? readEvidence(m.text, false).inputs.flatMap((input) => input.kinds) : [],
    lines: m.text.split('\n').length,
  }));
}

/**
 * A catalogue cause named by its id, or by words: most of the words of its id
 * ("thread pool starvation") or of its title.
 */
export function findCause(text: string): (typeof CAUSES)[number] | undefined {
  const wanted = text.toLowerCase().trim();
  const byId = CAUSES.find((c) => c.id === wanted || wanted.startsWith(`${c.id} `));
  if (byId) return byId;
  const words = new Set(wanted.split(/[^a-z0-9]+/).filter((w) => w.length > 2));
  const overlap = (candidate: string): number => {
    const own = candidate.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2);
    const shared = own.filter((w) => words.has(w)).length;
    return shared >= 2 ? shared / own.length : 0;
  };
  let best: { cause: (typeof CAUSES)[number]; score: number } | undefined;
  for (const cause of CAUSES) {
    const score = Math.max(overlap(cause.id), overlap(cause.title));
    if (score >= 0.5 && (!best || score > best.score)) best = { cause, score };
  }
  return best?.cause;
}
