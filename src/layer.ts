/**
 * Names the layer that produced the error and the lines that show it. The top cause says which
 * layer answered; the headers and pages say who was in the path, so the evidence shown for the
 * layer is what identifies it (server: cloudflare, Server: awselb/2.0, an ANCM page), not just
 * the cause's own lines.
 */
import type { Evidence, EvidenceRef, SignalId } from './evidence/types';
import { CONFIDENCE, type LayerId } from './vocabulary';
import type { DiagnosisLayer } from './contract';

const LAYER_SIGNALS: Record<LayerId, SignalId[]> = {
  cdn: ['cloudflare', 'front-door'],
  'load-balancer': ['aws-alb', 'app-gateway', 'alb-log'],
  'reverse-proxy': ['nginx-server', 'nginx-upstream', 'arr-proxy', 'freb-arr-routed'],
  iis: ['iis-error-page', 'iis-server'],
  ancm: ['ancm-error-page', 'freb-module-error', 'freb-forward-fail'],
  app: ['unhandled-exception', 'kestrel-app-error', 'kestrel-heartbeat-slow', 'kestrel-server'],
};

/**
 * The layer of the top cause, with the lines that identify it. Null when nothing in the evidence
 * identifies a layer and the top cause is itself only a weak candidate: naming a layer for a bare
 * "504" would be a guess.
 */
export function identifyLayer(
  evidence: Evidence,
  layer: LayerId,
  causeEvidence: EvidenceRef[],
  titles: Record<LayerId, string>,
  confidence: number,
): DiagnosisLayer | null {
  const wanted = LAYER_SIGNALS[layer];
  const refs: EvidenceRef[] = [];
  for (const s of evidence.signals) {
    if (wanted.includes(s.id) && !refs.some((r) => r.source === s.ref.source && r.line === s.ref.line)) refs.push(s.ref);
    if (refs.length >= 3) break;
  }
  if (layer === 'ancm' && refs.length < 3) {
    for (const e of evidence.events) {
      if (e.family === 'ancm') refs.push(e.ref);
      if (refs.length >= 3) break;
    }
  }
  if (refs.length === 0 && confidence < CONFIDENCE.possible) return null;
  return { id: layer, title: titles[layer], evidence: refs.length > 0 ? refs : causeEvidence.slice(0, 3) };
}
