/**
 * Builders for the evidence formats the startup-failure and config-error cause tests paste: Event
 * Viewer "Copy details as text", ANCM error pages, IIS detailed error pages, web.config files and
 * W3C rows, all in the exact layouts Windows, IIS and ANCM write (kb-facts templates).
 */

/** One event as Event Viewer's "Copy details as text" writes it. The message starts on line 11. */
export function eventText(id: number, message: string, options: { level?: string; source?: string; date?: string } = {}): string {
  return [
    'Log Name:      Application',
    `Source:        ${options.source ?? 'IIS AspNetCore Module V2'}`,
    `Date:          ${options.date ?? '11/20/2026 10:15:01 AM'}`,
    `Event ID:      ${id}`,
    'Task Category: None',
    `Level:         ${options.level ?? 'Error'}`,
    'Keywords:      Classic',
    'User:          N/A',
    'Computer:      WEB01.contoso.com',
    'Description:',
    message,
  ].join('\n');
}

/** Several events separated by a blank line, as when a user copies one after another. */
export function events(...blocks: string[]): string {
  return blocks.join('\n\n');
}

/** The ANCM error page (ancm_error_page.htm) for a status, with its "Common solutions" items. */
export function ancmPage(status: number, substatus: number, title: string, reasons: string[] = []): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-US" xmlns="http://www.w3.org/1999/xhtml">',
    '    <head>',
    '        <meta charset="utf-8" />',
    `        <title> HTTP Error ${status}.${substatus} - ${title} </title>`,
    '    </head>',
    '    <body>',
    `        <h1> HTTP Error ${status}.${substatus} - ${title} </h1>`,
    '        <h2> Common solutions to this issue: </h2>',
    '        <ul>',
    ...reasons.map((r) => `            <li> ${r} </li>`),
    '        </ul>',
    '        <h2> Troubleshooting steps: </h2>',
    '        <ul>',
    '            <li> Check the system event log for error messages </li>',
    "            <li> Enable logging the application process' stdout messages </li>",
    '            <li> Attach a debugger to the application process and inspect </li>',
    '        </ul>',
    '    </body>',
    '</html>',
  ].join('\n');
}

/** An IIS 10 detailed error page as copied from the browser (the detail table is tab-separated). */
export function iisDetailedError(status: number, substatus: number, fields: Record<string, string>, configSource: string[] = []): string {
  const lines = [`HTTP Error ${status}.${substatus} - Internal Server Error`];
  if (status === 500 && substatus === 19) lines.push('The requested page cannot be accessed because the related configuration data for the page is invalid.');
  lines.push('', 'Detailed Error Information:');
  for (const [key, value] of Object.entries(fields)) lines.push(`${key}\t   ${value}`);
  if (configSource.length > 0) lines.push('Config Source:', ...configSource);
  return lines.join('\n');
}

/** A published web.config around an `<aspNetCore>` element (given verbatim, possibly multi-line). */
export function webConfig(aspNetCore: string, modules = 'AspNetCoreModuleV2'): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <location path="." inheritInChildApplications="false">',
    '    <system.webServer>',
    '      <handlers>',
    `        <add name="aspNetCore" path="*" verb="*" modules="${modules}" resourceType="Unspecified" />`,
    '      </handlers>',
    `      ${aspNetCore}`,
    '    </system.webServer>',
    '  </location>',
    '</configuration>',
  ].join('\n');
}

/** A W3C log with the default field set; each row is `status substatus win32 time-taken url`. */
export function iisLog(rows: [number, number, number, number, string][]): string {
  return [
    '#Software: Microsoft Internet Information Services 10.0',
    '#Version: 1.0',
    '#Date: 2026-11-20 10:15:00',
    '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
    ...rows.map(([status, sub, win32, ms, url], i) => `2026-11-20 10:15:${String(i + 1).padStart(2, '0')} 10.0.0.5 GET ${url} - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - ${status} ${sub} ${win32} ${ms}`),
  ].join('\n');
}

/** The 1-based number of the first line of `text` that contains `needle` (throws when absent, so a typo fails loudly). */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the fixture`);
  return index + 1;
}
