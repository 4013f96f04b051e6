/**
 * The message shortcut "Diagnose 502" (callback_id diagnose_502): works on any message, also
 * inside threads where slash commands cannot run. Acked at once; the answer goes into the
 * message's thread, which the bot then follows. Replayed with the same trigger_id, answered once.
 */
import type { App, MessageShortcut } from '@slack/bolt';
import { stripMentions, type SlackDeps } from '../../deps';

const SHORTCUT_CALLBACK_ID = 'diagnose_502';

export function registerDiagnoseShortcut(app: App, deps: SlackDeps): void {
  app.shortcut({ callback_id: SHORTCUT_CALLBACK_ID, type: 'message_action' }, async ({ ack, shortcut }) => {
    await ack();
    const s = shortcut as MessageShortcut;
    const message = s.message as { ts: string; thread_ts?: string; text?: string; user?: string };
    deps.intake.submit({
      kind: 'shortcut',
      id: `trigger:${s.trigger_id}`,
      team: s.team?.id ?? 'unknown',
      channel: s.channel.id,
      messageTs: message.ts,
      ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
      author: message.user ?? s.user.id,
      user: s.user.id,
      text: stripMentions(message.text ?? ''),
      responseUrl: s.response_url,
    });
  });
}
