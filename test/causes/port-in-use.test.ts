import cause from '../../src/causes/port-in-use';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, eventText, lineOf, webConfig } from './startup-fixtures';

// Real: aspnet/IISIntegration#1125 (Kestrel's bind failure when two apps drew the same port).
const BIND_FAILURE = [
  'crit: Microsoft.AspNetCore.Server.Kestrel[0]',
  '      Unable to start Kestrel.',
  'System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use. ---> Microsoft.AspNetCore.Connections.AddressInUseException: Only one usage of each socket address (protocol/network address/port) is normally permitted ---> System.Net.Sockets.SocketException: Only one usage of each socket address (protocol/network address/port) is normally permitted',
  '   at System.Net.Sockets.Socket.UpdateStatusAfterSocketErrorAndThrowException(SocketError error, String callerName)',
].join('\n');
const FIXED_PORT_CONFIG = webConfig(
  [
    '<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" hostingModel="outofprocess">',
    '        <environmentVariables>',
    '          <environmentVariable name="ASPNETCORE_PORT" value="5000" />',
    '        </environmentVariables>',
    '      </aspNetCore>',
  ].join('\n'),
);
const URLS_CONFIG = webConfig(
  [
    '<aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" hostingModel="outofprocess">',
    '        <environmentVariables>',
    '          <environmentVariable name="ASPNETCORE_URLS" value="http://localhost:8080" />',
    '        </environmentVariables>',
    '      </aspNetCore>',
  ].join('\n'),
);
const CHOOSE_PORT = eventText(
  1001,
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to choose listen port '5000' given port range '1025 - 48000', ErrorCode = '0x80072740'. If environment variable 'ASPNETCORE_PORT' was set, try removing it such that a random port is selected instead.",
);
const NO_LISTEN = eventText(
  1000,
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' created process with commandline '\"C:\\Program Files\\dotnet\\dotnet.exe\" .\\Contoso.Shop.dll' but failed to listen on the given port '24567'",
  { level: 'Warning' },
);

runCauseTests(cause, {
  valid: [
    {
      name: 'a healthy out-of-process start (1001 at Information level)',
      evidence: { 'application-events.txt': eventText(1001, "Application '/LM/W3SVC/2/ROOT' started process '4242' successfully and process '4242' is listening on port '24567'.", { level: 'Information' }) },
    },
    { name: 'a fixed ASPNETCORE_PORT in web.config with nothing failing', evidence: { 'web.config': FIXED_PORT_CONFIG } },
    {
      name: 'outbound HttpClient running out of ephemeral ports (socket exhaustion, not a bind failure)',
      evidence: {
        'app.log': 'System.Net.Http.HttpRequestException: Only one usage of each socket address (protocol/network address/port) is normally permitted. (api.contoso.com:443)',
      },
    },
  ],
  invalid: [
    {
      name: "Kestrel's bind failure beside the 502.5 page (real: aspnet/IISIntegration#1125)",
      evidence: { 'console.txt': BIND_FAILURE, 'page.html': ancmPage(502, 5, 'ANCM Out-Of-Process Startup Failure') },
      minConfidence: 0.8,
      evidenceLines: ['console.txt:3'],
      mentions: ['http://127.0.0.1:5000', 'Get-NetTCPConnection'],
    },
    {
      name: 'ANCM 1001 at Error level: it could not choose a port, with ASPNETCORE_PORT pinned in web.config',
      evidence: { 'application-events.txt': CHOOSE_PORT, 'web.config': FIXED_PORT_CONFIG },
      minConfidence: 0.85,
      evidenceLines: ['application-events.txt:11', `web.config:${lineOf(FIXED_PORT_CONFIG, 'ASPNETCORE_PORT')}`],
      mentions: ['ASPNETCORE_PORT=5000', '1025 - 48000', 'remove the ASPNETCORE_PORT'],
    },
    {
      name: 'the process never listened on the assigned port, and web.config pins ASPNETCORE_URLS',
      evidence: { 'application-events.txt': NO_LISTEN, 'web.config': URLS_CONFIG },
      minConfidence: 0.7,
      evidenceLines: ['application-events.txt:11'],
      mentions: ['ASPNETCORE_URLS=http://localhost:8080', '24567', 'UseUrls'],
    },
    {
      name: 'the process never listened on the assigned port (no config to corroborate)',
      evidence: { 'application-events.txt': NO_LISTEN },
      maxConfidence: 0.5,
      evidenceLines: [11],
    },
  ],
  messy: {
    valid: [
      {
        // A pinned port in prose with nothing failing (kb-facts §1.1 1001 quirk needs an Error-level event).
        name: 'a pinned ASPNETCORE_PORT mentioned with nothing failing',
        form: 'in prose',
        evidence: { 'message.txt': 'we set ASPNETCORE_PORT to 5005 in web.config last week to make the firewall rule simpler, everything has been fine since, just asking if that is ok' },
      },
      {
        // Kestrel binds "localhost" as two listeners and only logs the family it could not bind
        // (LocalhostListenOptions, at Information): the app is up on the other one, no port clash.
        name: "Kestrel's IPv6 loopback line in a container without IPv6",
        form: 'in prose',
        evidence: { 'message.txt': "the gateway shows an error page and azds trace says: Unable to bind to http://localhost:5000 on the IPv6 loopback interface: 'Cannot assign requested address'." },
      },
    ],
    invalid: [
      {
        // Kestrel bind failure (kb-facts §6.5, CoreStrings.resx) with the exception message wrapped by the terminal.
        name: 'the Kestrel bind failure wrapped over two lines',
        form: 'split over lines',
        evidence: {
          'stdout.log': [
            'crit: Microsoft.AspNetCore.Server.Kestrel[0]',
            '      Unable to start Kestrel.',
            '      System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address',
            '      already in use.',
          ].join('\n'),
        },
      },
      {
        // The same failure with the inner exception arrow, as Slack escapes it (kb-facts §6.5: AddressInUseException inner).
        name: 'the bind failure with its inner exception, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: {
          'message.txt': [
            '502.5 after deploy &amp; stdout says:',
            'System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.',
            ' ---&gt; Microsoft.AspNetCore.Connections.AddressInUseException: Only one usage of each socket address (protocol/network address/port) is normally permitted.',
          ].join('\n'),
        },
      },
      {
        // ANCM 1000 "failed to listen on the given port" template (kb-facts §1.1) inside a Spanish message.
        name: 'a Spanish report around the failed-to-listen text',
        form: 'other language',
        evidence: { 'mensaje.txt': "Hola, el sitio devuelve 502.5 y en el visor de eventos aparece: Application '/LM/W3SVC/4/ROOT' with physical root 'C:\\sites\\api\\' created process with commandline 'dotnet .\\Api.dll' but failed to listen on the given port '28017'. En web.config tenemos ASPNETCORE_URLS=http://localhost:5000. ¿Alguna idea?" },
      },
      {
        // The Kestrel bind failure (kb-facts §6.5) as the Slack API delivers it: the address turned into link markup.
        name: 'the bind failure with Slack link markup around the address',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'message.txt': 'crit: Microsoft.AspNetCore.Server.Kestrel[0] Unable to start Kestrel. System.IO.IOException: Failed to bind to address <http://127.0.0.1:5000>: address already in use.' },
      },
    ],
  },
});
