import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillIn, knownValues } from '../../src/advice/fill-in';
import { diagnose } from '../../src/diagnose';
import type { DiagnosedCause } from '../../src/contract';
import { collect } from '../helpers/cause-tester';

const CASES = join(__dirname, '..', 'fixtures', 'cases');

/** The top cause diagnose() gives for an end-to-end case folder (every evidence file in it, as pasted). */
function topCauseOf(name: string): DiagnosedCause {
  const dir = join(CASES, name);
  const files = readdirSync(dir).filter((f) => f !== 'README.md' && f !== 'expected.json');
  return diagnose(files.map((f) => ({ source: f, text: readFileSync(join(dir, f), 'utf8') }))).causes[0]!;
}

/** Everything a cause tells the reader to do: steps, fix summary, snippet and diff. */
const adviceOf = (c: DiagnosedCause): string => [...c.steps, c.fix.summary, c.fix.snippet ?? '', c.fix.diff ?? ''].join('\n');

const WEB_CONFIG = `<configuration>
  <system.webServer>
    <handlers><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" /></handlers>
    <aspNetCore processPath="dotnet" arguments=".\\Shop.Web.dll" hostingModel="inprocess" />
  </system.webServer>
</configuration>`;

// WAS 5013's message template (kb-facts, WAS events), as Event Viewer's "Copy details as text" writes it.
const WAS_5013 = `Log Name:      System
Source:        Microsoft-Windows-WAS
Event ID:      5013
Level:         Warning
Description:
A process serving application pool 'ShopPool' exceeded time limits during shut down. The process id was '4120'.`;

const KESTREL = 'info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://localhost:5080';

describe('knownValues', () => {
  it('reads the DLL from the web.config, the pool from a WAS event, the port from Kestrel', () => {
    expect(knownValues(collect({ 'web.config': WEB_CONFIG, 'events.txt': WAS_5013, 'stdout.log': KESTREL }))).toEqual({
      dll: 'Shop.Web.dll',
      pool: 'ShopPool',
      site: undefined,
      port: '5080',
      backend: undefined,
      runtime: undefined,
    });
  });

  it('reads the site from an ANCM event, and leaves out what the evidence names twice differently', () => {
    const ancm = "Log Name: Application\nSource: IIS AspNetCore Module V2\nEvent ID: 1005\nDescription:\nFailed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/SHOP'.";
    const twoPorts = `${KESTREL}\ninfo: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://localhost:5081`;
    expect(knownValues(collect({ 'events.txt': ancm, 'stdout.log': twoPorts }))).toMatchObject({ site: 'SHOP', port: undefined });
  });

  it('takes the port a bind failure names over any other, and a site name with spaces whole', () => {
    const bind = 'crit: Microsoft.AspNetCore.Server.Kestrel[0]\n      Unable to start Kestrel.\nSystem.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.';
    const ancm = "Log Name: Application\nSource: IIS AspNetCore Module\nEvent ID: 1001\nDescription:\nApplication 'MACHINE/WEBROOT/APPHOST/DEFAULT WEB SITE/SHOP' started process '2360' successfully and is listening on port '6074'.";
    expect(knownValues(collect({ 'console.txt': bind, 'events.txt': ancm, 'stdout.log': KESTREL }))).toMatchObject({ port: '5000', site: 'DEFAULT WEB SITE' });
  });

  it('reads the DLL a single-file publish lacks from ANCM 1031', () => {
    const event = "Log Name: Application\nSource: IIS AspNetCore Module V2\nEvent ID: 1031\nDescription:\nApplication 'C:\\inetpub\\shop\\' failed to start. Exception message:\nApplication .dll was not found at C:\\inetpub\\shop\\Contoso.Shop.dll";
    expect(knownValues(collect({ 'events.txt': event })).dll).toBe('Contoso.Shop.dll');
  });

  it("reads the backend host and port from nginx's upstream", () => {
    const nginx = '2026/11/20 10:15:01 [error] 30420#0: *118 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, server: shop, request: "GET /api HTTP/1.1", upstream: "http://10.0.0.7:5000/api", host: "shop"';
    expect(knownValues(collect({ 'error.log': nginx }))).toMatchObject({ backend: '10.0.0.7', port: '5000' });
  });

  it('reads the framework version the .NET host says is missing (stdout, or an event that quotes it)', () => {
    const stdout = readFileSync(join(CASES, 'missing-dotnet-runtime-net8-stdout', 'stdout_20261120101501_4242.log'), 'utf8');
    expect(knownValues(collect({ 'stdout.log': stdout })).runtime).toBe('8.0.0');
    const event = "Log Name: Application\nSource: IIS AspNetCore Module V2\nEvent ID: 1031\nDescription:\nApplication '/LM/W3SVC/1/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start. The framework 'Microsoft.AspNetCore.App', version '9.0.2' (x64) was not found.";
    expect(knownValues(collect({ 'events.txt': event })).runtime).toBe('9.0.2');
    expect(knownValues(collect({ 'events.txt': `${event}\n\n${event.replace('9.0.2', '8.0.1')}` })).runtime).toBeUndefined();
  });
});

