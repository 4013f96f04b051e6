/**
 * Turns a thread of messages into one evolving diagnosis. Every face (Slack, the console) hands
 * each message to `handle` and renders the reply; `null` means the bot stays quiet (chatter, or a
 * message it has already answered).
 *
 * The thread's evidence is never merged by hand: each evidence message is read together with the
 * thread's earlier evidence, so a web.config pasted after a log line refines the same diagnosis.
 * The new text is cleaned and read once (see engine.ts). Messages of one thread must be handled
 * one at a time, in order: the Slack bot runs each thread in its own lane, the console is
 * sequential by nature.
 */
import type { Diagnosis } from '../contract';
import { cleanText } from '../evidence/clean-text';
import { answerQuestion, TOPICS } from '../advice/knowledge';
import { CAUSES } from '../causes';
import type { Store } from './store/store';
import { kindsIn } from './classify';
import { compareDiagnoses, snapshotOf } from './change';
import { inlineEngine, type Analysis, type Engine } from './engine';
import type { Reply, ThreadEntry } from './replies';
import type { Resolution, StoredMessage, ThreadKey, ThreadRecord } from './types';

export interface IncomingMessage {
  key: ThreadKey;
  /** Unique within the thread; a message seen twice is answered once. */
  messageId: string;
  author: string;
  /** The text as received; `cleaned` says it went through cleanText already (a resumed job). */
  text: string;
  cleaned?: boolean;
  at?: Date;
  /** Meant for the bot (mention, DM, slash command, shortcut, console); false for a followed thread. */
  addressed: boolean;
  /** The text is Slack-escaped (true for Slack), plain (false) or unknown ('auto'). */
  slack?: boolean | 'auto';
}

/** Where a message stands in its thread: its place among all messages, and among the evidence. */
export interface MessagePlace {
  message: number;
  evidence: number;
}

interface ConversationOptions {
  now?: () => Date;
  /**
   * The source name evidence lines cite for a message ("message 3" in Slack, where people can
   * count messages; "your paste" in the console). Names must differ between messages.
   */
  sourceName?: (place: MessagePlace) => string;
  /** Where cleaning and diagnosing run; inline by default. */
  engine?: Engine;
}

interface HandleOptions {
  /**
   * The message may have been stored before (work resumed after a crash): answer it as the
   * thread stands instead of staying quiet about a message already seen.
   */
  replay?: boolean;
}

/** A reply worked out before its thread exists (a slash command's first answer), to adopt once posted. */
export interface Draft {
  reply: Reply | null;
  message: IncomingMessage;
  analysis: Analysis;
}

/** The source name evidence lines cite for a message of a thread, unless the face names it. */
function messageSource(place: MessagePlace): string {
  return `message ${place.message}`;
}

function evidenceCount(messages: readonly StoredMessage[]): number {
  return messages.filter((m) => m.kind === 'evidence').length;
}

export class Conversation {
  private readonly now: () => Date;
  private readonly sourceName: (place: MessagePlace) => string;
  private readonly engine: Engine;

  constructor(
    private readonly store: Store,
    options: ConversationOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.sourceName = options.sourceName ?? messageSource;
    this.engine = options.engine ?? inlineEngine;
  }

  async handle(message: IncomingMessage, options: HandleOptions = {}): Promise<Reply | null> {
    const thread = await this.store.getThread(message.key);
    const seenAt = thread?.messages.findIndex((m) => m.messageId === message.messageId) ?? -1;
    if (seenAt >= 0 && !options.replay) return null;
    // A replayed message is read where it stands in the thread, as it was stored.
    const before = seenAt >= 0 ? thread!.messages.slice(0, seenAt) : (thread?.messages ?? []);
    const stored = seenAt >= 0 ? thread!.messages[seenAt]! : undefined;
    const analysis = await this.engine.analyze({
      text: stored ? stored.text : message.text,
      cleaned: stored !== undefined || message.cleaned === true,
      slack: message.slack ?? 'auto',
      addressed: message.addressed,
      source: this.sourceName({ message: before.length + 1, evidence: evidenceCount(before) + 1 }),
      previous: evidenceOf(before, this.sourceName),
    });
    if (analysis.classified.kind === 'chatter' && !message.addressed) return null;
    if (!stored && !(await this.store.appendMessage(message.key, this.storedMessage(message, analysis)))) return null;
    return this.reply(message, analysis, thread);
  }

  /**
   * Answers a message that starts a thread not yet known (a slash command: the thread is the
   * answer's own ts). Nothing is stored; `adopt` records the message once the answer is posted.
   */
  async draft(message: IncomingMessage): Promise<Draft> {
    const analysis = await this.engine.analyze({
      text: message.text,
      cleaned: message.cleaned === true,
      slack: message.slack ?? 'auto',
      addressed: message.addressed,
      source: this.sourceName({ message: 1, evidence: 1 }),
      previous: [],
    });
    if (analysis.classified.kind === 'chatter' && !message.addressed) return { reply: null, message, analysis };
    return { reply: await this.replyWithoutStore(message, analysis), message, analysis };
  }

