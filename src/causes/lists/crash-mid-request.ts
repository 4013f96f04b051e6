/** The crash-mid-request causes, most common first. */
import type { CauseDefinition } from '../define-cause';
import backendConnectionReset from '../backend-connection-reset';
import backendNotListening from '../backend-not-listening';
import invalidBackendResponse from '../invalid-backend-response';
import unhandledExceptionCrash from '../unhandled-exception-crash';
import stackOverflow from '../stack-overflow';
import outOfMemory from '../out-of-memory';
import nativeCrash from '../native-crash';
import workerProcessTerminated from '../worker-process-terminated';
import crashMidRequestUnexplained from '../crash-mid-request-unexplained';

export const crashMidRequestCauses: readonly CauseDefinition[] = [
  backendConnectionReset,
  backendNotListening,
  invalidBackendResponse,
  unhandledExceptionCrash,
  stackOverflow,
  outOfMemory,
  nativeCrash,
  workerProcessTerminated,
  crashMidRequestUnexplained,
];
