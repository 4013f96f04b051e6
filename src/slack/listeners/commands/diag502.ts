/**
 * `/diag502 <evidence>`: acked at once; the answer follows. By default the diagnosis is posted to
 * the channel (who asked, the redacted evidence read) so the team can follow up in its thread;
 * `private` answers only the caller through response_url, as does a channel the bot cannot post in.
 * `help` is answered in the ack itself. A command replayed with the same trigger_id is answered
 * once (the trigger id is the job's id).
 */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { USAGE } from './usage';

/** Splits "private <evidence>" / "help" / evidence; `memory` and `forget <id>` are answered privately. */
export function parseCommandText(text: string): { kind: 'help' } | { kind: 'evidence'; private: boolean; evidence: string } {
  const trimmed = text.trim();
  if (trimmed === '' || /^help$/i.test(trimmed)) return { kind: 'help' };
  // The team's memory is listed and changed for the caller alone: no need to post it to the channel.
  if (/^(?:memory|forget(?:\s+\S+)?)$/i.test(trimmed)) return { kind: 'evidence', private: true, evidence: trimmed };
  const match = /^private(?:\s+|$)/i.exec(trimmed);
  if (match) {
    const evidence = trimmed.slice(match[0].length);
    return evidence.trim() === '' ? { kind: 'help' } : { kind: 'evidence', private: true, evidence };
  }
  return { kind: 'evidence', private: false, evidence: text };
}

export function registerDiag502(app: App, deps: SlackDeps): void {
  app.command('/diag502', async ({ ack, command }) => {
    const parsed = parseCommandText(command.text ?? '');
    if (parsed.kind === 'help') {
      await ack({ response_type: 'ephemeral', text: USAGE });
      return;
    }
    await ack();
    deps.intake.submit({
      kind: 'command',
      id: `trigger:${command.trigger_id}`,
      team: command.team_id,
      channel: command.channel_id,
      user: command.user_id,
      text: parsed.evidence,
      private: parsed.private,
      responseUrl: command.response_url,
    });
  });
}