  /** Stores a drafted message (and its diagnosis) under the thread it now has. */
  async adopt(draft: Draft, key: ThreadKey): Promise<void> {
    const message = { ...draft.message, key };
    if (!(await this.store.appendMessage(key, this.storedMessage(message, draft.analysis)))) return;
    if (draft.analysis.diagnosis) await this.store.saveSnapshot(key, snapshotOf(draft.analysis.diagnosis, this.now()));
  }

  /** The thread's diagnosis now, or null when it holds no evidence. */
  async currentDiagnosis(key: ThreadKey): Promise<Diagnosis | null> {
    const thread = await this.store.getThread(key);
    const inputs = thread ? evidenceOf(thread.messages, this.sourceName) : [];
    return inputs.length > 0 ? this.engine.diagnose(inputs) : null;
  }

  private storedMessage(message: IncomingMessage, analysis: Analysis): StoredMessage {
    return {
      messageId: message.messageId,
      author: message.author,
      at: (message.at ?? this.now()).toISOString(),
      kind: analysis.classified.kind,
      text: analysis.clean.text,
      redactions: analysis.clean.redactions,
    };
  }

  private async reply(message: IncomingMessage, analysis: Analysis, thread: ThreadRecord | undefined): Promise<Reply> {
    const { classified } = analysis;
    switch (classified.kind) {
      case 'command':
        return this.command(message, classified.command!);
      case 'question':
        return this.answer(classified.question ?? analysis.clean.text, () => this.currentDiagnosis(message.key));
      case 'evidence': {
        const diagnosis = analysis.diagnosis!;
        const change = compareDiagnoses(thread?.snapshot, diagnosis);
        await this.store.saveSnapshot(message.key, snapshotOf(diagnosis, this.now()));
        return { type: 'diagnosis', diagnosis, change, truncated: analysis.clean.truncated };
      }
      case 'chatter':
        return { type: 'no-evidence', read: kindsIn(analysis.clean.text) };
    }
  }

  /** The reply to a thread's first message, when there is no thread to store it in yet. */
  private async replyWithoutStore(message: IncomingMessage, analysis: Analysis): Promise<Reply> {
    const { classified } = analysis;
    switch (classified.kind) {
      case 'command':
        // Only help means anything before a thread exists; the others act on an empty thread.
        return classified.command!.name === 'help' ? { type: 'help' } : this.command({ ...message }, classified.command!, true);
      case 'question':
        return this.answer(classified.question ?? analysis.clean.text, async () => null);
      case 'evidence':
        return { type: 'diagnosis', diagnosis: analysis.diagnosis!, change: compareDiagnoses(undefined, analysis.diagnosis!), truncated: analysis.clean.truncated };
      case 'chatter':
        return { type: 'no-evidence', read: kindsIn(analysis.clean.text) };
    }
  }

  private async answer(question: string, diagnosisNow: () => Promise<Diagnosis | null>): Promise<Reply> {
    const answer = answerQuestion(question, { diagnosis: await diagnosisNow() });
    return answer ? { type: 'answer', question, answer } : { type: 'unknown-question', question, topics: TOPICS };
  }

  private async command(message: IncomingMessage, command: NonNullable<Analysis['classified']['command']>, noThread = false): Promise<Reply> {
    switch (command.name) {
      case 'help':
        return { type: 'help' };
      case 'reset':
        if (!noThread) await this.store.resetThread(message.key);
        return { type: 'reset' };
      case 'summary': {
        const thread = noThread ? undefined : await this.store.getThread(message.key);
        const summary: Reply = { type: 'summary', diagnosis: thread ? await this.currentDiagnosis(message.key) : null, entries: thread ? entriesOf(thread) : [] };
        if (thread?.resolution) summary.resolution = thread.resolution;
        return summary;
      }
      case 'resolved': {
        const text = cleanText(command.argument, message.slack ?? 'auto').text;
        if (text.length === 0) return { type: 'resolved-usage' };
        const cause = findCause(text);
        const resolution: Resolution = { text, by: message.author, at: (message.at ?? this.now()).toISOString() };
        if (cause) resolution.causeId = cause.id;
        if (!noThread) await this.store.setResolution(message.key, resolution);
        return cause ? { type: 'resolved', resolution, title: cause.title } : { type: 'resolved', resolution };
      }
    }
  }
}

/** A thread's evidence messages as clean inputs, each named by its place in the thread. */
function evidenceOf(messages: readonly StoredMessage[], name: (place: MessagePlace) => string): { source: string; text: string }[] {
  let evidence = 0;
  return messages.flatMap((m, i) => (m.kind === 'evidence' ? [{ source: name({ message: i + 1, evidence: ++evidence }), text: m.text }] : []));
}

function entriesOf(thread: ThreadRecord): ThreadEntry[] {
  return thread.messages.map((m, i) => ({
    n: i + 1,
    author: m.author,
    at: m.at,
    kind: m.kind,
    kinds: m.kind === 'evidence' ? kindsIn(m.text) : [],
    lines: m.text.split('\n').length,
  }));
}

/**
 * A catalogue cause named by its id, or by words: most of the words of its id
 * ("thread pool starvation") or of its title.
 */
function findCause(text: string): (typeof CAUSES)[number] | undefined {
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
