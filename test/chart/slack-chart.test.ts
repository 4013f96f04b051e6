/**
 * Slack: a diagnosis with a timeline is followed by the chart as a PNG in the same thread (files
 * upload v2 against the fake Web API), with alt text that says the chart in words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareDiagnoses } from '../../src/conversation/change';
import type { Reply } from '../../src/conversation/replies';
import { diagnose } from '../../src/diagnose';
import { timelineAltText } from '../../src/chart/alt';
import { guardValue } from '../../src/evidence/guard';
import { resultSchema } from '../../src/slack/delivery/requests';
import { postMessage, updateMessage } from '../../src/slack/post';
import { renderReply } from '../../src/slack/render';
import { useFakePoster } from '../helpers/fake-poster';

const slack = useFakePoster();

const log = readFileSync(join(__dirname, '..', '..', 'examples', 'u_ex261120.log'), 'utf8');
const diagnosis = diagnose([{ source: 'u_ex261120.log', text: log }]);
const first = (d: typeof diagnosis): Reply => ({ type: 'diagnosis', diagnosis: d, change: compareDiagnoses(undefined, d), truncated: false });
const reply = first(diagnosis);

describe('the timeline chart in Slack', () => {
  it('rides with the rendered diagnosis, and survives the stored answer', () => {
    const message = renderReply(reply);
    expect(message.chart).toBe(diagnosis.timeline);
    const stored = resultSchema.parse(JSON.parse(JSON.stringify({ answers: [{ target: { via: 'post', channel: 'C1' }, message }] })));
    expect(stored.answers[0]!.message.chart).toEqual(diagnosis.timeline);
  });

  it('is uploaded as a PNG in the thread after the diagnosis, with alt text in words', async () => {
    const message = renderReply(reply);
    await postMessage(slack.client(), { channel: 'CCHART', threadTs: '5.0001' }, message);
    const calls = slack.fake.calls.filter((c) => ['chat.postMessage', 'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal'].includes(c.method));
    const asked = slack.fake.of('files.getUploadURLExternal').find((c) => c.params.filename === 'diag502-timeline.png')!;
    expect(asked).toBeDefined();
    const alt = String(asked.params.alt_txt);
    expect(alt).toContain('Busiest: 2026-11-20 10:00 UTC');
    expect(alt).toContain('3 × 502.');
    expect(alt).toContain('No events dated.');
    expect(Number(asked.params.length)).toBeGreaterThan(1000);
    // The bytes sent are a PNG (the fake decodes them as UTF-8: the first byte is not ASCII).
    const upload = slack.fake.of('file_upload').find((c) => c.raw.slice(1, 4) === 'PNG');
    expect(upload).toBeDefined();
    const complete = slack.fake.of('files.completeUploadExternal').find((c) => c.params.channel_id === 'CCHART')!;
    expect(complete.params.thread_ts).toBe('5.0001');
    // The message first, then the picture.
    const order = calls.map((c) => c.method);
    expect(order.indexOf('chat.postMessage')).toBeLessThan(order.lastIndexOf('files.completeUploadExternal'));
  });

  it('is uploaded in the thread after an answer that replaces a progress note (chat.update), with alt text in words', async () => {
    const noteTs = await postMessage(slack.client(), { channel: 'CUPD', threadTs: '8.0001' }, { text: 'Reading u_ex261120.log, 14 lines…', blocks: [] });
    await updateMessage(slack.client(), { channel: 'CUPD', threadTs: '8.0001', ts: noteTs }, renderReply(reply));
    // The note became the answer (one message), then the picture followed it in the thread.
    const here = slack.fake.calls.filter((c) => c.params.channel === 'CUPD' || c.params.channel_id === 'CUPD');
    expect(here.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update', 'files.completeUploadExternal']);
    expect(here[2]!.params.thread_ts).toBe('8.0001');
    // The upload asked for just before that completion is the PNG, with the chart in words.
    const asked = slack.fake.calls.slice(0, slack.fake.calls.indexOf(here[2]!)).filter((c) => c.method === 'files.getUploadURLExternal').at(-1)!;
    expect(asked.params.filename).toBe('diag502-timeline.png');
    expect(asked.params.alt_txt).toBe(timelineAltText(diagnosis.timeline!));
    expect(String(asked.params.alt_txt)).toContain('Busiest: 2026-11-20 10:00 UTC');
  });

  it('is only logged when the upload fails: the answer is already in the thread', async () => {
    slack.fake.queue('files.getUploadURLExternal', { body: { ok: false, error: 'file_uploads_disabled' } });
    const message = renderReply(reply);
    await expect(postMessage(slack.client(), { channel: 'CNOUP', threadTs: '6.0001' }, message)).resolves.toBeDefined();
    expect(slack.warnings.some((w) => w.includes('could not upload the timeline chart') && w.includes('file_uploads_disabled'))).toBe(true);
  });

  it('passes the redaction guard the whole message passes: no secret reaches the alt text', () => {
    const secret = 'Server=db01;User Id=sa;Password=Sup3rS3cretValue!';
    const leaky = { ...diagnosis.timeline!, markers: [{ at: '2026-11-20T10:05:00Z', kind: 'ancm' as const, label: secret, zone: 'UTC' as const, ref: { source: 'e', line: 1, text: secret } }] };
    const message = renderReply(first({ ...diagnosis, timeline: leaky }));
    const guarded = guardValue(message);
    expect(JSON.stringify(guarded.chart)).not.toContain('Sup3rS3cretValue');
    expect(timelineAltText(guarded.chart as typeof leaky)).not.toContain('Sup3rS3cretValue');
  });

  it('sends no chart for a diagnosis without dated evidence', async () => {
    const undated = diagnose([{ source: 'headers', text: 'HTTP/1.1 502 Bad Gateway\nServer: Microsoft-IIS/10.0\n' }]);
    const message = renderReply(first(undated));
    expect(message.chart).toBeUndefined();
    const before = slack.fake.of('files.getUploadURLExternal').length;
    await postMessage(slack.client(), { channel: 'CUNDATED', threadTs: '7.0001' }, message);
    expect(slack.fake.of('files.getUploadURLExternal')).toHaveLength(before);
  });
});
