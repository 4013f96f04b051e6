/**
 * The cause catalogue, in a fixed order: families in the seed article's order of frequency, then
 * each family's own list. Ties in confidence keep this order. Adding a cause: add its file, its
 * line in lists/<family>.ts, and test/causes/<id>.test.ts; the catalogue test fails until all
 * three exist.
 */
import type { CauseDefinition } from './define-cause';
import { startupFailureCauses } from './lists/startup-failure';
import { crashMidRequestCauses } from './lists/crash-mid-request';
import { requestTimeoutCauses } from './lists/request-timeout';
import { proxyOriginCauses } from './lists/proxy-origin';
import { workerRecycleCauses } from './lists/worker-recycle';
import { tlsHandshakeCauses } from './lists/tls-handshake';
import { configErrorCauses } from './lists/config-error';
import { resourceExhaustionCauses } from './lists/resource-exhaustion';

export const CAUSES: readonly CauseDefinition[] = [
  ...startupFailureCauses,
  ...crashMidRequestCauses,
  ...requestTimeoutCauses,
  ...proxyOriginCauses,
  ...workerRecycleCauses,
  ...tlsHandshakeCauses,
  ...configErrorCauses,
  ...resourceExhaustionCauses,
];
