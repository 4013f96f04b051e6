/**
 * Works one accepted request through to its answer, durably:
 *
 *   pending   the request is stored (redacted): a crash from here on loses nothing
 *   answered  the conversation layer has answered; the rendered answers are stored with the job
 *   posting   an answer is being posted: if the process dies now, whoever resumes the job first
 *             asks Slack whether that answer landed (each answer carries its job id in its
 *             message metadata) and posts it only if it did not
 *   done      every answer is posted (or nothing needed saying); kept a day as a processed record
 *
 * The job is leased while it is worked on, and the lease is renewed; a lease that runs out (the
 * process died) lets another process, or this one after a restart, resume the job. Its thread is
 * leased too (Store.acquireThread), for as long as the job is worked on: with several replicas on
 * one store, two requests in one thread are then worked on one after the other even when they
 * reached different processes, and the later one sees the earlier one's evidence. When Slack is
 * unreachable after the call-level retries, the job keeps its answers and is tried again later
 * (each try logged), then given up with a clear log line.
 */
import type { Logger } from '@slack/bolt';
import type { Conversation, Draft, IncomingMessage } from '../../conversation/conversation';
import type { Engine } from '../../conversation/engine';
import type { Reply } from '../../conversation/replies';
import type { Store } from '../../conversation/store/store';
import type { Job } from '../../conversation/types';
import { slackKey, stripMentions } from '../deps';
import { readAttachedFiles, type AttachedFile } from '../files';
import { postFailure, postMessage, respondTo, updateMessage, type Poster, type SlackMessage } from '../post';
import { renderReply } from '../render';
import { SlackCallError, type SlackApi } from '../web-api';
import { findPosted } from './already-posted';
import { ProgressNotes, progressLine } from './progress';
import { answerPlace, laneOf, payloadSchema, progressSchema, resultSchema, type Answer, type JobPayload, type JobProgress, type JobResult, type SlackRequest } from './requests';
import { nextTurn } from './scheduler';

interface RunnerOptions {
  store: Store;
  conversation: Conversation;
  engine: Engine;
  api: SlackApi;
  logger: Logger;
  /** This process's lease owner id (see owner.ts). */
  owner: string;
  token: string;
  botUserId: string;
  leaseMs: number;
  /** Waits before each delivery retry when Slack stays unreachable; then the job is given up. */
  retryDelaysMs: readonly number[];
  /** Drops the secrets a rendered message might still carry (the redaction guard on every exit). */
  guard: (message: SlackMessage) => SlackMessage;
}

/** Short reasons for the Slack errors a person can do something about. */
const REASONS: Record<string, string> = {
  channel_not_found: 'I cannot see this channel. Invite me with `/invite @diag502` and ask again.',
  not_in_channel: 'I am not a member of this channel. Invite me with `/invite @diag502` and ask again.',
  is_archived: 'This channel is archived, so I cannot post my answer here.',
  not_stored: 'my store is unavailable, so I could not take your request. Please ask again in a few minutes.',
  invalid_blocks: 'Slack refused the formatting of my answer.',
  msg_too_long: 'My answer was too long for one Slack message.',
};

/** Errors that mean "not here": a slash command's answer then goes privately to the caller. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

const INVITE_LINE = 'I cannot post in this channel: invite me with /invite @diag502, or read the answer here.';

/** How often a job waiting for its thread (held by another process) asks again. */
const THREAD_POLL_MS = 150;

/** The request could not be stored (the store is down or refuses writes): nothing was accepted. */
export class NotStoredError extends Error {
  override readonly name = 'NotStoredError';
}

export class Runner {
  /** Slash commands' drafts, kept in memory until their answer is posted and adopted. */
  private readonly drafts = new Map<string, Draft>();
  private readonly poster: Poster;
  private readonly progressNotes: ProgressNotes;
  /** Progress messages of the jobs being worked on here, to count lines into once files are read. */
  private readonly placeholders = new Map<string, { channel: string; ts: string }>();

