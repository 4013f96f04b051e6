/** Shortcuts. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { registerDiagnoseShortcut } from './diagnose-502';

export function register(app: App, deps: SlackDeps): void {
  registerDiagnoseShortcut(app, deps);
}
