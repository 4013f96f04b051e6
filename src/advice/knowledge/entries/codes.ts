/**
 * "What does 502.3 / 500.19 / 12002 mean?": the codes people ask about most, answered from the
 * project's code table (evidence/code-table.ts through describeStatus and the decode functions),
 * so the bot and the diagnosis never disagree about a code.
 */
import { decodeHresult, decodeWin32, describeStatus, hex32 } from '../../../evidence/codes';
import { DOCS } from '../references';
import { bullets, paragraphs, titledList } from '../text';
import type { KnowledgeEntry } from '../types';

/** HRESULT_FROM_WIN32: how events, FREB and exceptions write a Win32 code. */
function hresultOf(win32: number): number {
  return (0x80070000 | win32) >>> 0;
}

/** Every spelling of a Win32 code people meet: 12002, 0x80072EE2, 2147954402, -2147012894. */
function win32Spellings(win32: number): string[] {
  const hr = hresultOf(win32);
  return [String(win32), hex32(hr), String(hr), String(hr | 0)];
}

/** "12002 (ERROR_WINHTTP_TIMEOUT): <meaning>". */
function win32Line(win32: number): string {
  const decoded = decodeWin32(win32);
  return `${win32}${decoded.name ? ` (${decoded.name})` : ''}: ${decoded.meaning}`;
}


const code5023: KnowledgeEntry = {
  id: 'code-502-3',
  title: '502.3: the call from IIS to the app broke or timed out',
  phrasings: ['what does 502.3 mean', 'what is a 502.3 error', '502.3 bad gateway', 'http error 502.3', 'substatus 3 on a 502'],
  keywords: ['forwarder connection', 'arr'],
  answer: () => ({
    text: paragraphs(
      `502.3 = ${describeStatus(502, 3)}.`,
      'IIS writes it in two situations: ANCM with out-of-process hosting could not complete the request to Kestrel, or ARR (Application Request Routing, or a URL Rewrite reverse-proxy rule) could not complete it to the server behind it. In-process apps never produce 502.3 from ANCM.',
      titledList(
        'The Win32 code next to it (sc-win32-status in the IIS log, ErrorCode in FREB) says what happened:',
        bullets([12002, 12029, 12030, 12152, 64, 1236].map(win32Line)),
      ),
      'Then look at time-taken: a near-constant value (120 s is ANCM\'s default requestTimeout, 30 s ARR\'s web farm timeout) is a timeout; short, scattered values with 12030 or 64 are a process that died or dropped the connection.',
      'Paste a few IIS log rows with the #Fields: line and I will tell which.',
    ),
    references: [DOCS.arr502, DOCS.ancm, DOCS.winhttpErrors],
  }),
};

const code5025: KnowledgeEntry = {
  id: 'code-502-5',
  title: '502.5: the out-of-process app did not start',
  phrasings: ['what does 502.5 mean', 'what is 502.5 process failure', 'http error 502.5', 'ANCM out-of-process startup failure', 'how do I fix 502.5'],
  keywords: ['kestrel', 'launch'],
  answer: () => ({
    text: paragraphs(
      `502.5 = ${describeStatus(502, 5)}.`,
      'ANCM launched dotnet YourApp.dll (or YourApp.exe) and the process exited, crashed or never listened on the port it was given. ANCM tries twice per request and logs each failed attempt in Event Viewer (source "IIS AspNetCore Module V2", event 1000) and the final failure as event 1020, which includes the first 30 KB of what the process printed; event 1003 means rapid-fail protection stopped further attempts.',
      titledList(
        'Common reasons:',
        bullets([
          'The .NET runtime version the app targets is not installed on the server.',
          'An exception during startup: missing appsettings file or setting, a database that refuses the connection at startup, a missing environment variable, a failing dependency injection registration.',
          'Wrong processPath or arguments in web.config, or a 32/64-bit mismatch.',
          'A port conflict when ASPNETCORE_PORT or URLs is fixed instead of left to ANCM.',
        ]),
      ),
      'Next: read event 1020 (or enable stdout logging and reproduce), or run "dotnet .\\YourApp.dll" in the site folder on the server to see the exception directly.',
    ),
    references: [DOCS.troubleshootIis, DOCS.iisErrors, DOCS.outOfProcess],
  }),
};

const code50030: KnowledgeEntry = {
  id: 'code-500-30',
  title: '500.30: the in-process app did not start',
  phrasings: ['what does 500.30 mean', 'what is 500.30 in-process start failure', 'http error 500.30', 'ASP.NET Core app failed to start', 'how do I fix 500.30'],
  keywords: ['w3wp'],
  answer: () => ({
    text: paragraphs(
      `500.30 = ${describeStatus(500, 30)}.`,
      'It is the in-process counterpart of 502.5: the app runs inside w3wp.exe, threw or exited before it was ready, and ANCM answered 500.30. The reason is in Event Viewer > Application, source "IIS AspNetCore Module V2": events 1007, 1011, 1018 or 1035 (1035 and 1018 embed the captured output), together with 1010.',
      titledList('Its more specific siblings:', bullets([31, 32, 33, 34, 35, 36, 37, 38].map((sub) => `500.${sub} = ${describeStatus(500, sub)}.`))),
      'Next: read those events or enable stdout logging; setting ASPNETCORE_DETAILEDERRORS=1 temporarily also shows the exception on the error page.',
    ),
    references: [DOCS.troubleshootIis, DOCS.iisErrors, DOCS.inProcess],
  }),
};

