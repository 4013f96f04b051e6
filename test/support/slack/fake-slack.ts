/**
 * A fake Slack Web API on 127.0.0.1 for end-to-end tests: records every call (Web API methods
 * under /api/, response_url posts under /response/), answers like Slack, and can hold, fail or
 * rate-limit a method on demand. Files under /files/ are served with a bot-token check.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSocket } from './fake-socket';

export const BOT_USER_ID = 'U0BOT';
export const BOT_ID = 'B0BOT';
export const TEAM_ID = 'T0TEAM';

export interface RecordedCall {
  method: string;
  /** The URL path, e.g. /api/chat.postMessage or /response/cmd1. */
  path: string;
  params: Record<string, unknown>;
  /** The request exactly as received, for "this secret appears nowhere" checks. */
  raw: string;
  authorization?: string;
}

type Answer = { status?: number; headers?: Record<string, string>; body: Record<string, unknown> };

/** A message the fake accepted, as conversations.history / replies give it back. */
export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  user: string;
  bot_id: string;
  metadata?: unknown;
  /** Changed by chat.update since it was posted. */
  edited?: boolean;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private server: Server | undefined;
  private tsCounter = 1_700_000_000;
  private readonly queued = new Map<string, Answer[]>();
  private readonly holds = new Map<string, { waiting: (() => void)[]; after: boolean }>();
  /** Every message the fake accepted (processed), in order: what Slack would show. */
  readonly messages: StoredMessage[] = [];
  private readonly replies = new Map<string, Record<string, unknown>[]>();
  private readonly files = new Map<string, Buffer>();

  port = 0;
  /** The WebSocket end of Socket Mode, at the URL apps.connections.open answers. */
  readonly socket = new FakeSocket();
  /** The ts of the last message the fake accepted in each channel. */
  readonly postedTs = new Map<string, string>();

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.socket.attach(this.server);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const hold of this.holds.values()) hold.waiting.splice(0).forEach((go) => go());
    this.socket.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The recorded calls of one method ('response_url' for respond()). */
  of(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The next call of `method` gets this answer instead of the default (once per queued answer). */
  queue(method: string, answer: Answer): void {
    const list = this.queued.get(method) ?? [];
    list.push(answer);
    this.queued.set(method, list);
  }

  /**
   * Calls of `method` are recorded but not answered until `release`. By default a held call is
   * not processed either (it never reached Slack: a caller that gives up meanwhile posted
   * nothing); with `after`, the call is processed at once (the message is in the channel) and
   * only the answer is held (the caller does not learn that it landed).
   */
  hold(method: string, options: { after?: boolean } = {}): void {
    this.holds.set(method, { waiting: [], after: options.after === true });
  }

  private failing: string | undefined;

  /** Every Web API method answers `{ok: false, error}` (a revoked token) until called with undefined. */
  failAll(error: string | undefined): void {
    this.failing = error;
  }

  /** The messages the fake accepted in `channel` (the answers people would see). */
  delivered(channel: string): StoredMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  /** How many held calls wait for an answer. */
  waiting(method: string): number {
    return this.holds.get(method)?.waiting.length ?? 0;
  }

  release(method: string): void {
    const hold = this.holds.get(method);
    this.holds.delete(method);
    hold?.waiting.splice(0).forEach((go) => go());
  }

  /** What conversations.replies answers for a thread. */
  setReplies(ts: string, messages: Record<string, unknown>[]): void {
    this.replies.set(ts, messages);
  }

  /** A file served at url_private (returned) to requests with the bot token. */
  addFile(name: string, content: Buffer): string {
    this.files.set(name, content);
    return `http://127.0.0.1:${this.port}/files/${name}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/files/')) {
      const content = this.files.get(url.pathname.slice('/files/'.length));
      this.calls.push({ method: 'file_download', path: url.pathname, params: {}, raw, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      if (!content || req.headers.authorization !== 'Bearer xoxb-test') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(content);
      return;
    }
    const method = url.pathname.startsWith('/response/') ? 'response_url' : url.pathname.startsWith('/upload/') ? 'file_upload' : url.pathname.replace(/^\/api\//, '');
    const params = parseParams(raw, req.headers['content-type'] ?? '');
    this.calls.push({ method, path: url.pathname, params, raw, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const hold = this.holds.get(method);
    let answer: Answer | undefined;
    if (hold?.after) answer = this.answer(method, params);
    if (hold) await new Promise<void>((resolve) => hold.waiting.push(resolve));
    // A held call whose caller went away was never processed (see hold()).
    if (!answer && req.socket.destroyed) return;
    answer ??= this.answer(method, params);
    if (res.destroyed) return;
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
    res.end(JSON.stringify(answer.body));
  }

  private answer(method: string, params: Record<string, unknown>): Answer {
    if (this.failing && !['response_url', 'file_upload'].includes(method)) return { body: { ok: false, error: this.failing } };
    return this.queued.get(method)?.shift() ?? { body: this.defaultAnswer(method, params) };
  }

  /** A stored message as Slack lists it: metadata only when asked for. */
  private shown(m: StoredMessage, params: Record<string, unknown>): Record<string, unknown> {
    const { metadata, channel: _channel, ...rest } = m;
    const all = params.include_all_metadata === true || params.include_all_metadata === 'true';
    return all && metadata ? { ...rest, metadata } : rest;
  }

  private defaultAnswer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'diag502', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID };
      case 'chat.postMessage': {
        this.tsCounter += 1;
        const ts = `${this.tsCounter}.000100`;
        this.postedTs.set(String(params.channel), ts);
        const stored: StoredMessage = { channel: String(params.channel), ts, text: String(params.text ?? ''), user: BOT_USER_ID, bot_id: BOT_ID };
        if (params.thread_ts) stored.thread_ts = String(params.thread_ts);
        if (params.metadata) stored.metadata = params.metadata;
        this.messages.push(stored);
        return { ok: true, channel: params.channel, ts, message: { text: params.text } };
      }
      case 'chat.update': {
        // Like Slack: the message keeps its ts and place; its text, blocks and metadata change.
        const found = this.messages.find((m) => m.channel === params.channel && m.ts === params.ts);
        if (!found) return { ok: false, error: 'message_not_found' };
        found.text = String(params.text ?? '');
        if (params.metadata) found.metadata = params.metadata;
        found.edited = true;
        return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
      }
      case 'chat.delete': {
        const at = this.messages.findIndex((m) => m.channel === params.channel && m.ts === params.ts);
        if (at < 0) return { ok: false, error: 'message_not_found' };
        this.messages.splice(at, 1);
        return { ok: true, channel: params.channel, ts: params.ts };
      }
      case 'conversations.history': {
        const top = this.messages.filter((m) => m.channel === params.channel && (m.thread_ts === undefined || m.thread_ts === m.ts));
        return { ok: true, messages: top.reverse().map((m) => this.shown(m, params)), has_more: false };
      }
      case 'chat.getPermalink':
        return { ok: true, channel: params.channel, permalink: `https://example.slack.com/archives/${String(params.channel)}/p${String(params.message_ts).replace('.', '')}` };
      case 'apps.connections.open':
        // Served by this.socket (the HTTP server's upgrade handler).
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/F0REPORT`, file_id: 'F0REPORT' };
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F0REPORT', title: params.title }] };
      case 'conversations.replies': {
        const ours = this.messages.filter((m) => m.channel === params.channel && m.thread_ts === String(params.ts)).map((m) => this.shown(m, params));
        return { ok: true, messages: [...(this.replies.get(String(params.ts)) ?? []), ...ours], has_more: false };
      }
      default:
        return { ok: true };
    }
  }
}

function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const params: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    // The Web API client sends objects (blocks, metadata) as JSON inside the form.
    params[name] = value.startsWith('[') || value.startsWith('{') ? safeJson(value) : value;
  }
  return params;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
