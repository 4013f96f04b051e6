/**
 * The yardstick: what a status-code and keyword table gets right. Each family has a list of
 * telltale codes and words; a paste scores one point per distinct entry of a family found in it
 * (case-insensitive), families rank by points, ties by how common the family is. No entry found:
 * no answer. If the engine cannot beat this, its cleverness is not paying for itself.
 */
import type { FamilyId } from '../src/vocabulary';

/** Families in the seed article's frequency order: the tie-break. */
const ORDER: FamilyId[] = ['startup-failure', 'crash-mid-request', 'request-timeout', 'proxy-origin', 'worker-recycle', 'tls-handshake', 'config-error', 'resource-exhaustion'];

const TABLE: Record<FamilyId, string[]> = {
  'startup-failure': ['502.5', '500.30', '500.31', '500.32', '500.37', '500.38', 'startup failure', 'failed to start', 'process failure', 'framework', 'unable to start', 'failed to bind', 'address already in use', 'startup'],
  'config-error': ['500.19', '500.21', '500.22', '500.33', '500.34', '500.35', '500.36', 'web.config', 'processpath', 'aspnetcoremodule', 'hosting bundle', 'handler', 'configuration'],
  'crash-mid-request': ['502.3', '12030', '12152', 'stack overflow', 'stackoverflow', 'crash', 'faulting application', 'unhandled exception', 'outofmemory', 'access violation', 'terminated'],
  'request-timeout': ['12002', '504', '524', 'timeout', 'timed out', 'time-out', 'requesttimeout', '100 seconds', '230 seconds'],
  'proxy-origin': ['520', '521', '522', '523', 'connection refused', 'connect() failed', 'upstream', 'no healthy', 'unhealthy', 'target group', 'origin', 'backend', 'bad gateway'],
  'worker-recycle': ['recycle', 'app_offline', 'shutting down', 'rapid-fail', 'rapid fail', 'application pool', 'idle', 'shutdown'],
  'tls-handshake': ['525', '526', 'ssl', 'tls', 'certificate', 'handshake', '12175', '12045', 'untrustedroot', 'remotecertificate'],
  'resource-exhaustion': ['thread pool', 'threadpool', 'starvation', 'heartbeat', 'socket exhaustion', 'only one usage of each socket address', 'connection pool', 'max pool size', '.result', 'deadlock', 'hang', 'load'],
};

/** Families ranked by how many of their entries the text contains; empty when none. */
export function baselineFamilies(text: string): FamilyId[] {
  const lower = text.toLowerCase();
  const scored = ORDER.map((family, rank) => ({ family, rank, points: TABLE[family].filter((entry) => lower.includes(entry)).length }));
  return scored
    .filter((s) => s.points > 0)
    .sort((a, b) => b.points - a.points || a.rank - b.rank)
    .map((s) => s.family);
}
