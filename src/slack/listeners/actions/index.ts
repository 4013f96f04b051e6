/** Block actions (buttons). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { registerDiagnosisButtons } from './diagnosis-buttons';

export function register(app: App, deps: SlackDeps): void {
  registerDiagnosisButtons(app, deps);
}
