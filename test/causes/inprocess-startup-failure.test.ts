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
  messy: {
    valid: [
      {
        // ANCM 1032 new text (kb-facts §1.1): a healthy in-process start, mentioned in prose.
        name: 'a healthy in-process start mentioned in a sentence',
        form: 'in prose',
        evidence: { 'message.txt': "after the recycle event viewer only says Application '/LM/W3SVC/2/ROOT' started successfully. so the app itself came up fine" },
      },
    ],
    invalid: [
      {
        // ANCM 1011 new text and its 1010 companion (kb-facts §1.1), copied without the Event Viewer header. (With exit code
        // -532462766 = 0xE0434352 the engine rightly reads an unhandled exception: startup-exception.)
        name: 'the 1011 and 1010 messages without their Event Viewer headers',
        form: 'header-less',
        evidence: {
          'events.txt': [
            "Application '/LM/W3SVC/1/ROOT' with physical root 'D:\\sites\\api\\' has exited from Program.Main with exit code = '1'. Please check the stderr logs for more information.",
            "Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode '0x8007023e'.",
          ].join('\n'),
        },
      },
      {
        // The 500.30 title and a reason (kb-facts §1.2) typed from memory.
        name: 'the 500.30 page retyped in lower case',
        form: 'paraphrased',
        evidence: { 'message.txt': 'since this morning prod shows http error 500.30 - asp.net core app failed to start. the app started but then stopped, is what the page says' },
      },
      {
        // ANCM 1018 (kb-facts §1.1) wrapped by the mail client in the middle of the message.
        name: 'the 1018 message wrapped over two lines',
        form: 'split over lines',
        evidence: {
          'event.txt': [
            "Application '/LM/W3SVC/1/ROOT' with physical root 'D:\\sites\\api\\' hit unexpected managed exception, exception",
            "code = '0xe0434352'. Please check the stderr logs for more information.",
            "Application '/LM/W3SVC/1/ROOT' with physical root 'D:\\sites\\api\\' failed to load coreclr. Exception message:",
            'CLR worker thread exited prematurely',
          ].join('\n'),
        },
      },
    ],
  },
});
