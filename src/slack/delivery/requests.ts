/**
 * What a listener hands over after its ack, and what the store keeps of it until it is answered.
 * A request carries the person's raw text; before it is stored, the text is cleaned (normalized
 * and redacted) and the request becomes a job payload. Payloads come back from a store written
 * by this or an earlier version, so they are validated on the way in.
 */
import { z } from 'zod';

const file = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
  url_private: z.string().optional(),
  url_private_download: z.string().optional(),
  size: z.number().optional(),
});

const common = {
  /** `event:<event_id>` or `trigger:<trigger_id>`: the job id, unique per request. */
  id: z.string(),
  team: z.string(),
  channel: z.string(),
  text: z.string(),
};

const requestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), ...common, user: z.string(), private: z.boolean(), responseUrl: z.string() }),
  z.object({ kind: z.literal('mention'), ...common, ts: z.string(), threadTs: z.string().optional(), user: z.string().optional(), files: z.array(file).optional() }),
  z.object({ kind: z.literal('message'), ...common, ts: z.string(), threadTs: z.string().optional(), im: z.boolean(), user: z.string(), files: z.array(file).optional() }),
  z.object({ kind: z.literal('shortcut'), ...common, messageTs: z.string(), threadTs: z.string().optional(), author: z.string(), user: z.string(), responseUrl: z.string() }),
]);

export type SlackRequest = z.infer<typeof requestSchema>;

/** Where an answer goes. */
const targetSchema = z.discriminatedUnion('via', [
  z.object({ via: z.literal('post'), channel: z.string(), threadTs: z.string().optional() }),
  z.object({ via: z.literal('respond'), url: z.string() }),
]);

/** An answer worked out and waiting to be delivered: the rendered Slack message, redacted. */
const answerSchema = z.object({
  target: targetSchema,
  message: z.object({ text: z.string(), blocks: z.array(z.unknown()), metadata: z.unknown().optional(), overflow: z.unknown().optional(), chart: z.unknown().optional() }),
  /** A slash command's channel answer: its ts becomes the thread the evidence is filed under. */
  startsThread: z.boolean().optional(),
  /** A note about attached files, said before the answer: never the message a progress note turns into. */
  note: z.boolean().optional(),
});
export type Answer = z.infer<typeof answerSchema>;

/** The stored request: written once, at acceptance. */
export const payloadSchema = z.object({
  request: requestSchema,
  /** How many secret values were masked in the text. */
  redactions: z.number(),
  truncated: z.boolean(),
});
export type JobPayload = z.infer<typeof payloadSchema>;

/** The answers, once worked out (state `answered`): written once. */
export const resultSchema = z.object({ answers: z.array(answerSchema) });
export type JobResult = z.infer<typeof resultSchema>;

/** How far delivery got: small, rewritten after every answer. */
export const progressSchema = z.object({
  /** How many answers Slack has accepted. */
  delivered: z.number(),
  /** The ts of the answer that started the thread, once posted (slash commands). */
  threadTs: z.string().optional(),
  /**
   * A "Reading …" message posted while a large request was worked on (progress.ts): the first
   * answer to its channel and thread replaces it in place instead of being posted.
   */
  placeholder: z.object({ channel: z.string(), threadTs: z.string().optional(), ts: z.string() }).optional(),
});
export type JobProgress = z.infer<typeof progressSchema>;

/**
 * Where a request's answer is posted in its channel: a thread (a mention's, a shortcut's, a
 * followed thread's), the channel itself (a slash command starts its own thread; a direct
 * message), or nowhere for a private slash command, answered through its response_url.
 */
export function answerPlace(request: SlackRequest): { channel: string; threadTs?: string } | undefined {
  switch (request.kind) {
    case 'command':
      return request.private ? undefined : { channel: request.channel };
    case 'mention':
      return { channel: request.channel, threadTs: request.threadTs ?? request.ts };
    case 'message': {
      const inThread = request.threadTs !== undefined && request.threadTs !== request.ts;
      return inThread ? { channel: request.channel, threadTs: request.threadTs } : { channel: request.channel };
    }
    case 'shortcut':
      return { channel: request.channel, threadTs: request.threadTs ?? request.messageTs };
  }
}

/** The thread a request belongs to: its jobs run one at a time, in order. */
export function laneOf(request: SlackRequest): string {
  switch (request.kind) {
    case 'command':
      // A new thread every time (the answer's ts); the lane only needs to be unique.
      return `${request.team}:${request.channel}:${request.id}`;
    case 'mention':
      return `${request.team}:${request.channel}:${request.threadTs ?? request.ts}`;
    case 'message':
      return `${request.team}:${request.channel}:${request.threadTs ?? (request.im ? 'dm' : request.ts)}`;
    case 'shortcut':
      return `${request.team}:${request.channel}:${request.threadTs ?? request.messageTs}`;
  }
}