  constructor(private readonly o: RunnerOptions) {
    this.poster = { api: o.api, token: o.token, logger: o.logger };
    this.progressNotes = new ProgressNotes(o.api, o.logger);
  }

  /**
   * Stores a request just acked (after cleaning its text) and answers it. Returns false when the
   * store already had it: a redelivered event or a replayed command, answered once.
   */
  async accept(request: SlackRequest): Promise<boolean> {
    const clean = await this.o.engine.clean(request.text, true);
    const payload: JobPayload = { request: { ...request, text: clean.text }, redactions: clean.redactions, truncated: clean.truncated };
    const job = { id: request.id, lane: laneOf(request), payload };
    let accepted: boolean;
    try {
      accepted = await this.o.store.acceptJob(job, this.o.owner, this.o.leaseMs);
    } catch (error) {
      throw new NotStoredError((error as Error)?.message ?? String(error), { cause: error });
    }
    if (!accepted) return false;
    await this.run({ ...job, state: 'pending', attempts: 0, acceptedAt: new Date().toISOString(), owner: this.o.owner });
    return true;
  }

  /** Works a job this process holds the lease of, from whatever state it is in. */
  async run(job: Job): Promise<void> {
    const parsed = payloadSchema.safeParse(job.payload);
    const stored = job.result === undefined ? undefined : resultSchema.safeParse(job.result);
    if (!parsed.success || (stored && !stored.success)) {
      this.o.logger.error(`diag502: job ${job.id} was stored by a version that wrote it differently; dropped`);
      await this.o.store.finishJob(job.id, this.o.owner, 'failed');
      return;
    }
    // A job that waited in the queue may have lost its lease meanwhile: then it is someone else's.
    if (!(await this.o.store.renewJob(job.id, this.o.owner, this.o.leaseMs))) return;
    const payload = parsed.data;
    let result = stored?.data;
    const lease = this.keepLease(job.id, job.lane);
    const stage = progressSchema.safeParse(job.progress);
    const progress: JobProgress = stage.success ? stage.data : { delivered: 0 };
    try {
      if (!(await this.holdThread(job.lane, lease))) {
        // Another process kept the thread all along: this job goes back to the store and is claimed again shortly.
        this.o.logger.info(`diag502: job ${job.id} waits: another worker is still on its thread`);
        await this.o.store.updateJob(job.id, this.o.owner, { notBefore: new Date(Date.now() + THREAD_POLL_MS), release: true });
        return;
      }
      if (job.state === 'pending' || !result) {
        if (!progress.placeholder && !(await this.showProgress(job, payload, progress))) return;
        if (progress.placeholder) this.placeholders.set(job.id, progress.placeholder);
        result = { answers: await this.work(payload, job.id) };
        if (lease.lost() || !(await this.o.store.updateJob(job.id, this.o.owner, { state: 'answered', result }))) return;
      }
      await this.deliver(job, payload, result, progress, lease);
    } catch (error) {
      await this.failed(job, payload, result, error, progress);
    } finally {
      lease.stop();
      this.drafts.delete(job.id);
      this.placeholders.delete(job.id);
      if (lease.threadHeld) await this.o.store.releaseThread(job.lane, this.o.owner).catch(() => undefined);
    }
  }

  /**
   * For a large paste or any file: says "Reading …" at once (progress.ts), and records the message
   * with the job, so a resumed job replaces the same message. False when the lease was lost.
   */
  private async showProgress(job: Job, payload: JobPayload, progress: JobProgress): Promise<boolean> {
    const request = payload.request;
    const target = answerPlace(request);
    const line = target ? progressLine(request) : undefined;
    if (!target || !line) return true;
    const shown = await this.progressNotes.show(request, target, line, withRequestTag({ text: line, blocks: [] }, `${job.id}#progress`).metadata);
    if (shown?.via !== 'message') return true;
    progress.placeholder = { channel: target.channel, ...(target.threadTs ? { threadTs: target.threadTs } : {}), ts: shown.ts };
    return this.o.store.updateJob(job.id, this.o.owner, { progress });
  }

