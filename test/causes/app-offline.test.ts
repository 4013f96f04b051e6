import cause from '../../src/causes/app-offline';
import { runCauseTests } from '../helpers/cause-tester';

const FIELDS = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const iisLog = (...rows: string[]): string => ['#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', FIELDS, ...rows].join('\n');

const ancm = (id: number, message: string): string =>
  ['Log Name:      Application', 'Source:        IIS AspNetCore Module V2', 'Date:          5/29/2024 3:12:40 AM', `Event ID:      ${id}`, 'Task Category: None', 'Level:         Information', 'Keywords:      Classic', 'User:          N/A', 'Computer:      WEB01', 'Description:', message].join('\n');

runCauseTests(cause, {
  valid: [
    {
      name: 'an ANCM start success is a healthy start',
      evidence: { 'application-events.txt': ancm(1032, "Application 'C:\\inetpub\\wwwroot\\' started successfully.") },
    },
    {
      name: '503s refused during shutdown (win32 1115) are the shutting-down cause, not app_offline',
      evidence: { 'u_ex261120.log': iisLog('2026-11-20 10:15:02 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 1115 15') },
    },
    {
      name: 'a disabled application pool (WAS 5002) is rapid-fail protection',
      evidence: {
        'system-events.txt': ['Log Name:      System', 'Source:        Microsoft-Windows-WAS', 'Event ID:      5002', 'Level:         Error', 'Description:', "Application pool 'ShopPool' is being automatically disabled due to a series of failures in the process(es) serving that application pool."].join('\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'ANCM 1012 on the physical folder, with 503s in the IIS log (phantom detection reported in dotnet/aspnetcore#55939)',
      evidence: {
        'application-events.txt': ancm(1012, "Application 'C:\\inetpub\\wwwroot\\' was recycled after detecting app_offline.htm."),
        'u_ex261120.log': iisLog('2024-05-29 03:12:41 10.0.0.4 GET /health - 80 - 10.0.0.10 ELB-HealthChecker/2.0 - 503 0 0 3'),
      },
      minConfidence: 0.65,
      evidenceLines: ['application-events.txt:11', 'u_ex261120.log:4'],
      mentions: ["in 'C:\\inetpub\\wwwroot\\'", "Test-Path 'C:\\inetpub\\wwwroot\\app_offline.htm'", "Remove-Item -LiteralPath 'C:\\inetpub\\wwwroot\\app_offline.htm'", '-enableRule:AppOffline'],
    },
    {
      name: 'repeated detections on a network share, from the Event Viewer list (real sample, dotnet/aspnetcore#24428)',
      evidence: {
        'application-events.txt': [
          "Information\t8/12/2020 5:26:48 AM\tIIS AspNetCore Module V2\t1033\tNone\tApplication 'MACHINE/WEBROOT/APPHOST/QQQSVC.PPP.INET' has shutdown.",
          "Information\t8/12/2020 5:26:44 AM\tIIS AspNetCore Module V2\t1012\tNone\tApplication '\\\\fileserver.contoso.local\\CodeFolder\\WWW\\qqq-svc\\' was recycled after detecting app_offline.htm.",
          "Information\t8/12/2020 5:26:44 AM\tIIS AspNetCore Module V2\t1032\tNone\tApplication '\\\\fileserver.contoso.local\\CodeFolder\\WWW\\qqq-svc\\' started successfully.",
          "Information\t8/12/2020 5:25:17 AM\tIIS AspNetCore Module V2\t1012\tNone\tApplication '\\\\fileserver.contoso.local\\CodeFolder\\WWW\\qqq-svc\\' was recycled after detecting app_offline.htm.",
        ].join('\n'),
      },
      minConfidence: 0.55,
      maxConfidence: 0.65,
      evidenceLines: [2, 4],
      mentions: ['2 times', 'network share', 'Process Monitor', 'ANCM 1032/1001'],
    },
    {
      name: 'the response body is the app_offline.htm page itself',
      evidence: {
        'page.html': ['<!DOCTYPE html>', '<html>', '<head><title>Down for maintenance</title></head>', '<body>', '<!-- app_offline.htm -->', '<h1>We are deploying a new version. Back in a few minutes.</h1>', '</body>', '</html>'].join('\n'),
        'headers.txt': ['HTTP/1.1 503 Service Unavailable', 'Content-Type: text/html', 'Server: Microsoft-IIS/10.0'].join('\n'),
      },
      minConfidence: 0.8,
      mentions: ['app_offline.htm page', "Test-Path '<site folder>\\app_offline.htm'"],
    },
    {
      name: 'only bare 503.0 rows: a weak candidate among several', trails: "Bare 503.0 rows fit any stopped or recycling worker: the family-level answer leads.",
      evidence: { 'u_ex261120.log': iisLog('2026-11-20 10:15:02 10.0.0.4 GET /api/orders - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 0 2') },
      maxConfidence: 0.15,
      evidenceLines: [4],
      mentions: ['1 503.0 row', 'ANCM event 1012'],
    },
  ],
  messy: {
    valid: [
      {
        // The in-process "Server has been shutdown" 503 (kb-facts §1.2, win32 1115) retold: the shutting-down cause, not app_offline.
        name: 'a retold 503 "server has been shutdown" during a recycle',
        form: 'paraphrased',
        evidence: { 'message.txt': 'for a few seconds at every recycle users get 503 server has been shutdown, IIS log says 503 0 1115' },
      },
    ],
    invalid: [
      {
        // ANCM 1012 (kb-facts §1.1) without its Event Viewer header, with the 503s in a sentence.
        name: 'the 1012 text without its header',
        form: 'header-less',
        evidence: { 'event.txt': "Application 'D:\\sites\\api\\' was recycled after detecting app_offline.htm.\nsince then every request gets 503 Service Unavailable" },
      },
      {
        // The same 1012 text inside a Spanish message.
        name: 'a Spanish report around the 1012 text',
        form: 'other language',
        evidence: { 'mensaje.txt': "Después del despliegue el sitio sigue devolviendo 503. En el visor de eventos: Application 'D:\\sites\\api\\' was recycled after detecting app_offline.htm. ¿Por qué no vuelve?" },
      },
      {
        // The maintenance page ANCM serves from app_offline.htm (kb-facts §1.2: 503.0, body = app_offline.htm), as Slack escapes its HTML.
        name: 'the app_offline page body, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'message.txt': 'curl gives 503 &amp; this body:\n&lt;html&gt;&lt;head&gt;&lt;title&gt;Down for maintenance&lt;/title&gt;&lt;/head&gt;\n&lt;!-- app_offline.htm --&gt;\n&lt;body&gt;&lt;h1&gt;We are deploying a new version.&lt;/h1&gt;&lt;/body&gt;&lt;/html&gt;' },
      },
    ],
  },
});
