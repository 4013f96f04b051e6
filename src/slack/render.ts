/**
 * The seam between the Slack layer and ./blocks (which owns every layout): picks the blocks
 * function for a reply. Nothing is laid out here.
 */
import type { Reply } from '../conversation/replies';
import { replyMessage } from './blocks';
import type { SlackMessage } from './post';

/** Who asked and what the bot read, shown on answers to a person's request. */
export interface Asked {
  user?: string;
  /** The redacted evidence text. */
  evidence?: string;
}

/** Any conversation reply, as a Slack message. */
export function renderReply(reply: Reply, asked: Asked = {}): SlackMessage {
  const options: { askedBy?: string; evidencePreview?: string } = {};
  if (asked.user) options.askedBy = asked.user;
  if (asked.evidence) options.evidencePreview = asked.evidence;
  const message = replyMessage(reply, options) as SlackMessage;
  // The picture of the incident goes with a diagnosis whose evidence is dated (post.ts uploads it).
  if (reply.type === 'diagnosis' && reply.diagnosis.timeline) message.chart = reply.diagnosis.timeline;
  return message;
}
