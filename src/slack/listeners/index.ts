/** Every listener, one folder per Slack surface (bolt-ts-starter-template layout). */
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps';
import * as actions from './actions';
import * as commands from './commands';
import * as events from './events';
import * as shortcuts from './shortcuts';

export function registerListeners(app: App, deps: SlackDeps): void {
  commands.register(app, deps);
  events.register(app, deps);
  shortcuts.register(app, deps);
  actions.register(app, deps);
}
