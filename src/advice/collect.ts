/**
 * How to collect each kind of evidence, for the "what is still missing" part of a diagnosis.
 * Written for someone on call at 3 a.m.: exact paths, exact commands, and how to undo anything
 * that costs performance (stdout logging, FREB).
 */
import type { EvidenceKind } from '../evidence/types';
import { isCollectable, type CollectableKind } from '../evidence/kinds';
import type { MissingEvidence } from '../contract';

/** How to collect every kind that can be collected (the compiler insists on each one). */
export const HOW_TO_COLLECT: Record<CollectableKind, Omit<MissingEvidence, 'why'>> = {
  'iis-log': {
    kind: 'iis-log',
    what: 'IIS W3C log lines around the failure',
    how:
      'On the server open %SystemDrive%\\inetpub\\logs\\LogFiles\\W3SVC<siteId>\\u_exYYMMDD.log (times are UTC) and paste the #Fields: line plus the rows of the failing requests. ' +
      'The last four columns (sc-status sc-substatus sc-win32-status time-taken) carry the diagnosis. ' +
      'PowerShell: Select-String -Path u_ex*.log -Pattern " 50[234] " | Select-Object -Last 50',
  },
  'stdout-log': {
    kind: 'stdout-log',
    what: 'The app\'s stdout log (what the process printed: startup exceptions, crashes, Kestrel warnings)',
    how:
      'In web.config set stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" on <aspNetCore>, make sure the logs folder exists and the app pool identity (IIS AppPool\\<pool>) can write to it, recycle the app pool, reproduce the error, then read the newest logs\\stdout_*.log. ' +
      'Turn it off again afterwards (stdoutLogEnabled="false"): the file is never rotated and slows every request. ' +
      'Without stdout logging, ANCM still copies the first 30 KB of startup output into Event Viewer (events 1020, 1035 or 1018).',
  },
  'event-log': {
    kind: 'event-log',
    what: 'Windows Event Viewer entries from the time of the failure',
    how:
      'Event Viewer > Windows Logs > Application (sources "IIS AspNetCore Module V2", ".NET Runtime", "Application Error") and System (source "WAS"). Select an event and use Copy > "Copy details as text". ' +
      'PowerShell: Get-WinEvent -FilterHashtable @{LogName=\'Application\',\'System\'; StartTime=(Get-Date).AddHours(-1)} | Where-Object { $_.ProviderName -match \'AspNetCore|\\.NET Runtime|Application Error|WAS\' } | Format-List TimeCreated,ProviderName,Id,LevelDisplayName,Message',
  },
  freb: {
    kind: 'freb',
    what: 'A Failed Request Tracing (FREB) file for a failing request',
    how:
      'IIS Manager > site > Failed Request Tracing Rules > Add: all content, status codes 502 (or 500-599), then "Enable" under Actions. Reproduce and open %SystemDrive%\\inetpub\\logs\\FailedReqLogFiles\\W3SVC<siteId>\\frNNNNNN.xml; paste the file. ' +
      'Disable the rule afterwards: tracing every request has a cost.',
  },
  headers: {
    kind: 'headers',
    what: 'The response headers of the failing request',
    how:
      'curl -sv -o /dev/null https://your.site/failing/path 2>&1 (or the browser\'s DevTools Network tab > the request > Response Headers). ' +
      'Headers such as server: cloudflare, cf-ray, Server: awselb/2.0 or X-Azure-Ref tell which layer answered.',
  },
  'error-page': {
    kind: 'error-page',
    what: 'The full text of the error page',
    how:
      'Copy the whole page text (or View Source) from the browser. ANCM pages name the exact substatus (502.5, 500.30); CDN pages carry a Ray ID or reference. ' +
      'For details on ANCM pages, set the environment variable ASPNETCORE_DETAILEDERRORS=1 temporarily.',
  },
  'web-config': {
    kind: 'web-config',
    what: 'The site\'s web.config (the <aspNetCore> element at least)',
    how:
      'Copy web.config from the site\'s physical folder. Secrets in connection strings and environment variables are masked automatically before anything is shown or stored.',
  },
  'proxy-log': {
    kind: 'proxy-log',
    what: 'The proxy or load balancer log for the failing request',
    how:
      'nginx: the error.log lines at the time (grep upstream /var/log/nginx/error.log). AWS ALB: the access log entry from S3 (its elb_status_code, target_status_code and *_processing_time fields). Azure Front Door / Application Gateway: the access log entry with its ErrorInfo. Cloudflare: the Ray ID from the page and the dashboard\'s error analytics.',
  },
};

/** A "missing evidence" entry for a kind, with the reason a cause gives. */
export function missingEntry(kind: EvidenceKind, why: string): MissingEvidence | undefined {
  if (!isCollectable(kind)) return undefined;
  return { ...HOW_TO_COLLECT[kind], why };
}
