/**
 * Kestrel (or the app's own code) closing the connection under a request it had taken: a body it
 * turned away or left unread, a drain that timed out, an abort. The forwarder still sending or
 * reading sees a reset and answers 502. The crash family weighs these for all its causes, and the
 * dropped-connection cause weighs them again for itself: one table, so the two stay in step.
 */
import type { ClueWeights } from '../../ranking/steps';

export const CLOSED_CONNECTION_CLUES: ClueWeights = {
  // Kestrel turned a body away and closed the connection under a forwarder still sending it.
  'kestrel.body-too-large': 'supports',
  // The same with a body the app left unread: Kestrel drains it for 5 s, then closes.
  'kestrel.body-not-read': 'supports',
  'kestrel.body-drain-timeout': 'strong',
  // The app itself ended the request without a response.
  'kestrel.app-aborted': 'strong',
  'app.aborts-requests': 'supports',
};
