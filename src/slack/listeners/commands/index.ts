/** Slash commands. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { registerDiag502 } from './diag502';

export function register(app: App, deps: SlackDeps): void {
  registerDiag502(app, deps);
}
