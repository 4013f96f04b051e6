import cause from '../../src/causes/socket-exhaustion';
import { runCauseTests } from '../helpers/cause-tester';
import { socketExhausted } from './support/app-output';
import { iisLog, iisRow } from './support/windows-evidence';

runCauseTests(cause, {
  valid: [
    {
      name: 'an exhausted thread pool is not an exhausted port range',
      evidence: { 'notes.txt': 'the thread pool was exhausted under load and every request timed out' },
    },
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
      // App Service's "SNAT Port Exhaustion" detector names the condition; WSAETIMEDOUT (10060,
      // Winsock's message) is how the starved connects then fail.
      name: 'SNAT port exhaustion named, with the connect timeouts it causes',
      evidence: {
        'notes.txt': [
          'The App Service diagnostics report SNAT port exhaustion whenever the import job runs, and calls to the partner API fail with',
          'System.Net.Sockets.SocketException (10060): A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.',
        ].join('\n'),
      },
      minConfidence: 0.5,
      evidenceLines: [1],
      mentions: ['IHttpClientFactory'],
    },
    {
      name: 'the HRESULT of WSAENOBUFS (0x80072747) named in prose',
      evidence: { 'notes.txt': 'calls to the catalog API fail with error code 0x80072747 under load' },
      maxConfidence: 0.4,
      mentions: ['netstat -ano'],
    },
  ],
  messy: {
    valid: [
      {
        // Kestrel's bind failure (CoreStrings) in prose: its own port at startup, not outbound sockets.
        name: "Kestrel's bind failure in prose",
        form: 'in prose',
        evidence: { 'message.txt': 'app will not start: Failed to bind to address http://127.0.0.1:5000: address already in use' },
      },
    ],
    invalid: [
      {
        // App Service's outbound connection symptoms (learn.microsoft.com troubleshoot-intermittent-outbound-connection-errors)
        // as someone on call tells them, the status line said in the same sentence.
        name: 'outbound connections failing while the gateway answers 502, told in one sentence',
        form: 'in prose',
        evidence: {
          'message.txt': 'Our API on App Service returns intermittent 502 Bad Gateway since Monday, and at the same time the outbound connections to SQL and to the payments API fail to connect.',
        },
      },
      {
        // https://github.com/ShuffleDATMT/PTC-Creator/issues/9 (the exception and the line of code under it)
        name: 'the WSAENOBUFS text quoted with the offending call (real)',
        form: 'paraphrased',
        evidence: { 'issue.txt': 'System.Net.Sockets.SocketException: "An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full"\n\nController.cs\n                        string content = client.GetStringAsync(_.url).Result;' },
      },
      {
        // https://github.com/Azure/azure-cosmos-dotnet-v2/issues/772 (the JSON-serialized exception, cut after the message)
        name: 'a JSON-serialized SocketException with NativeErrorCode 10055 (real)',
        form: 'header-less',
        evidence: { 'log.json': '"errormessage":"{Message: \\"An error occurred while sending the request.\\"\\r\\nData: {}\\r\\nInnerException: {\\r\\n \\"ClassName\\": \\"System.Net.WebException\\",\\r\\n \\"Message\\": \\"Unable to connect to the remote server\\",\\r\\n \\"InnerException\\": {\\r\\n \\"NativeErrorCode\\": 10055,\\r\\n \\"ClassName\\": \\"System.Net.Sockets.SocketException\\",\\r\\n \\"Message\\": \\"An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full\\",' },
      },
      {
        // https://github.com/GameXG/TcpRoute/issues/12 (Windows' own Chinese text for WSAENOBUFS, with the code)
        name: "Windows' Chinese text for 10055 (real)",
        form: 'other language',
        evidence: { 'issue.txt': '极限测试时的 error: [Errno 10055] 由于系统缓冲区空间不足或队列已满，不能执行套接字上的操作。' },
      },
      {
        // SocketError.NoBufferSpaceAvailable text (System.Net.Primitives) with the HttpClient host suffix, copied from mid-line.
        name: 'the WSAENOBUFS text copied from mid-line',
        form: 'mid-line',
        evidence: { 'paste.txt': '...could not be performed because the system lacked sufficient buffer space or because a queue was full. (catalog.example.com:443) ---> System.Net.Sockets.SocketException (10055)' },
      },
      {
        // SocketException 10055 (WSAENOBUFS, System.Net.Primitives SocketError text) without the logger header.
        name: 'SocketException 10055 without the logger header',
        form: 'header-less',
        evidence: { 'exception.txt': 'System.Net.Sockets.SocketException (10055): An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full.\n   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)' },
      },
      {
        // The same code and text retold in a sentence.
        name: 'retold: SocketException 10055, no buffer space, under load',
        form: 'paraphrased',
        evidence: { 'message.txt': 'under load the outgoing HttpClient calls fail with SocketException 10055, the system lacked sufficient buffer space or a queue was full, then IIS gives 502' },
      },
      {
        // HttpClient's connect failure with WSAEADDRINUSE (SocketError text "Only one usage of each socket address") in German prose.
        name: 'German prose: only one usage of each socket address on outbound calls',
        form: 'other language',
        evidence: { 'nachricht.txt': 'Unter Last schlagen die Aufrufe an die Katalog-API fehl: System.Net.Http.HttpRequestException: Only one usage of each socket address (protocol/network address/port) is normally permitted. (catalog.example.com:443) ---> System.Net.Sockets.SocketException (10048)' },
      },
      {
        // The app-output sample (HttpClient with WSAENOBUFS) inside a fence with prose.
        name: 'the HttpClient failure in a fence with prose',
        form: 'fenced',
        evidence: {
          'slack.txt': [
            'catalog client log from the busy node:',
            '```',
            'fail: Shop.Services.CatalogClient[0]',
            '      System.Net.Http.HttpRequestException: An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full. (catalog.example.com:443)',
            '```',
            'we create a new HttpClient per call btw',
          ].join('\n'),
        },
      },
    ],
  },
});
