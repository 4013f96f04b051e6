/**
 * Files and snippets attached to a message (a log too long to paste): downloaded from url_private
 * with the bot token, streamed, and cut at the paste cap so a huge upload cannot stall the bot.
 */
import { LIMITS, formatBytes } from '../evidence/limits';

export interface AttachedFile {
  name?: string;
  mimetype?: string;
  url_private?: string;
  size?: number;
}

export interface ReadFiles {
  /** The text of every readable file, in order, each after a "file NAME" line. */
  text: string;
  /** One sentence per file that was cut or skipped, for the person who sent it. */
  notes: string[];
}

/** Types that are never logs or config: skipped without downloading. */
function isBinaryType(mimetype: string | undefined): boolean {
  if (!mimetype) return false;
  return /^(image|audio|video)\//.test(mimetype) || /(pdf|zip|gzip|x-7z|x-rar|msword|officedocument)/.test(mimetype);
}

/**
 * Reads the attached files, at most `capBytes` in total (LIMITS.maxPasteBytes by default). A file
 * past the cap is read up to it and named in `notes`; a download that fails is named too.
 */
export async function readAttachedFiles(files: AttachedFile[], token: string, capBytes: number = LIMITS.maxPasteBytes): Promise<ReadFiles> {
  const parts: string[] = [];
  const notes: string[] = [];
  let budget = capBytes;
  for (const file of files) {
    const name = file.name ?? 'file';
    if (!file.url_private) continue;
    if (isBinaryType(file.mimetype)) {
      notes.push(`I skipped ${name}: it is not text (${file.mimetype}).`);
      continue;
    }
    if (budget <= 0) {
      notes.push(`I did not read ${name}: the files together are over the ${formatBytes(capBytes)} limit.`);
      continue;
    }
    try {
      const { text, cut } = await download(file.url_private, token, budget);
      budget -= Buffer.byteLength(text);
      parts.push(`file ${name}\n${text}`);
      if (cut) notes.push(`${name} is larger than ${formatBytes(capBytes)}: I read only its first ${formatBytes(capBytes)}. Attach the lines around the 502 (or run the diag502 CLI on the whole file) for the rest.`);
    } catch (error) {
      notes.push(`I could not download ${name} (${(error as Error).message}).`);
    }
  }
  return { text: parts.join('\n'), notes };
}

/** Streams the body, stopping (and cancelling the download) once `limit` bytes are in. */
async function download(url: string, token: string, limit: number): Promise<{ text: string; cut: boolean }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: 'follow' });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  const reader = response.body.getReader();
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
