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
import type { TeamMemory } from './store/team-memory';
import { fixedByOf, memoryEntryOf, recallFor } from './memory';
import { kindsIn } from './classify';
import { compareDiagnoses, snapshotOf } from './change';
import { inlineEngine, type Analysis, type Engine } from './engine';
import type { Reply, ThreadEntry } from './replies';
import { threadId } from './types';
import type { DiagnosisSnapshot, Feedback, MemoryEntry, Resolution, StoredMessage, ThreadKey, ThreadRecord } from './types';

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
  /** Where the team's memory is kept: the store by default; the CLI and console may give a file. */
  memory?: TeamMemory;
  /**
   * A link to a thread, for "seen before" answers (Slack: a permalink). Undefined, or a failure,
   * just leaves the link out: memory never depends on it.
   */
  linkTo?: (key: ThreadKey) => Promise<string | undefined>;
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
  private readonly memory: TeamMemory;
  private readonly linkTo: ((key: ThreadKey) => Promise<string | undefined>) | undefined;

  constructor(
    private readonly store: Store,
    options: ConversationOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.sourceName = options.sourceName ?? messageSource;
    this.engine = options.engine ?? inlineEngine;
    this.memory = options.memory ?? store;
    this.linkTo = options.linkTo;
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
        return this.withMemory({ type: 'diagnosis', diagnosis, change, truncated: analysis.clean.truncated }, message.key, threadId(message.key));
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
        // No thread yet, so none to leave out of what is recalled.
        return this.withMemory(
          { type: 'diagnosis', diagnosis: analysis.diagnosis!, change: compareDiagnoses(undefined, analysis.diagnosis!), truncated: analysis.clean.truncated },
          message.key,
          undefined,
        );
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
        const reply: Reply = cause ? { type: 'resolved', resolution, title: cause.title } : { type: 'resolved', resolution };
        const remembered = noThread ? undefined : await this.rememberResolution(message.key, resolution);
        if (remembered) reply.remembered = remembered;
        return reply;
      }
      case 'memory':
        return { type: 'memory', entries: await this.memory.listMemory(message.key.team) };
      case 'forget':
        return { type: 'forgot', id: command.argument, found: command.argument !== '' && (await this.memory.forget(message.key.team, command.argument)) };
    }
  }

  // ── The team's memory ──────────────────────────────────────────────────────────────────────

  /**
   * Records a verdict on the thread's diagnosis (the Slack buttons): as thread feedback, and, when
   * the thread's last diagnosis has a fingerprint, in the team's memory. Returns the entry kept.
   */
  async feedback(key: ThreadKey, feedback: Omit<Feedback, 'at'> & { at?: Date }): Promise<MemoryEntry | undefined> {
    const at = (feedback.at ?? this.now()).toISOString();
    await this.store.addFeedback(key, { causeId: feedback.causeId, verdict: feedback.verdict, by: feedback.by, at });
    const snapshot = (await this.store.getThread(key))?.snapshot;
    if (!snapshot?.fingerprint) return undefined;
    const named = CAUSES.find((c) => c.id === feedback.causeId);
    const entry = await this.entryFor(key, snapshot, feedback.verdict, { causeId: named?.id ?? snapshot.fingerprint.cause, by: feedback.by, at });
    if (feedback.verdict === 'confirmed') {
      // A click after `resolved` must not drop the words the team wrote there.
      const earlier = (await this.memory.recall(key.team, entry.key)).find((e) => e.id === entry.id);
      if (earlier?.fixedBy) entry.fixedBy = earlier.fixedBy;
    }
    await this.memory.remember(entry);
    return entry;
  }

  /** The reply with what the team's memory recalls for its diagnosis, when anything. */
  private async withMemory(reply: Extract<Reply, { type: 'diagnosis' }>, key: ThreadKey, thread: string | undefined): Promise<Reply> {
    const recalled = await recallFor(this.memory, key.team, reply.diagnosis.fingerprint, thread);
    return recalled ? { ...reply, memory: recalled } : reply;
  }

  /** `resolved …` in a thread whose diagnosis has a fingerprint: a confirmed entry with the team's words. */
  private async rememberResolution(key: ThreadKey, resolution: Resolution): Promise<MemoryEntry | undefined> {
    const snapshot = (await this.store.getThread(key))?.snapshot;
    if (!snapshot?.fingerprint) return undefined;
    const causeId = resolution.causeId ?? snapshot.fingerprint.cause;
    const entry = await this.entryFor(key, snapshot, 'confirmed', { causeId, by: resolution.by, at: resolution.at });
    const fixedBy = fixedByOf(resolution.text, resolution.causeId);
    if (fixedBy) entry.fixedBy = fixedBy;
    await this.memory.remember(entry);
    return entry;
  }

  private async entryFor(key: ThreadKey, snapshot: DiagnosisSnapshot, verdict: MemoryEntry['verdict'], said: { causeId: string; by: string; at: string }): Promise<MemoryEntry> {
    const title = CAUSES.find((c) => c.id === said.causeId)?.title ?? snapshot.causes.find((c) => c.id === said.causeId)?.title ?? said.causeId;
    const link = await this.linkTo?.(key).catch(() => undefined);
    return memoryEntryOf({ team: key.team, thread: threadId(key), fingerprint: snapshot.fingerprint!, verdict, causeId: said.causeId, title, by: said.by, at: said.at, ...(link ? { link } : {}) });
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
