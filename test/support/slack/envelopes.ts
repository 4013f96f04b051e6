/**
 * Slack event payloads as the Events API delivers them, for the end-to-end tests: the
 * `event_callback` body (HTTP mode) and its Socket Mode envelope.
 */
import { BOT_USER_ID, TEAM_ID } from './fake-slack';

/** The body Slack POSTs to /slack/events for one event. */
export function eventCallback(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: TEAM_ID,
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    event: { event_ts: event.ts, ...event },
  };
}

/** The same event in a Socket Mode envelope; a retry says so the way Slack does. */
export function eventsApi(envelopeId: string, eventId: string, event: Record<string, unknown>, retryAttempt = 0): Record<string, unknown> {
  return {
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: retryAttempt,
    retry_reason: retryAttempt > 0 ? 'timeout' : '',
    payload: eventCallback(eventId, event),
  };
}
