/**
 * postMessage against the fake Web API: text + blocks + metadata in the thread, and a report too
 * long for Block Kit (`overflow`) uploaded as a snippet in the same thread, or, when the upload
 * fails, a note that says the answer was cut.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postMessage, respondTo, type SlackMessage } from '../../src/slack/post';
import { useFakePoster } from '../helpers/fake-poster';

const slack = useFakePoster();

/** A server outside Slack that records what reaches it (nothing should). */
let attacker: { server: Server; base: string; hits: string[] };
beforeAll(async () => {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  attacker = { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
});
afterAll(() => new Promise<void>((resolve) => attacker.server.close(() => resolve())));

const MESSAGE: SlackMessage = {
  text: 'fallback',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'cut…' } }],
  metadata: { event_type: 'diag502_diagnosis', event_payload: { schema: 1, causes: [], layer: null } },
  overflow: { filename: 'diag502-report.txt', content: 'the whole report\n'.repeat(500) },
};

test('posts text, blocks and metadata in the thread and uploads the overflow as a snippet there', async () => {
  const ts = await postMessage(slack.client(), { channel: 'CPOST', threadTs: '1.0001' }, MESSAGE);
  const post = slack.fake.of('chat.postMessage').find((c) => c.params.channel === 'CPOST')!;
  expect(ts).toBe(slack.fake.postedTs.get('CPOST'));
  expect(post.params.thread_ts).toBe('1.0001');
  expect(post.params.text).toBe('fallback');
  expect(post.params.blocks).toEqual(MESSAGE.blocks);
  expect(post.params.metadata).toEqual(MESSAGE.metadata);
  const complete = slack.fake.of('files.completeUploadExternal').find((c) => c.params.channel_id === 'CPOST')!;
  expect(complete.params.thread_ts).toBe('1.0001');
  expect(slack.fake.of('file_upload').some((c) => c.raw.includes('the whole report'))).toBe(true);
});

test('a top-level post gets its overflow in its own thread; a failed upload becomes a note', async () => {
  slack.fake.queue('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope' } });
  const ts = await postMessage(slack.client(), { channel: 'CNOTE' }, MESSAGE);
  const posts = slack.fake.of('chat.postMessage').filter((c) => c.params.channel === 'CNOTE');
  expect(posts).toHaveLength(2);
  expect(posts[0]!.params.thread_ts).toBeUndefined();
  expect(posts[1]!.params.thread_ts).toBe(ts);
  expect(String(posts[1]!.params.text)).toContain('was cut');
  expect(slack.warnings.some((w) => w.includes('missing_scope'))).toBe(true);
});

test('a message without overflow is one post and no upload', async () => {
  const uploadsBefore = slack.fake.of('files.getUploadURLExternal').length;
  await postMessage(slack.client(), { channel: 'CPLAIN', threadTs: '2.0001' }, { text: 't', blocks: [] });
  expect(slack.fake.of('chat.postMessage').filter((c) => c.params.channel === 'CPLAIN')).toHaveLength(1);
  expect(slack.fake.of('files.getUploadURLExternal')).toHaveLength(uploadsBefore);
});

test('msg_too_long gets one retry with the text fallback only (cut to 3,900 characters); a second refusal is thrown', async () => {
  slack.fake.queue('chat.postMessage', { body: { ok: false, error: 'msg_too_long' } });
  const long = { text: 'x'.repeat(5000), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'y' } }] };
  await postMessage(slack.client(), { channel: 'CLONG', threadTs: '3.0001' }, long);
  const posts = slack.fake.of('chat.postMessage').filter((c) => c.params.channel === 'CLONG');
  expect(posts).toHaveLength(2);
  expect(posts[1]!.params.blocks).toBeUndefined();
  expect(posts[1]!.params.thread_ts).toBe('3.0001');
  expect(String(posts[1]!.params.text).length).toBeLessThanOrEqual(3901);
  expect(slack.warnings.some((w) => w.includes('"error":"msg_too_long","channel":"CLONG","method":"chat.postMessage"'))).toBe(true);

  slack.fake.queue('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
  slack.fake.queue('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
  await expect(postMessage(slack.client(), { channel: 'CBAD' }, long)).rejects.toMatchObject({ code: 'invalid_blocks' });
  expect(slack.fake.of('chat.postMessage').filter((c) => c.params.channel === 'CBAD')).toHaveLength(2);
});

test('other errors (channel_not_found) are thrown without a retry', async () => {
  slack.fake.queue('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
  await expect(postMessage(slack.client(), { channel: 'CMISSING' }, { text: 't', blocks: [] })).rejects.toMatchObject({ code: 'channel_not_found' });
  expect(slack.fake.of('chat.postMessage').filter((c) => c.params.channel === 'CMISSING')).toHaveLength(1);
});

test('an upload address outside Slack\'s hosts gets no request (nor the token): the report is not sent, and the answer says it was cut', async () => {
  slack.fake.queue('files.getUploadURLExternal', { body: { ok: true, upload_url: `${attacker.base}/upload/F0EVIL`, file_id: 'F0EVIL' } });
  await postMessage(slack.client(), { channel: 'CUPEVIL', threadTs: '4.0001' }, MESSAGE);
  expect(attacker.hits).toEqual([]);
  expect(slack.fake.of('files.completeUploadExternal').filter((c) => c.params.channel_id === 'CUPEVIL')).toEqual([]);
  expect(slack.warnings).toContain("diag502: could not upload the full report: Slack gave an upload address outside its file host; not sent");
  const posts = slack.fake.of('chat.postMessage').filter((c) => c.params.channel === 'CUPEVIL');
  expect(String(posts[1]!.params.text)).toContain('was cut');
});

test('a response_url outside Slack\'s hosts is refused without a request', async () => {
  await expect(respondTo(slack.client(), `${attacker.base}/commands/T1/1/x`, { text: 'answer' })).rejects.toMatchObject({ code: 'response_url_refused', retryable: false });
  await expect(respondTo(slack.client(), 'https://hooks.slack.com.evil.example/commands/T1/1/x', { text: 'answer' })).rejects.toMatchObject({ code: 'response_url_refused' });
  expect(attacker.hits).toEqual([]);
  // The same call to the (configured) Slack origin goes through: the refusal is about the host.
  await respondTo(slack.client(), slack.fake.responseUrl('ok1'), { text: 'answer' });
  expect(slack.fake.of('response_url').filter((c) => c.path === '/response/ok1')).toHaveLength(1);
});
