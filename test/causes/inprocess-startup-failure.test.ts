import cause from '../../src/causes/inprocess-startup-failure';
import { runCauseTests } from '../helpers/cause-tester';
import { ancmPage, eventText, events, iisLog, lineOf } from './startup-fixtures';

const CLR_EXCEPTION = eventText(1018, "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\myapplication\\' hit unexpected managed exception, exception code = '0xe0434352'. Please check the stderr logs for more information.");
const CLR_EXITED = eventText(1007, "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\myapplication\\' failed to load coreclr. Exception message:\nCLR worker thread exited prematurely");
const STARTED = eventText(1032, "Application '/LM/W3SVC/2/ROOT' started successfully.", { level: 'Information' });
const MAIN_EXITED = eventText(1011, "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' has exited from Program.Main with exit code = '0'. Please check the stderr logs for more information.");
const WITH_EXCEPTION = eventText(
  1035,
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' has exited from Program.Main with exit code = '-532462766'. First 30KB characters of captured stdout and stderr logs:\nUnhandled exception. System.InvalidOperationException: Unable to resolve service for type 'Contoso.Shop.IOrderStore' while attempting to activate 'Contoso.Shop.OrderService'.\n   at Microsoft.Extensions.DependencyInjection.ServiceLookup.CallSiteFactory.CreateArgumentCallSites(ServiceIdentifier serviceIdentifier, Type implementationType, CallSiteChain callSiteChain, ParameterInfo[] parameters, Boolean throwIfCallSiteNotFound)",
);
const TWO = events(CLR_EXCEPTION, CLR_EXITED);

runCauseTests(cause, {
  valid: [
    { name: 'a healthy in-process start (ANCM 1032)', evidence: { 'application-events.txt': STARTED } },
    { name: 'the out-of-process startup failure page (502.5)', evidence: { 'page.html': ancmPage(502, 5, 'ANCM Out-Of-Process Startup Failure') } },
    { name: 'a 1018 after a healthy start (a crash mid-request)', evidence: { 'application-events.txt': events(STARTED, CLR_EXCEPTION) } },
    {
      name: 'the startup time limit variant of 1007 (owned by startup-time-limit)',
      evidence: { 'application-events.txt': eventText(1007, "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to load coreclr. Exception message:\nManaged server didn't initialize after 120000 ms.") },
    },
  ],
  invalid: [
    {
      name: 'Main returned early (ANCM 1011 with its exit code)',
      evidence: { 'application-events.txt': MAIN_EXITED },
      minConfidence: 0.8,
      evidenceLines: [11],
      mentions: ['exit code 0', 'C:\\inetpub\\shop\\', 'stdoutLogEnabled'],
    },
    {
      name: 'the 500.30 page alone',
      evidence: { 'page.html': ancmPage(500, 30, 'ASP.NET Core app failed to start', ['The app failed to start', 'The app started but then stopped']) },
      minConfidence: 0.6,
      maxConfidence: 0.8,
      evidenceLines: [5],
      mentions: ['500.30', 'ASPNETCORE_DETAILEDERRORS'],
    },
    {
      name: '1018 with the CLR exception code and 1007 "CLR worker thread exited prematurely"',
      evidence: { 'application-events.txt': TWO },
      minConfidence: 0.8,
      evidenceLines: [lineOf(TWO, 'CLR worker thread exited prematurely') - 1, lineOf(TWO, "exception code = '0xe0434352'")],
      mentions: ['0xe0434352', 'managed (.NET) exception'],
    },
    {
      name: 'IIS log rows with 500.30 and a 1035 that names the exception: generic cause steps back', trails: "The exception 1035 names makes startup-exception the specific cause.", behind: 'startup-exception',
      evidence: { 'u_ex261120.log': iisLog([[500, 30, 0, 1500, '/']]), 'application-events.txt': WITH_EXCEPTION },
      maxConfidence: 0.6,
      evidenceLines: ['u_ex261120.log:5', 'application-events.txt:11'],
      mentions: ['more specific reason'],
    },
  ],
});