describe('fillIn', () => {
  it('fills the placeholders it knows and leaves the others', () => {
    const text = 'appcmd set apppool "<pool name>" ...; dotnet .\\YourApp.dll; curl http://localhost:<port>/; set app "<site name>/"';
    expect(fillIn('curl -v http://<backend-host>:<port>/', { backend: '10.0.0.7', port: '5000' })).toBe('curl -v http://10.0.0.7:5000/');
    expect(fillIn(text, { pool: 'ShopPool', dll: 'Shop.Web.dll' })).toBe('appcmd set apppool "ShopPool" ...; dotnet .\\Shop.Web.dll; curl http://localhost:<port>/; set app "<site name>/"');
  });
});

describe('fillIn: versions and the app DLL', () => {
  it('puts the missing version into framework paths and names the installer by major.minor', () => {
    const text = 'Check C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App\\<version>\\ exists. Run dotnet-hosting-<version>-win.exe.';
    expect(fillIn(text, { runtime: '8.0.11' })).toBe(
      'Check C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App\\8.0.11\\ exists. Run dotnet-hosting-8.0.x-win.exe (the latest 8.0 patch).',
    );
    expect(fillIn(text, {})).toBe(text);
  });

  it('replaces App.dll in a path or command line, never in prose about any app', () => {
    const known = { dll: 'Shop.Web.dll' };
    expect(fillIn('arguments=".\\App.dll"', known)).toBe('arguments=".\\Shop.Web.dll"');
    expect(fillIn('ExecStart=/usr/bin/dotnet /var/www/app/App.dll', known)).toBe('ExecStart=/usr/bin/dotnet /var/www/app/Shop.Web.dll');
    expect(fillIn('run dotnet App.dll there', known)).toBe('run dotnet Shop.Web.dll there');
    expect(fillIn('publish the normal layout (App.dll next to App.exe)', known)).toBe('publish the normal layout (App.dll next to App.exe)');
  });
});

describe('diagnose fills in what the evidence already says', () => {
  it('puts the port Kestrel listens on into the steps instead of <port>', () => {
    const log = `${'#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken'}\n2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12029 15`;
    const d = diagnose([{ source: 'u_ex.log', text: log }, { source: 'stdout.log', text: KESTREL.replace('localhost', '127.0.0.1') }]);
    const top = d.causes.find((c) => c.id === 'backend-not-listening')!;
    expect(top.steps.join('\n')).toContain('LISTENING 127.0.0.1:5080');
    expect(top.steps.join('\n')).not.toContain('<port>');
  });

  it('names the pool of the WAS event in the steps and fix instead of <pool name>', () => {
    const d = diagnose([{ source: 'events.txt', text: WAS_5013 }]);
    const text = d.causes.flatMap((c) => [...c.steps, c.fix.summary, c.fix.snippet ?? '']).join('\n');
    expect(text).toContain('ShopPool');
    expect(text).not.toContain('<pool name>');
  });

  // Real fixture cases (test/fixtures/cases): values the evidence states never stay placeholders.
  it('puts the port Kestrel failed to bind into the port-in-use steps, not the port of the ANCM event (port-in-use-collision)', () => {
    const top = topCauseOf('port-in-use-collision');
    expect(top.id).toBe('port-in-use');
    const advice = adviceOf(top);
    expect(advice).toContain('Kestrel failed to bind http://127.0.0.1:5000.');
    expect(advice).toContain('Get-NetTCPConnection -LocalPort 5000 -State Listen');
    expect(advice).toContain('findstr :5000');
    expect(advice).not.toContain('<port>');
  });

  it('names the DLL the 1031 event did not find in the single-file fix (handler-load-failure-single-file)', () => {
    const top = topCauseOf('handler-load-failure-single-file');
    expect(top.id).toBe('handler-load-failure');
    expect(top.fix.summary).toContain('publish the normal layout (Contoso.Shop.dll next to Contoso.Shop.exe)');
    expect(top.steps.join('\n')).toContain('processPath points at Contoso.Shop.exe with no Contoso.Shop.dll beside it');
    expect(adviceOf(top)).not.toMatch(/\bApp\.(dll|exe)\b/);
  });

  it("puts nginx's upstream host and port into the steps and the service's ASPNETCORE_URLS (nginx-upstream-unreachable-refused-with-access-log)", () => {
    const top = topCauseOf('nginx-upstream-unreachable-refused-with-access-log');
    expect(top.id).toBe('nginx-upstream-unreachable');
    const advice = adviceOf(top);
    expect(advice).toContain('nginx got "Connection refused" from http://10.0.0.19:9000');
    expect(advice).toContain('ss -ltnp | grep :9000');
    expect(top.fix.snippet).toContain('Environment=ASPNETCORE_URLS=http://10.0.0.19:9000');
    expect(advice).not.toMatch(/<port>|<backend-host>|<upstream-host>|127\.0\.0\.1:5000/);
  });

  it('names the runtime version the .NET host asked for in the steps and the fix (missing-dotnet-runtime-net8-stdout)', () => {
    const top = topCauseOf('missing-dotnet-runtime-net8-stdout');
    expect(top.id).toBe('missing-dotnet-runtime');
    expect(top.steps.join('\n')).toContain('Microsoft.AspNetCore.App 8.0.0');
    expect(top.fix.summary).toContain('Hosting Bundle for .NET 8.0 on the server (https://dotnet.microsoft.com/download/dotnet/8.0)');
    expect(adviceOf(top)).not.toContain('<version>');
  });
});
