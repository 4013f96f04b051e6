import cause from '../../src/causes/socket-exhaustion';
import { runCauseTests } from '../helpers/cause-tester';
import { socketExhausted } from './support/app-output';
import { iisLog, iisRow } from './support/windows-evidence';

runCauseTests(cause, {
  valid: [
    {
      name: 'Kestrel failing to bind its own port is a port clash at startup',
      evidence: {
        'stdout_20261120101501_4242.log': [
          'crit: Microsoft.AspNetCore.Server.Kestrel[0]',
          '      Unable to start Kestrel.',
          '      System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.',
        ].join('\n'),
      },
    },
    {
      name: 'an HttpClient timeout alone does not show exhausted sockets',
      evidence: {
        'stdout_20261120101501_4242.log': ['fail: Shop.Services.CatalogClient[0]', '      System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.'].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'SocketException 10055 from HttpClient',
      evidence: { 'stdout_20261120101501_4242.log': socketExhausted().join('\n') },
      minConfidence: 0.55,
      maxConfidence: 0.7,
      evidenceLines: [3],
      mentions: ['TIME_WAIT', 'IHttpClientFactory', 'lacked sufficient buffer space'],
    },
    {
      name: 'SocketException 10055 while ANCM times out',
      evidence: {
        'stdout_20261120101501_4242.log': socketExhausted().join('\n'),
        'u_ex261120.log': iisLog([iisRow('10:15:01', 'GET', '/api/catalog', 502, 3, 12002, 120015)]),
      },
      minConfidence: 0.7,
      mentions: ['likely root of those 502/504s'],
    },
    {
      name: 'the HRESULT of WSAENOBUFS (0x80072747) named in prose',
      evidence: { 'notes.txt': 'calls to the catalog API fail with error code 0x80072747 under load' },
      maxConfidence: 0.4,
      mentions: ['netstat -ano'],
    },
  ],
});
