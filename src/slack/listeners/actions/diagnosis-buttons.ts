/**
 * The buttons under a diagnosis. "Show all evidence" and "Show the config change" answer only the
 * person who clicked (response_url, ephemeral); when the evidence does not fit one message, the
 * full report is attached in the thread on that click (the one on-demand upload). "This was the
 * cause" and "Wrong diagnosis" record feedback for the thread (and in the team's memory, so the
 * same incident is recognized next time) and acknowledge it with a reaction.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS, diagnosisReport, evidenceDetailsMessage, fixDetailsMessage } from '../../blocks';
import { slackKey, type SlackDeps } from '../../deps';
import { ephemeral } from '../../delivery/runner';
import { guardValue } from '../../../evidence/guard';
import { respondTo } from '../../post';
import { uploadFile } from '../../upload';
import { SlackCallError } from '../../web-api';

const REACTIONS = { confirmed: 'white_check_mark', wrong: 'x' } as const;

interface Clicked {
  team: string;
  channel: string;
  user: string;
  /** The diagnosis message the button sits on. */
  messageTs: string;
  threadTs: string;
  causeId: string;
  responseUrl: string;
}

function clickedOf(body: BlockAction, action: ButtonAction): Clicked | undefined {
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!message?.ts || !channel || !body.response_url) return undefined;
  return { team: body.team?.id ?? body.user.team_id ?? 'unknown', channel, user: body.user.id, messageTs: message.ts, threadTs: message.thread_ts ?? message.ts, causeId: action.value ?? '', responseUrl: body.response_url };
}

export function registerDiagnosisButtons(app: App, deps: SlackDeps): void {
  for (const id of [ACTION_IDS.showEvidence, ACTION_IDS.showFix]) {
    app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action }) => {
      await ack();
      const clicked = clickedOf(body, action);
      if (!clicked) return;
      deps.scheduler.enqueue(`${clicked.team}:${clicked.channel}:${clicked.threadTs}`, id, () => showDetails(deps, clicked, id === ACTION_IDS.showFix ? 'fix' : 'evidence'));
    });
  }
  for (const [id, verdict] of [
    [ACTION_IDS.confirm, 'confirmed'],
    [ACTION_IDS.wrong, 'wrong'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action }) => {
      await ack();
      const clicked = clickedOf(body, action);
      if (!clicked) return;
      deps.scheduler.enqueue(`${clicked.team}:${clicked.channel}:${clicked.threadTs}`, id, () => recordVerdict(deps, clicked, verdict));
    });
  }
}

async function showDetails(deps: SlackDeps, clicked: Clicked, what: 'evidence' | 'fix'): Promise<void> {
  const diagnosis = await deps.conversation.currentDiagnosis(slackKey(clicked.team, clicked.channel, clicked.threadTs));
  if (!diagnosis) {
    await respondTo(deps.poster, clicked.responseUrl, { response_type: 'ephemeral', replace_original: false, text: 'I no longer have the evidence of this thread (it expired or was reset). Paste it again to get a new diagnosis.' });
    return;
  }
  const message = guardValue(what === 'fix' ? fixDetailsMessage(diagnosis) : evidenceDetailsMessage(diagnosis));
  await respondTo(deps.poster, clicked.responseUrl, ephemeral({ text: message.text, blocks: message.blocks }));
  if (what === 'evidence' && message.overflow) {
    const report = guardValue(diagnosisReport(diagnosis));
    await uploadFile(deps.api, deps.poster.token, { channel: clicked.channel, threadTs: clicked.threadTs, filename: report.filename, title: 'diag502 full report', content: report.content });
  }
}

async function recordVerdict(deps: SlackDeps, clicked: Clicked, verdict: 'confirmed' | 'wrong'): Promise<void> {
  const key = slackKey(clicked.team, clicked.channel, clicked.threadTs);
  // The conversation records it for the thread and, when the diagnosis has a fingerprint, in the team's memory.
  await deps.conversation.feedback(key, { causeId: clicked.causeId, verdict, by: clicked.user });
  try {
    await deps.api.call('reactions.add', { channel: clicked.channel, timestamp: clicked.messageTs, name: REACTIONS[verdict] });
  } catch (error) {
    // already_reacted (someone clicked first) or no reactions:write: say it privately instead.
    deps.logger.warn(`diag502: reactions.add failed: ${error instanceof SlackCallError ? error.code : (error as Error).message}`);
    await respondTo(deps.poster, clicked.responseUrl, { response_type: 'ephemeral', replace_original: false, text: verdict === 'confirmed' ? 'Thanks: recorded as the cause.' : 'Thanks: recorded as a wrong diagnosis.' });
  }
}
