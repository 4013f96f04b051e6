/**
 * The buttons under a diagnosis. "Show all evidence" and "Show the config change" answer only the
 * person who clicked (response_url, ephemeral); "This was the cause" and "Wrong diagnosis" record
 * feedback for the thread and acknowledge it with a reaction on the diagnosis.
 */
import type { App, BlockAction, ButtonAction, RespondArguments, RespondFn, webApi } from '@slack/bolt';
import { ACTION_IDS, evidenceDetailsMessage, fixDetailsMessage } from '../../blocks';
import { describeError, slackKey, type SlackDeps } from '../../deps';

const REACTIONS = { confirmed: 'white_check_mark', wrong: 'x' } as const;

interface Clicked {
  team: string;
  channel: string;
  user: string;
  /** The diagnosis message the button sits on. */
  messageTs: string;
  threadTs: string;
  causeId: string;
}

function clickedOf(body: BlockAction, action: ButtonAction): Clicked | undefined {
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!message?.ts || !channel) return undefined;
  return { team: body.team?.id ?? body.user.team_id ?? 'unknown', channel, user: body.user.id, messageTs: message.ts, threadTs: message.thread_ts ?? message.ts, causeId: action.value ?? '' };
}

export function registerDiagnosisButtons(app: App, deps: SlackDeps): void {
  for (const id of [ACTION_IDS.showEvidence, ACTION_IDS.showFix]) {
    app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action, respond }) => {
      await ack();
      const clicked = clickedOf(body, action);
      if (!clicked) return;
      deps.inFlight.run(id, () => showDetails(deps, respond, clicked, id === ACTION_IDS.showFix ? 'fix' : 'evidence'));
    });
  }
  for (const [id, verdict] of [
    [ACTION_IDS.confirm, 'confirmed'],
    [ACTION_IDS.wrong, 'wrong'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action, client, respond }) => {
      await ack();
      const clicked = clickedOf(body, action);
      if (!clicked) return;
      deps.inFlight.run(id, () => recordVerdict(deps, client, respond, clicked, verdict));
    });
  }
}

async function showDetails(deps: SlackDeps, respond: RespondFn, clicked: Clicked, what: 'evidence' | 'fix'): Promise<void> {
  const diagnosis = await deps.conversation.currentDiagnosis(slackKey(clicked.team, clicked.channel, clicked.threadTs));
  if (!diagnosis) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: 'I no longer have the evidence of this thread (it expired or was reset). Paste it again to get a new diagnosis.' });
    return;
  }
  const message = what === 'fix' ? fixDetailsMessage(diagnosis) : evidenceDetailsMessage(diagnosis);
  await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks } as RespondArguments);
}

async function recordVerdict(deps: SlackDeps, client: webApi.WebClient, respond: RespondFn, clicked: Clicked, verdict: 'confirmed' | 'wrong'): Promise<void> {
  const key = slackKey(clicked.team, clicked.channel, clicked.threadTs);
  await deps.store.addFeedback(key, { causeId: clicked.causeId, verdict, by: clicked.user, at: new Date().toISOString() });
  try {
    await client.reactions.add({ channel: clicked.channel, timestamp: clicked.messageTs, name: REACTIONS[verdict] });
  } catch (error) {
    // already_reacted (someone clicked first) or no reactions:write: say it privately instead.
    deps.logger.warn(`diag502: reactions.add failed: ${describeError(error)}`);
    await respond({ response_type: 'ephemeral', replace_original: false, text: verdict === 'confirmed' ? 'Thanks: recorded as the cause.' : 'Thanks: recorded as a wrong diagnosis.' });
  }
}
