/**
 * Uploads a text file into a thread (Slack's files upload v2 flow: ask for an upload URL, send the
 * bytes there, complete the upload into the channel). Written out rather than taken from the SDK
 * so the upload URL is checked against Slack's hosts before the bot token goes with the bytes.
 */
import type { SlackApi } from './web-api';

interface UploadFile {
  channel: string;
  threadTs: string;
  filename: string;
  title: string;
  content: string | Buffer;
  /** Alt text for images (charts). */
  altText?: string;
}

const UPLOAD_TIMEOUT_MS = 15_000;

export async function uploadFile(api: SlackApi, token: string, file: UploadFile): Promise<string> {
  const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
  const target = await api.call<{ upload_url?: string; file_id?: string }>('files.getUploadURLExternal', {
    filename: file.filename,
    length: bytes.length,
    // Slack's documented argument is alt_txt (up to 1,000 characters).
    ...(file.altText ? { alt_txt: file.altText } : {}),
  });
  if (!target.upload_url || !target.file_id) throw new Error('Slack gave no upload address');
  if (!api.hosts.allows(target.upload_url)) throw new Error('Slack gave an upload address outside its file host; not sent');
  const response = await fetch(target.upload_url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
    redirect: 'error',
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the upload was refused (HTTP ${response.status})`);
  await api.call('files.completeUploadExternal', {
    files: [{ id: target.file_id, title: file.title }],
    channel_id: file.channel,
    thread_ts: file.threadTs,
  });
  return target.file_id;
}
