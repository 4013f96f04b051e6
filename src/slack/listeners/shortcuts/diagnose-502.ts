/**
 * The message shortcut "Diagnose 502" (callback_id diagnose_502): works on any message, also
 * inside threads where slash commands cannot run. Acked at once; the answer goes into the
 * message's thread, which the bot then follows.
 */
import type { App, MessageShortcut } from '@slack/bolt';
import { answerInThread } from '../../answer';
import { slackKey, stripMentions, type SlackDeps } from '../../deps';

export const SHORTCUT_CALLBACK_ID = 'diagnose_502';

export function registerDiagnoseShortcut(app: App, deps: SlackDeps): void {
  app.shortcut({ callback_id: SHORTCUT_CALLBACK_ID, type: 'message_action' }, async ({ ack, shortcut, client }) => {
    await ack();
    const s = shortcut as MessageShortcut;
    const message = s.message as { ts: string; thread_ts?: string; text?: string; user?: string };
    const channel = s.channel.id;
    const root = message.thread_ts ?? message.ts;
    const key = slackKey(s.team?.id ?? 'unknown', channel, root);
    deps.inFlight.run('shortcut', async () => {
      await answerInThread(deps, client, { channel, threadTs: root }, [
        { key, messageId: message.ts, author: message.user ?? s.user.id, text: stripMentions(message.text ?? ''), addressed: true, slack: true },
      ]);
    });
  });
}
