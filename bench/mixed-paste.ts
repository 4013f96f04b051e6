/**
 * A 40 KB paste of the kind people post in an incident channel: an IIS log excerpt, an ANCM
 * event copied from Event Viewer, the site's web.config, the response headers of a failing
 * request and an ANCM stdout log excerpt. Formats follow kb-facts (IIS default #Fields, ANCM
 * event 1011 template, Kestrel console lines); names and addresses are contoso / documentation
 * ranges.
 */

const LOG_HEADER = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2026-11-20 10:00:00',
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
];

const UA = 'Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/130.0.0.0+Safari/537.36';
const PATHS = ['/api/orders', '/api/products/42', '/api/cart', '/', '/css/site.css', '/api/reports/yearly'];

function logRows(count: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const seconds = 600 + i * 3;
    const time = `10:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    const path = PATHS[i % PATHS.length] ?? '/';
    let outcome = `200 0 0 ${20 + ((i * 37) % 400)}`;
    if (i % 11 === 5) outcome = `502 3 12030 ${3 + (i % 40)}`;
    if (i % 29 === 7) outcome = `502 3 12002 ${120000 + (i % 50)}`;
    if (i % 17 === 3) outcome = '304 0 0 2';
    rows.push(`2026-11-20 ${time} 10.0.0.4 GET ${path} - 443 - 203.0.113.${(i % 200) + 1} ${UA} https://www.contoso.com/ ${outcome}`);
  }
  return rows;
}

const ANCM_EVENT = [
  'Log Name:      Application',
  'Source:        IIS AspNetCore Module V2',
  'Date:          11/20/2026 10:16:40 AM',
  'Event ID:      1011',
  'Task Category: None',
  'Level:         Error',
  'Keywords:      Classic',
  'User:          N/A',
  'Computer:      WEB01.contoso.local',
  'Description:',
  "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\contoso\\' has exited from Program.Main with exit code = '3'. Please check the stderr logs for more information.",
];

const WEB_CONFIG = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<configuration>',
  '  <location path="." inheritInChildApplications="false">',
  '    <system.webServer>',
  '      <handlers>',
  '        <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />',
  '      </handlers>',
  '      <aspNetCore processPath="dotnet" arguments=".\\Contoso.Api.dll" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" hostingModel="outofprocess" requestTimeout="00:02:00">',
  '        <environmentVariables>',
  '          <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />',
  '        </environmentVariables>',
  '      </aspNetCore>',
  '    </system.webServer>',
  '  </location>',
  '</configuration>',
];

const HEADERS = [
  'HTTP/1.1 502 Bad Gateway',
  'Content-Type: text/html',
  'Server: Microsoft-IIS/10.0',
  'X-Powered-By: ASP.NET',
  'Date: Fri, 20 Nov 2026 10:16:41 GMT',
  'Content-Length: 1477',
];

const STDOUT = [
  'info: Microsoft.Hosting.Lifetime[14]',
  '      Now listening on: http://127.0.0.1:21934',
  'info: Microsoft.Hosting.Lifetime[0]',
  '      Application started. Press Ctrl+C to shut down.',
  'info: Microsoft.Hosting.Lifetime[0]',
  '      Hosting environment: Production',
  'info: Microsoft.Hosting.Lifetime[0]',
  '      Content root path: C:\\inetpub\\contoso\\',
  'warn: Microsoft.AspNetCore.Server.Kestrel[22]',
  '      As of "11/20/2026 10:16:20 +00:00", the heartbeat has been running for "00:00:02.4510000" which is longer than "00:00:01". This could be caused by thread pool starvation.',
  'fail: Microsoft.AspNetCore.Server.Kestrel[13]',
  '      Connection id "0HN8CONTOSO01", Request id "0HN8CONTOSO01:00000003": An unhandled exception was thrown by the application.',
  '      System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.',
  '         at Microsoft.Data.SqlClient.ConnectionPool.WaitForPendingOpen()',
  '         at Contoso.Api.Controllers.ReportsController.Yearly(Int32 year) in C:\\src\\Contoso.Api\\Controllers\\ReportsController.cs:line 57',
];

/** The paste, about `bytes` long (IIS rows fill what the other blocks leave). */
export function mixedPaste(bytes = 40 * 1024): string {
  const others = [ANCM_EVENT, WEB_CONFIG, HEADERS, STDOUT].map((block) => block.join('\n'));
  const fixed = others.reduce((n, block) => n + block.length + 2, 0) + LOG_HEADER.join('\n').length + 1;
  const rowBytes = logRows(1)[0]?.length ?? 200;
  const rows = Math.max(10, Math.floor((bytes - fixed) / (rowBytes + 1)));
  return [[...LOG_HEADER, ...logRows(rows)].join('\n'), ...others].join('\n\n');
}
