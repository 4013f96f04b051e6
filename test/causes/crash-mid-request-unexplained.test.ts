/**
 * The family-level answer of crash-mid-request: it leads when the evidence points at the family but at no
 * specific cause in it, and steps back as soon as a specific cause (or another family) is named.
 * The evidence is what people type into Slack when they have no log at hand yet.
 */
import cause from '../../src/causes/crash-mid-request-unexplained';
import { runCauseTests } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: "the CLR says it was a stack overflow", evidence: { 'message.txt': "Faulting application name: w3wp.exe\nException code: 0xc00000fd" } },
    { name: "a refused connection at the proxy is another family", evidence: { 'message.txt': "502 Bad Gateway. The proxy cannot reach the origin server, connection refused" } },
  ],
  invalid: [
    { name: "a crash described in words", evidence: { 'message.txt': "The app crashes under traffic and the connection is dropped mid-request" } },
    // Kestrel's BadRequest_RequestBodyTooLarge (CoreStrings.resx) behind ANCM: the shape of aspnet/KestrelHttpServer#2602.
    { name: 'Kestrel rejects a large body and IIS answers 502.3', evidence: { 'message.txt': 'Uploads over about 1 MB end with a 502.3 from IIS instead of my 413.\nMicrosoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Request body too large.' } },
    // systemd's exit and restart lines (src/core/service.c) for the app's unit: it died and came back.
    { name: 'systemd restarts the Kestrel service after its process exited', evidence: { 'journal.txt': 'Nov 20 10:15:02 web1 systemd[1]: kestrel-shop.service: Main process exited, code=exited, status=1/FAILURE\nNov 20 10:15:12 web1 systemd[1]: kestrel-shop.service: Scheduled restart job, restart counter is at 2.\nusers get 502 from nginx meanwhile' } },
    // Application Gateway access-log error_info (AGW docs: the backend closed the connection before the request was processed).
    { name: 'Application Gateway says the backend closed the connection', evidence: { 'agw.txt': 'Application Gateway access log, error_info: ERRORINFO_UPSTREAM_CLOSED_CONNECTION' } },
  ],
  messy: {
    valid: [
      {
        // A refused connection at the proxy (another family), as Slack escapes it.
        name: 'a refused connection at the proxy, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'message.txt': '&gt; 502 Bad Gateway &amp; the proxy cannot reach the origin server, connection refused' },
      },
    ],
    invalid: [
      {
        name: 'a helper that kills the whole process, told in words',
        form: 'in prose',
        evidence: { 'message.txt': 'Calling this helper from a Razor page is killing the whole process, nginx then answers 502 until systemd restarts it.' },
      },
      {
        // An async void action: the exception after its first await has no caller and ends the process.
        name: 'an async void action that brings the process down, told in words',
        form: 'in prose',
        evidence: {
          'message.txt': ['One controller action was an async void method.', 'When it throws, it brings down the process and nginx answers 502 until systemd restarts the service.'].join('\n'),
        },
      },
      {
        // A crash retold without any log.
        name: 'a crash retold without a log',
        form: 'paraphrased',
        evidence: { 'message.txt': 'under load the app just dies in the middle of requests, the connection gets dropped and users see 502 until it comes back' },
      },
      {
        // A Spanish message around the English description.
        name: 'a Spanish message around "the app crashes mid-request"',
        form: 'other language',
        evidence: { 'mensaje.txt': 'Con tráfico alto the app crashes and the connection is dropped mid-request, y los usuarios ven 502. No tengo logs todavía.' },
      },
      {
        // The same description in a sentence with other details.
        name: 'a crash described among other details',
        form: 'in prose',
        evidence: { 'message.txt': 'We moved to the new VM last week. Since then the app crashes under traffic and the connection is dropped mid-request; CPU looks fine.' },
      },
    ],
  },
});
