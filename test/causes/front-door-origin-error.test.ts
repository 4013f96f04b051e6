import cause from '../../src/causes/front-door-origin-error';
import { runCauseTests } from '../helpers/cause-tester';
import { FRONT_DOOR_PAGE, frontDoorLog } from './edge-samples';

runCauseTests(cause, {
  valid: [
    { name: 'OriginTimeout belongs to the timeout cause', evidence: { 'fd.json': frontDoorLog(503, 'OriginTimeout', 30.02) } },
    { name: 'certificate errors belong to the TLS cause', evidence: { 'fd.json': frontDoorLog(503, 'CertificateNameCheckFailed', 0.05) } },
    { name: 'an X-Azure-Ref header on a healthy response', evidence: { 'headers.txt': 'HTTP/2 200\ncontent-type: text/html\nx-azure-ref: 20261120T101501Z-16b5f7c9d8f-abcde' } },
    { name: 'an X-Azure-Ref header alone says nothing about an error', evidence: { 'headers.txt': 'x-azure-ref: 20261120T101501Z-16b5f7c9d8f-abcde\ncache-control: no-cache' } },
  ],
  invalid: [
    {
      name: 'OriginConnectionRefused in the access log',
      evidence: { 'fd.json': [frontDoorLog(503, 'OriginConnectionRefused', 0.02), frontDoorLog(503, 'OriginConnectionRefused', 0.03), frontDoorLog(503, 'OriginConnectionRefused', 0.02)].join('\n') },
      minConfidence: 0.85,
      evidenceLines: [1, 2, 3],
      mentions: ['ErrorInfo OriginConnectionRefused (3 requests)', 'AzureFrontDoor.Backend'],
    },
    {
      name: 'OriginInvalidResponse',
      evidence: { 'fd.json': frontDoorLog(503, 'OriginInvalidResponse', 1.2) },
      minConfidence: 0.8,
      mentions: ['byte ranges', 'curl -s -D -'],
    },
    {
      name: 'the generic Front Door page (real: https://github.com/OfficeDev/microsoft-teams-apps-company-communicator/issues/490)',
      evidence: { 'page.txt': FRONT_DOOR_PAGE },
      minConfidence: 0.35,
      maxConfidence: 0.45,
      evidenceLines: [1],
      mentions: ['TrackingReference', '0VJ8bYQAAAAABziYK118hQZeL'],
    },
    {
      name: 'DNS failure to resolve the origin',
      evidence: { 'fd.json': frontDoorLog(503, 'DNSNameNotResolved', 0.01) },
      mentions: ['Resolve-DnsName'],
    },
  ],
});