const code50019: KnowledgeEntry = {
  id: 'code-500-19',
  title: '500.19: IIS cannot read the configuration',
  phrasings: ['what does 500.19 mean', 'http error 500.19', 'configuration data for the page is invalid', 'how do I fix 500.19', 'error code 0x8007000d'],
  keywords: ['error_invalid_data', ...win32Spellings(13).slice(2)],
  answer: () => {
    const invalidData = decodeHresult(hresultOf(13));
    return {
      text: paragraphs(
        `500.19 = ${describeStatus(500, 19)}.`,
        `The page usually shows an error code; ${invalidData.code} (${invalidData.name}) means: ${invalidData.meaning}`,
        titledList(
          'Check:',
          bullets([
            'Is the ASP.NET Core Hosting Bundle installed (or was IIS restarted after installing it)? Without it IIS does not know the <aspNetCore> element or the AspNetCoreModuleV2 handler.',
            'Is web.config well-formed XML? The detailed error page names the file and the line it choked on.',
            'Is a section locked at the server level (a "locked" or overrideModeDefault message)? Unlock it in applicationHost.config or move the setting there.',
            'Can the application pool identity read web.config and the site folder?',
          ]),
        ),
      ),
      references: [DOCS.iisErrors, DOCS.hostingBundle],
    };
  },
};

const code12002: KnowledgeEntry = {
  id: 'code-12002',
  title: '12002 (ERROR_WINHTTP_TIMEOUT): the backend did not answer in time',
  phrasings: ['what does 12002 mean', 'what is win32 status 12002', 'sc-win32-status 12002', 'what is error 2147954402', 'what is 0x80072ee2', 'what is ERROR_WINHTTP_TIMEOUT', '502.3 with 12002'],
  keywords: [...win32Spellings(12002).slice(3), 'wininet_e_timeout', 'winhttp'],
  answer: () => ({
    text: paragraphs(
      `${win32Line(12002)}`,
      `The same error is written ${win32Spellings(12002).slice(1).join(', ')} in FREB traces, events and exceptions.`,
      titledList(
        'Which timeout fired? Compare the time-taken of the failing IIS log rows with:',
        bullets([
          'about 120 s: ANCM\'s requestTimeout (default 00:02:00, out-of-process only), or ARR\'s server proxy timeout (also 2 minutes by default);',
          'about 30 s: ARR\'s web farm protocol timeout;',
          'any other constant value: a requestTimeout or proxy timeout someone configured.',
        ]),
      ),
      'Then find out why the app was that slow (ask me about thread pool starvation if many URLs time out together), and only raise the timeout for work that legitimately takes that long.',
    ),
    references: [DOCS.winhttpErrors, DOCS.ancm, DOCS.arr502],
  }),
};

const code12030: KnowledgeEntry = {
  id: 'code-12030',
  title: '12030 (ERROR_WINHTTP_CONNECTION_ERROR): the backend dropped the connection',
  phrasings: ['what does 12030 mean', 'what is win32 status 12030', 'sc-win32-status 12030', '502.3 with 12030', 'what is 0x80072efe', 'what is ERROR_WINHTTP_CONNECTION_ERROR'],
  keywords: [...win32Spellings(12030).slice(2), 'error_internet_connection_aborted', 'reset'],
  answer: () => ({
    text: paragraphs(
      `${win32Line(12030)}`,
      `The same error is written ${win32Spellings(12030).slice(1).join(', ')} in FREB traces, events and exceptions.`,
      titledList(
        'What to check at the time of the failures:',
        bullets([
          'Application log: ".NET Runtime" event 1026 (unhandled exception with its stack) or "Application Error" event 1000 (exception code 0xc00000fd = stack overflow, 0xc0000005 = access violation).',
          'System log: WAS events 5009 (worker terminated), 5010 (ping failure: the worker hung), and 5074 to 5081 or 5117 (recycles, with the reason).',
          'Whether time-taken is short and scattered (a crash or recycle) rather than constant (a timeout).',
          'Behind a proxy with keep-alive: a backend that closes idle connections before the proxy does causes occasional 12030s on otherwise healthy apps.',
        ]),
      ),
    ),
    references: [DOCS.winhttpErrors, DOCS.troubleshootIis],
  }),
};

export const CODE_ENTRIES: readonly KnowledgeEntry[] = [code5023, code5025, code50030, code50019, code12002, code12030];