  /**
   * Waits (renewing the job's lease meanwhile) until this process holds the job's thread, for at
   * most one lease term: a holder that died lets go by then; one that is alive and still busy
   * after that long is left alone and the job is tried again later.
   */
  private async holdThread(lane: string, lease: Lease): Promise<boolean> {
    const deadline = Date.now() + this.o.leaseMs;
    for (;;) {
      if (await this.o.store.acquireThread(lane, this.o.owner, this.o.leaseMs)) {
        lease.threadHeld = true;
        return true;
      }
      if (lease.lost() || Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, THREAD_POLL_MS));
    }
  }

  /** Tells the asker privately that the request could not even be stored, so no answer will come. */
  async tellNotStored(request: SlackRequest): Promise<void> {
    await this.tellAsker(request, 'not_stored');
  }

  /** The conversation layer's answers to the request, rendered (and guarded) for Slack. */
  private async work(payload: JobPayload, jobId: string): Promise<Answer[]> {
    const request = payload.request;
    await nextTurn();
    switch (request.kind) {
      case 'command': {
        const message = this.incoming(request, `command-${request.id}`, request.user, request.text);
        const draft = await this.o.conversation.draft(message);
        if (!draft.reply) return [];
        this.drafts.set(request.id, draft);
        if (request.private) return [this.answer({ via: 'respond', url: request.responseUrl }, draft.reply)];
        return [{ ...this.answer({ via: 'post', channel: request.channel }, draft.reply, { user: request.user, evidence: request.text }), startsThread: true }];
      }
      case 'mention': {
        const root = request.threadTs ?? request.ts;
        const key = slackKey(request.team, request.channel, root);
        const target = { via: 'post' as const, ...answerPlace(request)! };
        const { text, notes } = await this.withFiles(request, jobId);
        const messages: IncomingMessage[] = [];
        if (request.threadTs && request.threadTs !== request.ts && !(await this.o.store.getThread(key))) {
          const parent = await this.parentMessage(request.channel, request.threadTs);
          if (parent) messages.push({ key, messageId: parent.ts, author: parent.user ?? 'unknown', text: parent.text, addressed: true, slack: true });
        }
        messages.push({ key, messageId: request.ts, author: request.user ?? 'unknown', text, cleaned: true, addressed: true, slack: true });
        return [...this.notes(target, notes), ...(await this.threadAnswers(target, messages))];
      }
      case 'message': {
        const inThread = request.threadTs !== undefined && request.threadTs !== request.ts;
        const root = inThread ? request.threadTs! : request.im ? 'dm' : request.ts;
        const key = slackKey(request.team, request.channel, root);
        const target = { via: 'post' as const, ...answerPlace(request)! };
        const { text, notes } = await this.withFiles(request, jobId);
        const answers = await this.threadAnswers(target, [{ key, messageId: request.ts, author: request.user, text, cleaned: true, addressed: request.im, slack: true }]);
        return answers.length > 0 || request.im ? [...this.notes(target, notes), ...answers] : [];
      }
      case 'shortcut': {
        const root = request.threadTs ?? request.messageTs;
        const key = slackKey(request.team, request.channel, root);
        const target = { via: 'post' as const, ...answerPlace(request)! };
        return this.threadAnswers(target, [{ key, messageId: request.messageTs, author: request.author, text: request.text, cleaned: true, addressed: true, slack: true }]);
      }
    }
  }

  private incoming(request: SlackRequest, thread: string, author: string, text: string): IncomingMessage {
    return { key: slackKey(request.team, request.channel, thread), messageId: request.id, author, text, cleaned: true, addressed: true, slack: true };
  }

  /**
   * Feeds `messages` in order (a thread's parent first) and answers with each reply, except a
   * bare "no evidence" next to a diagnosis (a mention saying "look at this" under a parent paste).
   */
  private async threadAnswers(target: Answer['target'], messages: IncomingMessage[]): Promise<Answer[]> {
    const replies: Reply[] = [];
    for (const message of messages) {
      const reply = await this.o.conversation.handle(message, { replay: true });
      if (reply) replies.push(reply);
    }
    const diagnosed = replies.some((r) => r.type === 'diagnosis');
    return replies.filter((r) => !(diagnosed && r.type === 'no-evidence')).map((r) => this.answer(target, r));
  }

  private answer(target: Answer['target'], reply: Reply, asked: { user?: string; evidence?: string } = {}): Answer {
    const message = this.o.guard(renderReply(reply, asked));
    return { target, message: { text: message.text, blocks: message.blocks, ...(message.metadata ? { metadata: message.metadata } : {}), ...(message.overflow ? { overflow: message.overflow } : {}), ...(message.chart ? { chart: message.chart } : {}) } };
  }

  /** The notes about attached files, as one short message before the answer (none when all were read). */
  private notes(target: Answer['target'], notes: string[]): Answer[] {
    return notes.length === 0 ? [] : [{ target, message: this.o.guard({ text: notes.join('\n'), blocks: [] }), note: true }];
  }

  /**
   * The message text with its attached files read (and cleaned), plus notes on files not read.
   * A progress message, when there is one, then says how many lines it is reading.
   */
  private async withFiles(request: SlackRequest & { files?: AttachedFile[] }, jobId: string): Promise<{ text: string; notes: string[] }> {
    const { text, files } = request;
    if (!files || files.length === 0) return { text, notes: [] };
    const read = await readAttachedFiles(files, { token: this.o.token, hosts: this.o.api.hosts });
    const placeholder = this.placeholders.get(jobId);
    if (placeholder && read.text !== '') await this.progressNotes.update(placeholder.channel, placeholder.ts, progressLine(request, read)!);
    if (read.text === '') return { text, notes: read.notes };
    const clean = await this.o.engine.clean(read.text, false);
    return { text: text === '' ? clean.text : `${text}\n${clean.text}`, notes: read.notes };
  }

  /** The thread's first message, or undefined (no history scope, deleted, or a bot's own post). */
  private async parentMessage(channel: string, ts: string): Promise<{ ts: string; text: string; user?: string } | undefined> {
    try {
      const result = await this.o.api.call<{ messages?: { ts?: string; text?: string; user?: string; bot_id?: string }[] }>('conversations.replies', { channel, ts, limit: 1 });
      const first = result.messages?.[0];
      if (!first || first.bot_id || typeof first.text !== 'string' || first.text.trim() === '') return undefined;
      return { ts: first.ts ?? ts, text: stripMentions(first.text), ...(first.user ? { user: first.user } : {}) };
    } catch (error) {
      this.o.logger.warn(`diag502: could not read the thread's parent message: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Posts the answers not delivered yet, in order, recording each one as it lands. */
  private async deliver(job: Job, payload: JobPayload, result: JobResult, progress: JobProgress, lease: Lease): Promise<void> {
    let resumedMidPost = job.state === 'posting';
    const replacing = placeholderAnswer(result, progress);
    for (let i = progress.delivered; i < result.answers.length; i += 1) {
      if (lease.lost()) return;
      const answer = result.answers[i]!;
      const tag = `${job.id}#${i}`;
      let ts: string | undefined;
      if (i === replacing && progress.placeholder) {
        // Replacing the progress message in place is safe to repeat after a crash: no duplicate.
        resumedMidPost = false;
        if (!(await this.o.store.updateJob(job.id, this.o.owner, { state: 'posting' }))) return;
        ts = await updateMessage(this.poster, progress.placeholder, withRequestTag(answer.message, tag));
      }
      if (resumedMidPost && ts === undefined && answer.target.via === 'post') ts = await findPosted(this.o.api, this.o.logger, answer.target, tag, this.o.botUserId, job.acceptedAt);
      resumedMidPost = false;
      if (ts === undefined) {
        if (!(await this.o.store.updateJob(job.id, this.o.owner, { state: 'posting' }))) return;
        ts = await this.send(answer, tag, payload);
      }
      if (answer.startsThread && ts) {
        progress.threadTs = ts;
        await this.adopt(job.id, payload, ts);
      }
      progress.delivered = i + 1;
      if (!(await this.o.store.updateJob(job.id, this.o.owner, { state: 'answered', progress }))) return;
    }
    // Nothing replaced the progress message (nothing needed saying): it goes, rather than hang on.
    if (replacing === undefined && progress.placeholder) await this.progressNotes.remove(progress.placeholder.channel, progress.placeholder.ts);
    await this.o.store.finishJob(job.id, this.o.owner, 'done');
  }

  /** Delivers one answer; returns the posted message's ts (none for a response_url answer). */
  private async send(answer: Answer, tag: string, payload: JobPayload): Promise<string | undefined> {
    const message = withRequestTag(answer.message, tag);
    if (answer.target.via === 'respond') {
      await respondTo(this.poster, answer.target.url, ephemeral(message));
      return undefined;
    }
    const target = answer.target;
    try {
      return await postMessage(this.poster, { channel: target.channel, ...(target.threadTs ? { threadTs: target.threadTs } : {}) }, message);
    } catch (error) {
      // A slash command in a channel the bot cannot post in: the caller gets the answer privately.
      const request = payload.request;
      if (answer.startsThread && request.kind === 'command' && error instanceof SlackCallError && CANNOT_POST.has(error.code)) {
        this.o.logger.warn(`diag502: /diag502 could not post in ${target.channel}: ${error.code}`);
        await respondTo(this.poster, request.responseUrl, ephemeral(message, INVITE_LINE));
        return undefined;
      }
      throw error;
    }
  }

  /** Files a slash command's message and diagnosis under the thread its answer started. */
  private async adopt(jobId: string, payload: JobPayload, ts: string): Promise<void> {
    const request = payload.request;
    if (request.kind !== 'command') return;
    const key = slackKey(request.team, request.channel, ts);
    const draft = this.drafts.get(jobId);
    if (draft) await this.o.conversation.adopt(draft, key);
    else await this.o.conversation.handle(this.incoming(request, ts, request.user, request.text), { replay: true });
  }

  /** A failed job: retried later while Slack may come back, else ended with the asker told. */
  private async failed(job: Job, payload: JobPayload, result: JobResult | undefined, error: unknown, progress: JobProgress): Promise<void> {
    const request = payload.request;
    const failure = error instanceof SlackCallError ? error : undefined;
    const code = failure?.code ?? ((error as Error)?.stack ?? String(error)).split('\n').slice(0, 3).join(' | ');
    const attempts = job.attempts + 1;
    if (failure?.retryable && result && attempts <= this.o.retryDelaysMs.length) {
      const delay = this.o.retryDelaysMs[attempts - 1]!;
      this.o.logger.warn(`diag502: job ${job.id}: ${failure.message}; its answer is kept and will be tried again in ${Math.round(delay / 1000)} s (attempt ${attempts} of ${this.o.retryDelaysMs.length})`);
      // The state stays as it is: a post that failed half-way ('posting') is checked for before the next try.
      await this.o.store.updateJob(job.id, this.o.owner, { attempts, notBefore: new Date(Date.now() + delay), release: true });
      return;
    }
    if (!failure) {
      // A bug, not Slack: logged for the operator; the asker hears that something went wrong.
      this.o.logger.error(`diag502: job ${job.id} (${request.kind} in ${request.channel}) failed: ${code}`);
      await this.tellAsker(request, 'internal');
    } else if (failure.retryable) {
      this.o.logger.error(`diag502: job ${job.id}: gave up after ${attempts} attempts: ${failure.message}; the answer for ${request.kind} in ${request.channel} was not delivered`);
    } else {
      this.o.logger.error(`diag502: ${postFailure(code, request.channel, failure.method)}`);
      await this.tellAsker(request, code);
    }
    // A "Reading …" message must not promise an answer that will not come.
    if (progress.placeholder) await this.progressNotes.update(progress.placeholder.channel, progress.placeholder.ts, 'I could not finish reading this (the reason is logged). Ask again in a moment.');
    await this.o.store.finishJob(job.id, this.o.owner, 'failed');
  }

  /** Tells the asker privately that the answer could not be posted (when Slack lets us). */
  private async tellAsker(request: SlackRequest, code: string): Promise<void> {
    const user = request.user;
    if (!user) return;
    const reason = REASONS[code] ?? (code === 'internal' ? 'something went wrong on my side (it is logged). Try again in a moment.' : `Slack refused my answer (${code}).`);
    const threadTs = request.kind === 'command' ? undefined : request.kind === 'shortcut' ? (request.threadTs ?? request.messageTs) : (request.threadTs ?? request.ts);
    try {
      await this.o.api.call('chat.postEphemeral', { channel: request.channel, user, ...(threadTs ? { thread_ts: threadTs } : {}), text: `diag502 could not post its answer: ${reason}` });
    } catch (error) {
      this.o.logger.warn(`diag502: ${postFailure(error instanceof SlackCallError ? error.code : String(error), request.channel, 'chat.postEphemeral')}`);
    }
  }

  /**
   * Renews the job's lease (and its thread's, once held) every third of its term until stopped;
   * notes when either was lost.
   */
  private keepLease(id: string, lane: string): Lease {
    let lost = false;
    const lose = (what: string): void => {
      if (lost) return;
      lost = true;
      this.o.logger.warn(`diag502: lost the lease on ${what}; another worker will finish it`);
    };
    const lease: Lease = { threadHeld: false, lost: () => lost, stop: () => clearInterval(timer) };
    const timer = setInterval(() => {
      void this.o.store.renewJob(id, this.o.owner, this.o.leaseMs).then(
        (held) => (held ? undefined : lose(`job ${id}`)),
        () => undefined,
      );
      if (lease.threadHeld) {
        void this.o.store.acquireThread(lane, this.o.owner, this.o.leaseMs).then(
          (held) => (held ? undefined : lose(`the thread of job ${id}`)),
          () => undefined,
        );
      }
    }, Math.max(1000, Math.floor(this.o.leaseMs / 3)));
    timer.unref();
    return lease;
  }
}

