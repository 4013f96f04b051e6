/**
 * Where the "Reading …" note goes: an assistant thread's status when Slack allows it, else a
 * message in the thread. A workspace that refuses the status is not asked again; an error that
 * says nothing about the workspace (a Slack hiccup) is logged and does not stop it being asked.
 */
import { ProgressNotes } from '../../../src/slack/delivery/progress';
import type { SlackRequest } from '../../../src/slack/delivery/requests';
import { useFakePoster } from '../../helpers/fake-poster';

const slack = useFakePoster();

/** A file shared in a thread of the app's DM, from workspace `team`. */
const fileInDm = (team: string, channel: string): SlackRequest => ({
  kind: 'message',
  id: `event:${team}${channel}`,
  team,
  channel,
  ts: '100.0002',
  threadTs: '100.0001',
  im: true,
  user: 'U1',
  text: '',
  files: [{ id: 'F1', name: 'stdout.log', mimetype: 'text/plain', url_private: 'https://files.slack.com/F1', size: 60 }],
});

function notes(): ProgressNotes {
  const poster = slack.client();
  return new ProgressNotes(poster.api, poster.logger);
}

async function show(progress: ProgressNotes, team: string, channel: string) {
  return progress.show(fileInDm(team, channel), { channel, threadTs: '100.0001' }, 'Reading stdout.log (1 KB)…', undefined);
}

const statusCalls = (channel: string) => slack.fake.of('assistant.threads.setStatus').filter((c) => c.params.channel_id === channel);
const noteCalls = (channel: string) => slack.fake.of('chat.postMessage').filter((c) => c.params.channel === channel);

describe('ProgressNotes.show', () => {
  it('sets the thread status where Slack allows it, and posts nothing', async () => {
    expect(await show(notes(), 'TOK', 'DOK')).toEqual({ via: 'status' });
    expect(statusCalls('DOK').map((c) => c.params.status)).toEqual(['Reading stdout.log (1 KB)…']);
    expect(noteCalls('DOK')).toEqual([]);
  });

  it('falls back to a message when the status is not allowed, and does not ask that workspace again', async () => {
    const progress = notes();
    slack.fake.queue('assistant.threads.setStatus', { body: { ok: false, error: 'not_allowed' } });
    const shown = await show(progress, 'TNO', 'DNO1');
    expect(shown).toEqual({ via: 'message', ts: expect.any(String) });
    expect(noteCalls('DNO1').map((c) => [c.params.thread_ts, c.params.text])).toEqual([['100.0001', 'Reading stdout.log (1 KB)…']]);
    // Remembered for the workspace: the next file there goes straight to a message.
    expect((await show(progress, 'TNO', 'DNO2'))?.via).toBe('message');
    expect(statusCalls('DNO2')).toEqual([]);
    // Another workspace is still asked.
    expect(await show(progress, 'TOTHER', 'DOTHER')).toEqual({ via: 'status' });
    expect(slack.warnings.filter((w) => w.includes('thread status'))).toEqual([]);
  });

  it('logs another error, falls back to a message, and asks the workspace again next time', async () => {
    const progress = notes();
    slack.fake.queue('assistant.threads.setStatus', { body: { ok: false, error: 'internal_error' } });
    expect((await show(progress, 'TERR', 'DERR1'))?.via).toBe('message');
    expect(noteCalls('DERR1')).toHaveLength(1);
    expect(slack.warnings.filter((w) => w.includes('could not set the thread status') && w.includes('internal_error'))).toHaveLength(1);
    expect(await show(progress, 'TERR', 'DERR2')).toEqual({ via: 'status' });
    expect(statusCalls('DERR2')).toHaveLength(1);
  });
});
