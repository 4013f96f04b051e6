/** The request-timeout causes, most common first. */
import type { CauseDefinition } from '../define-cause';
import ancmRequestTimeout from '../ancm-request-timeout';
import arrProxyTimeout from '../arr-proxy-timeout';
import cloudflare524 from '../cloudflare-524';
import albIdleTimeout from '../alb-idle-timeout';
import nginxUpstreamTimeout from '../nginx-upstream-timeout';
import azureGatewayTimeout from '../azure-gateway-timeout';
import gatewayForwarderTimeout from '../gateway-forwarder-timeout';
import requestTimeoutUnexplained from '../request-timeout-unexplained';

export const requestTimeoutCauses: readonly CauseDefinition[] = [
  ancmRequestTimeout,
  arrProxyTimeout,
  cloudflare524,
  albIdleTimeout,
  nginxUpstreamTimeout,
  azureGatewayTimeout,
  gatewayForwarderTimeout,
  requestTimeoutUnexplained,
];
