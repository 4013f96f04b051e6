/** Events API listeners: mentions and plain messages. */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { registerAppMention } from './app-mention';
import { registerMessage } from './message';

export function register(app: App, deps: SlackDeps): void {
  registerAppMention(app, deps);
  registerMessage(app, deps);
}
