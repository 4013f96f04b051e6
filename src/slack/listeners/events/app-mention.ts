/**
 * `@diag502` in a channel or thread: acked by Bolt before this runs; the request goes to the
 * intake. The answer goes into the thread (the thread's root, or the message's own ts); a mention
 * inside a thread whose parent holds the evidence diagnoses the parent too (delivery/runner.ts).
 */
import type { App } from '@slack/bolt';
import type { AttachedFile } from '../../files';
import { stripMentions, type SlackDeps } from '../../deps';

interface MentionEvent {
  ts: string;
  thread_ts?: string;
  channel: string;
  user?: string;
  text?: string;
  files?: AttachedFile[];
}

export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, body }) => {
    const mention = event as unknown as MentionEvent;
    deps.intake.submit({
      kind: 'mention',
      id: `event:${body.event_id}`,
      team: body.team_id,
      channel: mention.channel,
      ts: mention.ts,
      ...(mention.thread_ts ? { threadTs: mention.thread_ts } : {}),
      ...(mention.user ? { user: mention.user } : {}),
      text: stripMentions(mention.text ?? ''),
      ...(mention.files ? { files: mention.files } : {}),
    });
  });
}
