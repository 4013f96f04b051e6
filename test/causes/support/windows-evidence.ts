/**
 * Builders for cause tests: evidence in the exact layouts Windows and IIS write, so each test
 * states only what differs (the rows, the event id, the message).
 */

/** The default W3C header IIS 10 writes, followed by the given rows. */
export function iisLog(rows: string[]): string {
  return [
    '#Software: Microsoft Internet Information Services 10.0',
    '#Version: 1.0',
    '#Date: 2026-11-20 10:00:00',
    '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
    ...rows,
  ].join('\n');
}

/** One W3C row in the default field order. */
export function iisRow(time: string, method: string, url: string, status: number, substatus: number, win32: number, timeTaken: number): string {
  return `2026-11-20 ${time} 10.0.0.5 ${method} ${url} - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - ${status} ${substatus} ${win32} ${timeTaken}`;
}

export interface EventSpec {
  log?: 'Application' | 'System';
  source: string;
  id: number;
  level?: string;
  date?: string;
  message: string[];
}

/** An event as Event Viewer's "Copy details as text" writes it (without the XML part). */
export function eventText(spec: EventSpec): string {
  return [
    `Log Name:      ${spec.log ?? 'Application'}`,
    `Source:        ${spec.source}`,
    `Date:          ${spec.date ?? '11/20/2026 10:15:00 AM'}`,
    `Event ID:      ${spec.id}`,
    'Task Category: None',
    `Level:         ${spec.level ?? 'Error'}`,
    'Keywords:      Classic',
    'User:          N/A',
    'Computer:      WEB01.contoso.local',
    'Description:',
    ...spec.message,
  ].join('\n');
}

/** Several events pasted one after the other. */
export function events(...specs: EventSpec[]): string {
  return specs.map(eventText).join('\n\n');
}

/** Application Error 1000 (Windows fault report) with the given exception code and faulting module. */
export function applicationError(code: string, module: string, app = 'w3wp.exe', date?: string): EventSpec {
  const appPath = app === 'w3wp.exe' ? 'c:\\windows\\system32\\inetsrv\\w3wp.exe' : `C:\\inetpub\\shop\\${app}`;
  return {
    source: 'Application Error',
    id: 1000,
    date,
    message: [
      `Faulting application name: ${app}, version: 10.0.20348.1, time stamp: 0x405e4c14`,
      `Faulting module name: ${module}, version: 8.0.324.11423, time stamp: 0x65cd500d`,
      `Exception code: ${code}`,
      'Fault offset: 0x000000000005b9cb',
      'Faulting process id: 0x3598',
      'Faulting application start time: 0x01da7a8b71f9f1f9',
      `Faulting application path: ${appPath}`,
      `Faulting module path: C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App\\8.0.3\\${module}`,
      'Report Id: b67d986a-71f9-4843-82a6-95256f29ea69',
      'Faulting package full name: ',
      'Faulting package-relative application ID: ',
    ],
  };
}

/** WAS 5009: the worker terminated unexpectedly, with its exit code. */
export function was5009(pool: string, pid: number, exitCode: string, date?: string): EventSpec {
  return {
    log: 'System',
    source: 'Microsoft-Windows-WAS',
    id: 5009,
    level: 'Warning',
    date,
    message: [`A process serving application pool '${pool}' terminated unexpectedly. The process id was '${pid}'. The process exit code was '${exitCode}'.`],
  };
}

/** WAS 5010: the worker failed to answer a ping. */
export function was5010(pool: string, pid: number, date?: string): EventSpec {
  return {
    log: 'System',
    source: 'Microsoft-Windows-WAS',
    id: 5010,
    level: 'Warning',
    date,
    message: [`A process serving application pool '${pool}' failed to respond to a ping. The process id was '${pid}'.`],
  };
}

/** WAS 5011: the worker suffered a fatal communication error with WAS (it died). */
export function was5011(pool: string, pid: number, date?: string): EventSpec {
  return {
    log: 'System',
    source: 'Microsoft-Windows-WAS',
    id: 5011,
    level: 'Warning',
    date,
    message: [`A process serving application pool '${pool}' suffered a fatal communication error with the Windows Process Activation Service. The process id was '${pid}'. The data field contains the error number.`],
  };
}

/** .NET Runtime 1026 for a managed exception that ended the process. */
export function dotnetRuntime1026(app: string, exceptionLines: string[]): EventSpec {
  return {
    source: '.NET Runtime',
    id: 1026,
    message: [`Application: ${app}`, 'CoreCLR Version: 8.0.324.11423', '.NET Version: 8.0.3', 'Description: The process was terminated due to an unhandled exception.', ...exceptionLines],
  };
}

/** A minimal out-of-process web.config, with extra `<aspNetCore>` attributes. */
export function webConfig(attributes = '', children: string[] = []): string {
  const open = `    <aspNetCore processPath="dotnet" arguments=".\\Shop.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="outofprocess"${attributes ? ` ${attributes}` : ''}`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <location path="." inheritInChildApplications="false">',
    '    <system.webServer>',
    '      <handlers>',
    '        <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />',
    '      </handlers>',
    ...(children.length === 0 ? [`  ${open} />`] : [`  ${open}>`, ...children.map((c) => `        ${c}`), '      </aspNetCore>']),
    '    </system.webServer>',
    '  </location>',
    '</configuration>',
  ].join('\n');
}
