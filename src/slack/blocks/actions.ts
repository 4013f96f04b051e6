/**
 * The buttons under a diagnosis. The action ids are the contract with the Slack layer's action
 * listeners; "This was the cause" and "Wrong diagnosis" carry the cause id they judge, so the
 * verdict is recorded for the cause people saw even if the thread's diagnosis has moved on since.
 */
import type { ActionsBlock } from '@slack/types';
import type { Diagnosis } from '../../contract';
import { actions, button } from './elements';

export const ACTION_IDS = {
  showEvidence: 'diag502_show_evidence',
  showFix: 'diag502_show_fix',
  confirm: 'diag502_confirm',
  wrong: 'diag502_wrong',
} as const;

/** The block_id of the buttons, so a listener can tell them from other apps' blocks. */
export const ACTIONS_BLOCK_ID = 'diag502_actions';

/**
 * The four buttons for the top cause; none when nothing was recognized (there is nothing to show,
 * confirm or reject). Every value is the top cause's id: the listener finds the thread from the
 * message the button sits on.
 */
export function diagnosisActions(d: Diagnosis): ActionsBlock | undefined {
  const top = d.causes[0];
  if (!top) return undefined;
  return actions(ACTIONS_BLOCK_ID, [
    button('Show all evidence', ACTION_IDS.showEvidence, top.id),
    button('Show the config change', ACTION_IDS.showFix, top.id),
    button('This was the cause', ACTION_IDS.confirm, top.id, 'primary'),
    button('Wrong diagnosis', ACTION_IDS.wrong, top.id),
  ]);
}
