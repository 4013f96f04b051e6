/** The proxy-origin causes, most common first. */
import type { CauseDefinition } from '../define-cause';
import cloudflareOriginUnreachable from '../cloudflare-origin-unreachable';
import cloudflareOriginBadResponse from '../cloudflare-origin-bad-response';
import nginxUpstreamUnreachable from '../nginx-upstream-unreachable';
import albTargetConnection from '../alb-target-connection';
import albNoHealthyTargets from '../alb-no-healthy-targets';
import appGatewayBackendUnhealthy from '../app-gateway-backend-unhealthy';
import frontDoorOriginError from '../front-door-origin-error';
import nginxUpstreamHeaderTooBig from '../nginx-upstream-header-too-big';
import arrNoHealthyServer from '../arr-no-healthy-server';
import backendNameUnresolved from '../backend-name-unresolved';
import appListensElsewhere from '../app-listens-elsewhere';
import httpVersionMismatch from '../http-version-mismatch';
import proxyOriginUnexplained from '../proxy-origin-unexplained';

export const proxyOriginCauses: readonly CauseDefinition[] = [
  cloudflareOriginUnreachable,
  cloudflareOriginBadResponse,
  nginxUpstreamUnreachable,
  albTargetConnection,
  albNoHealthyTargets,
  appGatewayBackendUnhealthy,
  frontDoorOriginError,
  nginxUpstreamHeaderTooBig,
  arrNoHealthyServer,
  backendNameUnresolved,
  appListensElsewhere,
  httpVersionMismatch,
  proxyOriginUnexplained,
];
