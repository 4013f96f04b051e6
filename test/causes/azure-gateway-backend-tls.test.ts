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
  messy: {
    valid: [
      {
        // Front Door ErrorInfo value (AFD) for a timeout, in a sentence: not TLS.
        name: 'OriginTimeout in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'front door access log says errorInfo OriginTimeout for /api/export' },
      },
    ],
    invalid: [
      {
        // Front Door ErrorInfo value (AFD access-log docs) in a sentence.
        name: 'CertificateNameCheckFailed in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'since we pointed front door at the new origin every request fails, the access log says errorInfo CertificateNameCheckFailed' },
      },
      {
        // The properties of a Front Door access-log record (AFD field names), without the envelope.
        name: 'the properties of a Front Door record without the envelope',
        form: 'header-less',
        evidence: { 'props.txt': '"httpStatusCode": "502", "httpStatusDetails": "502", "pop": "AMS", "cacheStatus": "CONFIG_NOCACHE", "errorInfo": "SSLInvalidRootCA"' },
      },
      {
        // Application Gateway backend health text (azure-docs backend-health troubleshooting: trusted root mismatch) in German prose.
        name: 'German prose around the trusted-root health message',
        form: 'other language',
        evidence: { 'nachricht.txt': 'Seit dem Zertifikatswechsel ist das Backend im Application Gateway "Fehlerhaft". Details: The root certificate of the server certificate used by the backend does not match the trusted root certificate added to the application gateway.' },
      },
      {
        // Application Gateway backend health text (CN mismatch) retold.
        name: 'retold: the CN of the backend certificate does not match the probe host',
        form: 'paraphrased',
        evidence: { 'message.txt': 'backend health shows unhealthy because the Common Name (CN) of the backend certificate does not match the host header of the probe' },
      },
    ],
  },
});
