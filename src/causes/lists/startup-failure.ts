/** The startup-failure causes, most common first (ties in confidence keep this order). */
import type { CauseDefinition } from '../define-cause';
import oopStartupFailure from '../oop-startup-failure';
import inprocessStartupFailure from '../inprocess-startup-failure';
import missingDotnetRuntime from '../missing-dotnet-runtime';
import startupException from '../startup-exception';
import portInUse from '../port-in-use';
import startupTimeLimit from '../startup-time-limit';
import bitnessMismatch from '../bitness-mismatch';
import startupFailureUnexplained from '../startup-failure-unexplained';

export const startupFailureCauses: readonly CauseDefinition[] = [
  oopStartupFailure,
  inprocessStartupFailure,
  missingDotnetRuntime,
  startupException,
  portInUse,
  startupTimeLimit,
  bitnessMismatch,
  startupFailureUnexplained,
];
