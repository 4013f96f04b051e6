/**
 * What an event's source and message say beyond the header: the event family (keyed on the
 * provider, because `.NET Runtime` 1026 and ANCM 1026 are different events), the faulting
 * application, module and exception code of a crash, and the application pool and process id that
 * WAS names. Also renders WAS messages from the data of an XML export, which carries only values.
 */
import type { EventFamily, WindowsEvent } from '../types';
import type { XmlEventData } from './event-xml';

const FAMILIES: Record<string, EventFamily> = {
  'iis aspnetcore module v2': 'ancm',
  'iis express aspnetcore module v2': 'ancm',
  'iis aspnetcore module': 'ancm',
  'iis express aspnetcore module': 'ancm',
  '.net runtime': 'dotnet-runtime',
  'application error': 'application-error',
  was: 'was',
  'microsoft-windows-was': 'was',
  'iis-w3svc-wp': 'w3svc-wp',
  'microsoft-windows-iis-w3svc-wp': 'w3svc-wp',
  'w3svc-wp': 'w3svc-wp',
  'windows error reporting': 'wer',
};

/** Provider names as they appear in exports, longest first (for reading list rows where spaces are ambiguous). */
export const KNOWN_PROVIDERS = [
  'IIS Express AspNetCore Module V2',
  'IIS Express AspNetCore Module',
  'Microsoft-Windows-IIS-W3SVC-WP',
  'IIS AspNetCore Module V2',
  'Windows Error Reporting',
  'Microsoft-Windows-WAS',
  'IIS AspNetCore Module',
  'Application Error',
  'IIS-W3SVC-WP',
  '.NET Runtime',
  'W3SVC-WP',
  'WAS',
];

/** The family of an event source, by its exact (case-insensitive) provider name. */
export function familyOf(provider: string): EventFamily {
  return FAMILIES[provider.trim().toLowerCase()] ?? 'other';
}

/** Sets exception code, faulting application/module, app pool and process id from the message. */
export function readMessageFields(event: WindowsEvent): void {
  // Format-List wraps long messages at the console width: read the fields across those breaks.
  const message = event.family === 'application-error' || event.family === 'dotnet-runtime' ? event.message : event.message.replace(/\s*\n\s*/g, ' ');
  switch (event.family) {
    case 'application-error': {
      const app = valueAfter(message, 'Faulting application name: ', ',');
      const module = valueAfter(message, 'Faulting module name: ', ',');
      if (app) event.faultingApplication ??= app;
      if (module) event.faultingModule ??= module;
      const code = /Exception code: (0x[0-9A-Fa-f]{1,8})/.exec(message);
      if (code?.[1]) event.exceptionCode ??= code[1].toLowerCase();
      const pid = /Faulting process id: 0x([0-9A-Fa-f]{1,8})/.exec(message);
      if (pid?.[1]) event.processId ??= Number.parseInt(pid[1], 16);
      break;
    }
    case 'dotnet-runtime': {
      const app = /^Application: (\S{1,260})/m.exec(message);
      if (app?.[1]) event.faultingApplication ??= app[1];
      const code = /exception code ([0-9A-Fa-f]{8})\b/.exec(message);
      if (code?.[1]) event.exceptionCode ??= `0x${code[1].toLowerCase()}`;
      break;
    }
    case 'was': {
      const pool = /application pool '([^']{1,256})'/i.exec(message);
      if (pool?.[1]) event.appPool ??= pool[1];
      const pid = /process id (?:of |was )'(\d{1,10})'/.exec(message);
      if (pid?.[1]) event.processId ??= Number(pid[1]);
      // 5009: the exit code of the crashed worker is the exception (NTSTATUS) code that killed it.
      const exit = /exit code was '(0x[0-9A-Fa-f]{1,8})'/.exec(message);
      if (exit?.[1]) event.exceptionCode ??= exit[1].toLowerCase();
      break;
    }
    case 'w3svc-wp':
    case 'ancm': {
      const pool = /application pool '([^']{1,256})'/i.exec(message);
      if (pool?.[1]) event.appPool ??= pool[1];
      break;
    }
    default:
      break;
  }
}

