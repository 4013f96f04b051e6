/**
 * The largest realistic inputs the engine takes, built in code from the formats of
 * shared/reference/kb-facts.md (W3C rows, ANCM event templates with their "First 30KB characters
 * of captured stdout and stderr logs" payload, an <aspNetCore> web.config), plus every end-to-end
 * fixture case at once (real samples, sources in test/fixtures/cases/*\/expected.json).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceInput } from '../../../src/diagnose';

const FIELDS = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';

/** [status, substatus, win32, time-taken ms]: the 5xx groups IIS writes for 502s and their neighbours. */
const GROUPS: [number, number, number, number][] = [
  [200, 0, 0, 46],
  [502, 3, 12002, 120_015],
  [502, 3, 12030, 2_210],
  [502, 3, 12029, 15],
  [502, 3, 12007, 12],
  [502, 5, 0, 1_800],
  [500, 30, 0, 950],
  [503, 0, 1115, 14],
  [503, 2, 0, 3],
  [500, 19, 13, 2],
  [502, 4, 0, 7],
  [500, 0, 0, 340],
  [504, 0, 0, 60_000],
];

/** `rows` W3C rows over many URLs and every 5xx group above, in time order. */
export function bigIisLog(rows: number): string {
  const out = ['#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', '#Date: 2026-11-20 10:00:00', FIELDS];
  for (let i = 0; i < rows; i++) {
    const [status, sub, win32, taken] = GROUPS[i % GROUPS.length]!;
    const s = i % 3600;
    const time = `10:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    const method = i % 5 === 0 ? 'POST' : 'GET';
    out.push(`2026-11-20 ${time} 10.0.0.4 ${method} /api/orders/${i % 97}/lines q=${i} 443 - 203.0.113.${i % 250} Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - ${status} ${sub} ${win32} ${taken}`);
  }
  return out.join('\n');
}

/** About `kb` KB of an app's stdout: a startup exception with its stack, repeated, with generics and a fence. */
function stdout(kb: number): string {
  const lines = [
    'Unhandled exception. System.InvalidOperationException: Unable to resolve service for type \'Shop.Data.IOrderStore\' while attempting to activate \'Shop.Controllers.OrdersController\'.',
    '   at Microsoft.Extensions.DependencyInjection.ActivatorUtilities.ThrowHelperUnableToResolveService(Type type, Type requiredBy)',
    '   at Shop.Program.<Main>$(String[] args) in C:\\src\\Shop\\Program.cs:line 42',
    '   at System.Threading.Tasks.Task`1.InnerInvoke() ``` not a fence & <!channel>',
  ];
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < kb * 1024; i++) {
    const line = lines[i % lines.length]!;
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}

/** Event Viewer "Format-List" text of ANCM start failures, each carrying ~30 KB of stdout. */
export function bigEvents(): string {
  const indent = (text: string): string => text.split('\n').map((l) => `               ${l}`).join('\n');
  const event = (id: number, message: string): string => `TimeCreated  : 11/20/2026 10:14:58 AM\nProviderName : IIS AspNetCore Module V2\nId           : ${id}\nMessage      : ${message}\n`;
  return [
    event(1035, `Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\inetpub\\shop\\' has exited from Program.Main with exit code = '-532462766'. First 30KB characters of captured stdout and stderr logs:\n${indent(stdout(30))}`),
    event(1018, `Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\inetpub\\shop\\' hit unexpected managed exception, exception code = '0xe0434352'. First 30KB characters of captured stdout and stderr logs:\n${indent(stdout(30))}`),
    event(1020, `Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\api\\' failed to start process with commandline '"dotnet" .\\Api.dll' with multiple retries. Failed to bind to port '27015'. First 30KB characters of captured stdout and stderr logs from multiple retries:\n${indent(stdout(30))}`),
    event(1010, "Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode '0x8007023e'."),
  ].join('\n');
}

/** A long web.config: hundreds of rewrite rules and environment variables around an <aspNetCore> with a short requestTimeout. */
export function longWebConfig(): string {
  const rules = Array.from({ length: 150 }, (_, i) => `        <rule name="legacy-${i}" stopProcessing="true"><match url="^old/${i}/(.*)" /><action type="Redirect" url="/new/${i}/{R:1}" /></rule>`);
  const env = Array.from({ length: 120 }, (_, i) => `          <environmentVariable name="FEATURE_FLAG_${i}" value="${i % 2 === 0 ? 'on' : 'off'}" />`);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <location path="." inheritInChildApplications="false">',
    '    <system.webServer>',
    '      <handlers>',
    '        <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />',
    '      </handlers>',
    '      <rewrite>',
    '        <rules>',
    ...rules,
    '        </rules>',
    '      </rewrite>',
    '      <aspNetCore processPath="dotnet" arguments=".\\Shop.dll" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" hostingModel="outofprocess" requestTimeout="00:02:00">',
    '        <environmentVariables>',
    '          <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />',
    ...env,
    '        </environmentVariables>',
    '      </aspNetCore>',
    '    </system.webServer>',
    '  </location>',
    '</configuration>',
  ].join('\n');
}

/** Every file of every end-to-end fixture case, each as its own input. */
export function allFixtureCases(): EvidenceInput[] {
  const dir = join(__dirname, '..', '..', 'fixtures', 'cases');
  const inputs: EvidenceInput[] = [];
  for (const name of readdirSync(dir).sort()) {
    const caseDir = join(dir, name);
    if (!statSync(caseDir).isDirectory()) continue;
    for (const file of readdirSync(caseDir).sort()) {
      if (file === 'expected.json' || file === 'README.md') continue;
      inputs.push({ source: `${name}/${file}`, text: readFileSync(join(caseDir, file), 'utf8') });
    }
  }
  return inputs;
}

/** A 502.3 timeout log that, with the long web.config, yields the requestTimeout cause and its diff. */
export function timeoutRows(rows: number): string {
  const out = [FIELDS];
  for (let i = 0; i < rows; i++) out.push(`2026-11-20 10:${String(10 + (i % 40)).padStart(2, '0')}:01 10.0.0.4 GET /api/report/${i} - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 ${120_000 + i}`);
  return out.join('\n');
}
