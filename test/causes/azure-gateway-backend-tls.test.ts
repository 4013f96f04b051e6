import cause from '../../src/causes/azure-gateway-backend-tls';
import { runCauseTests } from '../helpers/cause-tester';
import { appGatewayLog, frontDoorLog } from './edge-samples';

runCauseTests(cause, {
  valid: [
    { name: 'Front Door OriginTimeout is not TLS', evidence: { 'fd.json': frontDoorLog(503, 'OriginTimeout', 30.02) } },
    { name: 'Application Gateway timeouts are not TLS', evidence: { 'agw.json': appGatewayLog(504, 'ERRORINFO_UPSTREAM_TIMED_OUT', 20.012) } },
    { name: 'Front Door origin refused the connection', evidence: { 'fd.json': frontDoorLog(503, 'OriginConnectionRefused', 0.02) } },
  ],
  invalid: [
    {
      name: 'Front Door CertificateNameCheckFailed',
      evidence: { 'fd.json': frontDoorLog(503, 'CertificateNameCheckFailed', 0.05) },
      minConfidence: 0.85,
      evidenceLines: [1],
      mentions: ['CertificateNameCheckFailed', 'subject name validation', 'openssl s_client'],
    },
    {
      name: 'Front Door SSLInvalidRootCA',
      evidence: { 'fd.json': frontDoorLog(502, 'SSLInvalidRootCA', 0.05) },
      minConfidence: 0.85,
      mentions: ['self-signed or private CA'],
    },
    {
      name: 'an immediate Application Gateway 502 is only a weak TLS candidate', trails: "An immediate App Gateway 502 fits an unhealthy backend first.", behind: 'app-gateway-backend-unhealthy',
      evidence: { 'agw.json': appGatewayLog(502, 'ERRORINFO_UPSTREAM_NO_LIVE', 0.002) },
      maxConfidence: 0.15,
      mentions: ['Common Name (CN)', 'root-cert create'],
    },
  ],
});