/** The text from `prefix` up to `stop` (or the line end), trimmed. */
function valueAfter(text: string, prefix: string, stop: string): string | undefined {
  const at = text.indexOf(prefix);
  if (at < 0) return undefined;
  const from = at + prefix.length;
  let end = text.indexOf(stop, from);
  const nl = text.indexOf('\n', from);
  if (end < 0 || (nl >= 0 && nl < end)) end = nl < 0 ? text.length : nl;
  const value = text.slice(from, end).trim();
  return value.length > 0 ? value.slice(0, 260) : undefined;
}

/**
 * WAS message templates (IIS 7+ wording) by event id, filled from the named data of an XML
 * export: `AppPoolID`, `ProcessID` and the one other value (an exit code, a timeout in minutes).
 */
const WAS_TEMPLATES: Record<number, (pool: string, pid: string, extra: string) => string> = {
  5002: (pool) => `Application pool '${pool}' is being automatically disabled due to a series of failures in the process(es) serving that application pool.`,
  5009: (pool, pid, extra) => `A process serving application pool '${pool}' terminated unexpectedly. The process id was '${pid}'. The process exit code was '${hex(extra)}'.`,
  5010: (pool, pid) => `A process serving application pool '${pool}' failed to respond to a ping. The process id was '${pid}'.`,
  5011: (pool, pid) => `A process serving application pool '${pool}' suffered a fatal communication error with the Windows Process Activation Service. The process id was '${pid}'. The data field contains the error number.`,
  5012: (pool, pid) => `A process serving application pool '${pool}' exceeded time limits during start up. The process id was '${pid}'.`,
  5013: (pool, pid) => `A process serving application pool '${pool}' exceeded time limits during shut down. The process id was '${pid}'.`,
  5059: (pool) => `A failure was encountered while launching the process serving application pool '${pool}'. The application pool has been disabled.`,
  5074: (pool, pid) => recycle(pid, pool, 'the worker process reached its allowed processing time limit'),
  5075: (pool, pid) => recycle(pid, pool, 'it reached its allowed request limit'),
  5076: (pool, pid) => recycle(pid, pool, 'it reached its scheduled recycle time'),
  5077: (pool, pid) => recycle(pid, pool, 'it reached its virtual memory limit'),
  5078: (pool, pid) => `An ISAPI reported an unhealthy condition to its worker process. Therefore, the worker process with process id of '${pid}' serving application pool '${pool}' has requested a recycle.`,
  5079: (pool) => `An administrator has requested a recycle of all worker processes in application pool '${pool}'.`,
  5080: (pool) => `The worker processes serving application pool '${pool}' are being recycled due to 1 or more configuration changes in the application pool properties which necessitate a restart of the processes.`,
  5081: (pool) => `The worker processes serving application pool '${pool}' are being recycled due to detected problems with the IIS configuration store that may make current cached metadata invalid.`,
  5117: (pool, pid) => recycle(pid, pool, 'it reached its private bytes memory limit'),
  5186: (pool, pid, extra) => `A worker process with process id of '${pid}' serving application pool '${pool}' was shutdown due to inactivity. Application Pool timeout configuration was set to ${extra} minutes. A new worker process will be started when needed.`,
};

function recycle(pid: string, pool: string, reason: string): string {
  return `A worker process with process id of '${pid}' serving application pool '${pool}' has requested a recycle because ${reason}.`;
}

function hex(value: string): string {
  return value.toLowerCase().startsWith('0x') ? value : `0x${value}`;
}

/** The WAS message for an XML export's data, or undefined for an id without a known template. */
export function renderWasMessage(id: number, data: readonly XmlEventData[]): string | undefined {
  const template = WAS_TEMPLATES[id];
  if (!template) return undefined;
  const named = (name: string): string | undefined => data.find((d) => d.name?.toLowerCase() === name)?.value;
  const pool = named('apppoolid') ?? '';
  const pid = named('processid') ?? '';
  const extra = data.find((d) => d.name !== undefined && !['apppoolid', 'processid'].includes(d.name.toLowerCase()))?.value ?? '';
  return template(pool, pid, extra);
}
