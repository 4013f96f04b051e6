/** The config-error causes, most common first (ties in confidence keep this order). */
import type { CauseDefinition } from '../define-cause';
import malformedWebConfig from '../malformed-web-config';
import aspnetcoreModuleMissing from '../aspnetcore-module-missing';
import wrongProcessPath from '../wrong-process-path';
import invalidAspnetcoreConfig from '../invalid-aspnetcore-config';
import stdoutLogPathInvalid from '../stdout-log-path-invalid';
import handlerLoadFailure from '../handler-load-failure';
import multipleAppsOnePool from '../multiple-apps-one-pool';
import configErrorUnexplained from '../config-error-unexplained';

export const configErrorCauses: readonly CauseDefinition[] = [
  malformedWebConfig,
  aspnetcoreModuleMissing,
  wrongProcessPath,
  invalidAspnetcoreConfig,
  stdoutLogPathInvalid,
  handlerLoadFailure,
  multipleAppsOnePool,
  configErrorUnexplained,
];
