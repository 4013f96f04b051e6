/** The tls-handshake causes, most common first. */
import type { CauseDefinition } from '../define-cause';
import backendTlsFailure from '../backend-tls-failure';
import cloudflareOriginTls from '../cloudflare-origin-tls';
import nginxUpstreamTls from '../nginx-upstream-tls';
import azureGatewayBackendTls from '../azure-gateway-backend-tls';
import backendCertRejected from '../backend-cert-rejected';
import tlsPortMismatch from '../tls-port-mismatch';
import tlsHandshakeUnexplained from '../tls-handshake-unexplained';

export const tlsHandshakeCauses: readonly CauseDefinition[] = [
  backendTlsFailure,
  cloudflareOriginTls,
  nginxUpstreamTls,
  azureGatewayBackendTls,
  backendCertRejected,
  tlsPortMismatch,
  tlsHandshakeUnexplained,
];
