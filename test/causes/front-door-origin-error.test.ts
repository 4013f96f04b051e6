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
  messy: {
    valid: [
      {
        // Front Door ErrorInfo value (AFD) for a timeout, in a sentence.
        name: 'OriginTimeout in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'front door logs errorInfo OriginTimeout for the export, after 30 s' },
      },
    ],
    invalid: [
      {
        // Front Door ErrorInfo value (AFD access-log docs) in a sentence.
        name: 'OriginConnectionRefused in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': 'front door access log shows errorInfo OriginConnectionRefused for every request since the app service restart' },
      },
      {
        // The properties of a Front Door access-log record (AFD field names), without the envelope.
        name: 'the properties of a Front Door record without the envelope',
        form: 'header-less',
        evidence: { 'props.txt': '"httpStatusCode": "503", "httpStatusDetails": "503", "pop": "FRA", "cacheStatus": "CONFIG_NOCACHE", "errorInfo": "OriginInvalidResponse"' },
      },
      {
        // The generic Front Door page (real text, https://github.com/OfficeDev/microsoft-teams-apps-company-communicator/issues/490) in a fence with prose.
        name: 'the Front Door page in a fence with prose',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'users see this instead of the site:',
            '```',
            "Our services aren't available right now",
            "We're working to restore all services as soon as possible. Please check back soon.",
            '0VJ8bYQAAAAABziYK118hQZeL+qoqf//4TE9OMjFFREdFMDIxMQBlZGIzYzQ4YS0xZTQ2LTRhYjgtODViZS1jMThiZWY4MDRmODk=',
            '```',
          ].join('\n'),
        },
      },
      {
        // Front Door ErrorInfo value (AFD) in Japanese prose.
        name: 'Japanese prose with DNSNameNotResolved',
        form: 'other language',
        evidence: { 'message.txt': 'Front Door のアクセスログに errorInfo: DNSNameNotResolved が出ていて、ステータスは 503 です。' },
      },
    ],
  },
});
