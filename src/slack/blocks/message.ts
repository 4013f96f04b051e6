/**
 * What every builder here returns: a message ready for chat.postMessage, chat.update,
 * chat.postEphemeral or response_url, plus the full text to attach when the message had to be cut.
 */
import type { KnownBlock } from '@slack/types';
import type { Diagnosis } from '../../contract';
import { BUDGET } from './limits';
import { clip } from './mrkdwn';

/** The message metadata of ARCHITECTURE.md ("Slack contract"), so workflows can act on a diagnosis. */
export interface DiagnosisMetadata {
  event_type: 'diag502_diagnosis';
  event_payload: {
    schema: 1;
    causes: { id: string; family: string; confidence: number }[];
    layer: string | null;
  };
}

/** A plain-text file for the Slack layer to upload as a snippet next to a cut message. */
export interface Overflow {
  filename: string;
  content: string;
}

export interface SlackMessage {
  /** Plain fallback: notifications, screen readers, clients without Block Kit. Mrkdwn-safe. */
  text: string;
  blocks: KnownBlock[];
  /** Present on diagnoses only. */
  metadata?: DiagnosisMetadata;
  /** Present when Block Kit had no room for everything: the whole text, to upload as a file. */
  overflow?: Overflow;
  /** The thread to answer in, when the caller gave one. */
  thread_ts?: string;
}

/** A diagnosis message always carries its metadata. */
export interface DiagnosisSlackMessage extends SlackMessage {
  metadata: DiagnosisMetadata;
}

/** The metadata of a diagnosis: every ranked cause (id, family, confidence) and the layer. */
export function diagnosisMetadata(d: Diagnosis): DiagnosisMetadata {
  return {
    event_type: 'diag502_diagnosis',
    event_payload: {
      schema: 1,
      causes: d.causes.map((c) => ({ id: c.id, family: c.family, confidence: c.confidence })),
      layer: d.layer?.id ?? null,
    },
  };
}

/** The fallback text from raw words: escaped and cut to its budget. */
export function fallback(raw: string): string {
  return clip(raw.replace(/\s+/g, ' ').trim(), BUDGET.fallbackText);
}

/**
 * Assembles a message, adding the full report as a file only when Block Kit had no room for all of
 * it (`attach`, compose's `overflow`): a message that fits is one post, nothing uploaded.
 */
export function message(
  text: string,
  blocks: KnownBlock[],
  extra: { attach: boolean; report: () => Overflow; metadata?: DiagnosisMetadata; threadTs?: string | undefined },
): SlackMessage {
  const out: SlackMessage = { text, blocks };
  if (extra.metadata) out.metadata = extra.metadata;
  if (extra.attach) out.overflow = extra.report();
  if (extra.threadTs) out.thread_ts = extra.threadTs;
  return out;
}
