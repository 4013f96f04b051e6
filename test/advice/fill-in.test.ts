import { fillIn, knownValues } from '../../src/advice/fill-in';
import { diagnose } from '../../src/diagnose';
import { collect } from '../helpers/cause-tester';

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
    });
  });

  it('reads the site from an ANCM event, and leaves out what the evidence names twice differently', () => {
    const ancm = "Log Name: Application\nSource: IIS AspNetCore Module V2\nEvent ID: 1005\nDescription:\nFailed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/SHOP'.";
    const twoPorts = `${KESTREL}\ninfo: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://localhost:5081`;
    expect(knownValues(collect({ 'events.txt': ancm, 'stdout.log': twoPorts }))).toMatchObject({ site: 'SHOP', port: undefined });
  });

  it("reads the backend host and port from nginx's upstream", () => {
    const nginx = '2026/11/20 10:15:01 [error] 30420#0: *118 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, server: shop, request: "GET /api HTTP/1.1", upstream: "http://10.0.0.7:5000/api", host: "shop"';
    expect(knownValues(collect({ 'error.log': nginx }))).toMatchObject({ backend: '10.0.0.7', port: '5000' });
  });
});

describe('fillIn', () => {
  it('fills the placeholders it knows and leaves the others', () => {
    const text = 'appcmd set apppool "<pool name>" ...; dotnet .\\YourApp.dll; curl http://localhost:<port>/; set app "<site name>/"';
    expect(fillIn('curl -v http://<backend-host>:<port>/', { backend: '10.0.0.7', port: '5000' })).toBe('curl -v http://10.0.0.7:5000/');
    expect(fillIn(text, { pool: 'ShopPool', dll: 'Shop.Web.dll' })).toBe('appcmd set apppool "ShopPool" ...; dotnet .\\Shop.Web.dll; curl http://localhost:<port>/; set app "<site name>/"');
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
});
