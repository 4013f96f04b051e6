/**
 * postMessage against the fake Web API: text + blocks + metadata in the thread, and a report too
 * long for Block Kit (`overflow`) uploaded as a snippet in the same thread, or, when the upload
 * fails, a note that says the answer was cut.
 */
import { postMessage, type SlackMessage } from '../../src/slack/post';
import { useFakePoster } from '../helpers/fake-poster';

const slack = useFakePoster();

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
