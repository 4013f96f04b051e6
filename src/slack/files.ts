/**
 * Files and snippets attached to a message (a log too long to paste). Every field of a file object
 * is user input, so before anything is fetched: the URL must be a file path on Slack's file host
 * (the token is never sent elsewhere, not to the Web API, nor over plain http), the type must be
 * text, and the declared size within the cap.
 * Redirects are followed by hand, each hop checked the same way. A download has a total time limit
 * and a byte cap; a file that fails any of this is named in a note, and the rest of the message is
 * still answered.
 */
import { LIMITS, formatBytes } from '../evidence/limits';
import { escapeText } from './blocks/mrkdwn';
import type { SlackHosts } from './slack-hosts';

export interface AttachedFile {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  url_private?: string;
  url_private_download?: string;
  size?: number;
}

interface ReadFiles {
  /** The text of every readable file, in order, each after a "file NAME" line. */
  text: string;
  /** One sentence per file that was cut or skipped, for the person who sent it (mrkdwn-safe). */
  notes: string[];
  /** Lines read from the files (their own lines, not the "file NAME" ones). */
  lines: number;
}

interface DownloadOptions {
  token: string;
  hosts: SlackHosts;
  /** Bytes read from all files together. */
  capBytes?: number;
  /** Wall time for one file, redirects and body included. */
  timeoutMs?: number;
  maxRedirects?: number;
}

/** Defaults: a file's whole download, redirects included, and how many redirects it may take. */
export const DOWNLOAD_LIMITS = { timeoutMs: 15_000, maxRedirects: 5 } as const;

/** Longest file name shown in a note. */
const MAX_NAME = 80;

/** Media types a log or a config file may come as; anything else is not read. */
const TEXT_TYPES = /^(?:text\/[\w.+-]+|application\/(?:json|xml|x-yaml|yaml|octet-stream|x-ndjson|javascript|x-sh|x-httpd-php|x-log)|)$/i;

class DownloadRefused extends Error {}

/** Lines in a text, a final newline ending the last one rather than starting another. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines += 1;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** A file name (or title) as a note may show it: user text, escaped like a paste and cut short. */
export function fileLabel(file: AttachedFile): string {
  const raw = (file.name ?? file.title ?? 'file').replace(/[\r\n\t]+/g, ' ').trim() || 'file';
  const short = raw.length > MAX_NAME ? `${raw.slice(0, MAX_NAME - 1)}…` : raw;
  return `"${escapeText(short)}"`;
}

/** The size Slack declares for a file, or undefined when it is missing or not a byte count. */
function declaredSize(file: AttachedFile): number | undefined {
  const size = file.size;
  return typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : undefined;
}

function typeOf(file: AttachedFile): string {
  return (file.mimetype ?? '').trim().toLowerCase();
}

/**
 * Reads the attached files, at most `capBytes` in total (LIMITS.maxPasteBytes by default). A file
 * Slack declares larger than the cap is not downloaded; one that turns out larger is read up to
 * it. Either is named in `notes`; a refused, failed or slow download too.
 */
export async function readAttachedFiles(files: readonly AttachedFile[], options: DownloadOptions): Promise<ReadFiles> {
  const capBytes = options.capBytes ?? LIMITS.maxPasteBytes;
  const parts: string[] = [];
  const notes: string[] = [];
  let lines = 0;
  let budget = capBytes;
  for (const file of files) {
    const label = fileLabel(file);
    const url = file.url_private_download ?? file.url_private;
    if (!url) continue;
    const type = typeOf(file);
    if (!TEXT_TYPES.test(type)) {
      notes.push(`I skipped ${label}: it is ${escapeText(type.slice(0, 60))}, not a text log or config file.`);
      continue;
    }
    if (!options.hosts.allowsFile(url)) {
      notes.push(`I did not download ${label}: its address is not on Slack's file host (${options.hosts.describe()}) over https, and I send my token nowhere else (there, only to download files). Paste the text, or upload the file to Slack again.`);
      continue;
    }
    const size = declaredSize(file);
    if (size !== undefined && size > capBytes) {
      notes.push(`I did not download ${label}: it is ${formatBytes(size)}, over the ${formatBytes(capBytes)} limit. Attach the lines around the 502 (or run the diag502 CLI on the whole file).`);
      continue;
    }
    if (budget <= 0) {
      notes.push(`I did not read ${label}: the files together are over the ${formatBytes(capBytes)} limit.`);
      continue;
    }
    try {
      const { text, cut } = await download(url, budget, options);
      // A cut file used the whole budget (its partial last line was dropped, not saved for later).
      budget = cut ? 0 : budget - Buffer.byteLength(text);
      parts.push(`file ${(file.name ?? 'file').replace(/[\r\n]+/g, ' ')}\n${text}`);
      lines += lineCount(text);
      if (cut) {
        notes.push(`${label} is larger than ${formatBytes(capBytes)}: I read only its first ${formatBytes(capBytes)}. Attach the lines around the 502 (or run the diag502 CLI on the whole file) for the rest.`);
      }
    } catch (error) {
      notes.push(`I could not download ${label}: ${escapeText((error as Error).message)}`);
    }
  }
  return { text: parts.join('\n'), notes, lines };
}

/**
 * GETs `url` with the bot token, following at most `maxRedirects` redirects by hand (each hop must
 * pass the host check before the token is sent), and streams the body up to `limit` bytes, all
 * within `timeoutMs`.
 */
async function download(url: string, limit: number, options: DownloadOptions): Promise<{ text: string; cut: boolean }> {
  const timeoutMs = options.timeoutMs ?? DOWNLOAD_LIMITS.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop += 1) {
      const response = await fetch(current, { headers: { authorization: `Bearer ${options.token}` }, redirect: 'manual', signal: controller.signal });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw new DownloadRefused(`Slack answered HTTP ${response.status} without a location.`);
        if (hop >= (options.maxRedirects ?? DOWNLOAD_LIMITS.maxRedirects)) throw new DownloadRefused('too many redirects.');
        const next = new URL(location, current).toString();
        if (!options.hosts.allowsFile(next)) throw new DownloadRefused(`it redirected away from Slack's file host (${options.hosts.describe()}), and I send my token nowhere else.`);
        current = next;
        continue;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new DownloadRefused(`Slack answered HTTP ${response.status}.`);
      }
      return await readBody(response.body, limit);
    }
  } catch (error) {
    if (controller.signal.aborted) throw new DownloadRefused(`it took longer than ${seconds(timeoutMs)}, so I stopped. Paste the lines around the 502 instead.`);
    if (error instanceof DownloadRefused) throw error;
    throw new DownloadRefused(`the download failed (${(error as Error).message}).`);
  } finally {
    clearTimeout(timer);
  }
}

function seconds(ms: number): string {
  return `${ms < 10_000 ? (ms / 1000).toFixed(1).replace(/\.0$/, '') : Math.round(ms / 1000)} s`;
}

/** Streams a body, stopping (and cancelling the download) once `limit` bytes are in. */
async function readBody(body: ReadableStream<Uint8Array>, limit: number): Promise<{ text: string; cut: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = Buffer.from(value);
    if (size + chunk.length > limit) {
      chunks.push(chunk.subarray(0, limit - size));
      cut = true;
      await reader.cancel();
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  // A cut can split a multi-byte character or a line: drop the partial last line.
  return { text: cut ? text.slice(0, Math.max(0, text.lastIndexOf('\n'))) : text, cut };
}