interface Lease {
  /** True once this job holds its thread's lease (renewed and released with the job's). */
  threadHeld: boolean;
  lost(): boolean;
  stop(): void;
}

/** Which answer replaces the progress message: the first one posted to its channel and thread that is not a note. */
function placeholderAnswer(result: JobResult, progress: JobProgress): number | undefined {
  const at = progress.placeholder;
  if (!at) return undefined;
  const index = result.answers.findIndex((a) => !a.note && a.target.via === 'post' && a.target.channel === at.channel && (a.target.threadTs ?? '') === (at.threadTs ?? ''));
  return index < 0 ? undefined : index;
}

/** The message with its job tag in the metadata, so a resumed job can find it in the channel. */
function withRequestTag(message: Answer['message'], tag: string): SlackMessage {
  const metadata = message.metadata as { event_type?: string; event_payload?: Record<string, unknown> } | undefined;
  const tagged = metadata?.event_type
    ? { event_type: metadata.event_type, event_payload: { ...(metadata.event_payload ?? {}), request: tag } }
    : { event_type: 'diag502_reply', event_payload: { schema: 1, request: tag } };
  return { ...message, metadata: tagged };
}

/** A response_url answer only the caller sees; `note` goes first, in the text and as a block. */
export function ephemeral(message: SlackMessage, note?: string): Record<string, unknown> {
  const text = note ? `${note}\n${message.text}` : message.text;
  const blocks = note ? [{ type: 'section', text: { type: 'mrkdwn', text: note } }, ...message.blocks] : message.blocks;
  return { response_type: 'ephemeral', replace_original: false, text, blocks, ...(message.metadata ? { metadata: message.metadata } : {}) };
}
