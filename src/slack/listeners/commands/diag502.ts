/**
 * `/diag502 <evidence>`: acked at once; the answer follows. By default the diagnosis is posted to
 * the channel (who asked, the redacted evidence read) so the team can follow up in its thread;
 * `private` answers only the caller through response_url, as does a channel the bot cannot post in.
 */
import type { App, RespondArguments, RespondFn, webApi } from '@slack/bolt';
import { Conversation } from '../../../conversation/conversation';
import { openStore } from '../../../conversation/store/open-store';
import type { Reply } from '../../../conversation/replies';
import { cleanText } from '../../../evidence/clean-text';
import { describeError, slackKey, type SlackDeps } from '../../deps';
import { postMessage, type SlackMessage } from '../../post';
import { renderReply } from '../../render';
import { USAGE } from './usage';

/** Post errors that mean "not here", where a private answer is the best we can do. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

export const INVITE_LINE = 'I cannot post in this channel: invite me with /invite @diag502, or read the answer here.';

export interface CommandRequest {
  team: string;
  channel: string;
  user: string;
  text: string;
  triggerId: string;
}

export function registerDiag502(app: App, deps: SlackDeps): void {
  app.command('/diag502', async ({ ack, command, respond, client }) => {
    await ack();
    const request: CommandRequest = { team: command.team_id, channel: command.channel_id, user: command.user_id, text: command.text ?? '', triggerId: command.trigger_id };
    deps.inFlight.run('/diag502', () => answerCommand(deps, client, respond, request));
  });
}

/** Splits "private <evidence>" / "help" / evidence. */
export function parseCommandText(text: string): { kind: 'help' } | { kind: 'evidence'; private: boolean; evidence: string } {
  const trimmed = text.trim();
  if (trimmed === '' || /^help$/i.test(trimmed)) return { kind: 'help' };
  const match = /^private(?:\s+|$)/i.exec(trimmed);
  if (match) {
    const evidence = trimmed.slice(match[0].length);
    return evidence.trim() === '' ? { kind: 'help' } : { kind: 'evidence', private: true, evidence };
  }
  return { kind: 'evidence', private: false, evidence: text };
}

async function answerCommand(deps: SlackDeps, client: webApi.WebClient, respond: RespondFn, request: CommandRequest): Promise<void> {
  const parsed = parseCommandText(request.text);
  if (parsed.kind === 'help') {
    await respond({ response_type: 'ephemeral', text: USAGE });
    return;
  }
  // The channel message has no thread yet (its ts is the thread), so the first answer is worked
  // out in a scratch store; once posted, the evidence is stored under the new thread's key.
  const reply = await scratchReply(request, parsed.evidence);
  if (!reply) return;
  const redacted = cleanText(parsed.evidence, true).text;
  if (parsed.private) {
    await respond(ephemeral(renderReply(reply)));
    return;
  }
  const message = renderReply(reply, { user: request.user, evidence: redacted });
  let ts: string;
  try {
    ts = await postMessage(client, { channel: request.channel }, message, deps.logger);
  } catch (error) {
    const code = describeError(error);
    deps.logger.warn(`diag502: /diag502 could not post in ${request.channel}: ${code}`);
    const note = CANNOT_POST.has(code) ? INVITE_LINE : `I could not post the answer in the channel (${code}); here it is.`;
    await respond(ephemeral(renderReply(reply), note));
    return;
  }
  // Follow-ups in the posted message's thread refine this diagnosis.
  await deps.conversation.handle({ key: slackKey(request.team, request.channel, ts), messageId: request.triggerId, author: request.user, text: parsed.evidence, addressed: true, slack: true });
}

/** A response_url answer only the caller sees; `note` goes first, in the text and as a block. */
function ephemeral(message: SlackMessage, note?: string): RespondArguments {
  const text = note ? `${note}\n${message.text}` : message.text;
  const blocks = note ? [{ type: 'section', text: { type: 'mrkdwn', text: note } }, ...message.blocks] : message.blocks;
  // A private diagnosis carries the same message metadata as a posted one (ARCHITECTURE.md).
  return { response_type: 'ephemeral', replace_original: false, text, blocks, ...(message.metadata ? { metadata: message.metadata } : {}) } as RespondArguments;
}

async function scratchReply(request: CommandRequest, evidence: string): Promise<Reply | null> {
  const scratch = openStore('memory:');
  try {
    return await new Conversation(scratch).handle({
      key: slackKey(request.team, request.channel, `command-${request.triggerId}`),
      messageId: request.triggerId,
      author: request.user,
      text: evidence,
      addressed: true,
      slack: true,
    });
  } finally {
    await scratch.close();
  }
}
