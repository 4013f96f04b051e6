import { parseErrorPage } from '../../../src/evidence/parsers/error-page';
import { Page } from '../../../src/evidence/parsers/error-page-model';
import { iisDetails } from '../../../src/evidence/parsers/error-page-iis';
import type { Signal } from '../../../src/evidence/types';
import { collectText, fixture, segmentOf } from './segment-fixture';

const pageOf = (text: string, firstLine = 1) => parseErrorPage(segmentOf('error-page', text, { source: 'page.html', firstLine }));
const fromFixture = (name: string) => pageOf(fixture('error-page', name));
const ids = (signals: Signal[] | undefined) => (signals ?? []).map((s) => s.id);
const only = (signals: Signal[] | undefined, id: string) => {
  const found = (signals ?? []).filter((s) => s.id === id);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('ANCM pages', () => {
  it('reads the 500.30 page text (real copy from a browser)', () => {
    const facts = fromFixture('ancm-500.30-text-real.txt');
    expect(facts.statuses).toEqual([
      { status: 500, substatus: 30, origin: 'error-page', ref: { source: 'page.html', line: 1, text: 'HTTP Error 500.30 - ANCM In-Process Start Failure' } },
    ]);
    expect(only(facts.signals, 'ancm-error-page').data).toEqual({ status: 500, substatus: 30, title: 'ANCM In-Process Start Failure' });
    expect(ids(facts.signals)).toEqual(['ancm-error-page']);
  });

  it('reads the current ANCM HTML template once, although title and heading both carry it', () => {
    const facts = fromFixture('ancm-500.30-page.html');
    expect(facts.statuses).toHaveLength(1);
    const ancm = only(facts.signals, 'ancm-error-page');
    expect(ancm.data).toEqual({ status: 500, substatus: 30, title: 'ASP.NET Core app failed to start' });
    expect(ancm.ref.line).toBe(5);
  });

  it.each([
    ['ancm-502.5-text-real.txt', { status: 502, substatus: 5, title: 'ANCM Out-Of-Process Startup Failure' }],
    ['ancm-500.32-page.html', { status: 500, substatus: 32, title: 'ANCM Failed to Load dll' }],
  ])('%s is an ANCM page', (name, data) => {
    expect(only(fromFixture(name).signals, 'ancm-error-page').data).toEqual(data);
  });

  it.each([
    'HTTP Error 500.0 - ANCM In-Process Handler Load Failure',
    'HTTP Error 500.37 - ASP.NET Core app failed to start within startup time limit',
    'HTTP Error 500.38 - ANCM Application Dll Not Found',
    'HTTP Error 502.5 - Process Failure',
  ])('%s is an ANCM page, not an IIS one', (heading) => {
    const facts = pageOf(heading);
    expect(ids(facts.signals)).toEqual(['ancm-error-page']);
  });

  it('knows an ANCM page by its "Common solutions to this issue" list', () => {
    const facts = pageOf('HTTP Error 500.0 - Internal Server Error\nCommon solutions to this issue:\nThe application failed to start');
    expect(ids(facts.signals)).toEqual(['ancm-error-page']);
  });
});

describe('IIS detailed error pages', () => {
  it('reads a 500.19 text copy (real): error code, config file, requested URL', () => {
    const facts = fromFixture('iis-500.19-text-real.txt');
    expect(facts.statuses).toEqual([expect.objectContaining({ status: 500, substatus: 19, url: 'http://localhost:8300/', ref: expect.objectContaining({ line: 1 }) })]);
    // `-1:` and `0:` in Config Source mean IIS does not know the line.
    expect(only(facts.signals, 'iis-error-page').data).toEqual({
      status: 500,
      substatus: 19,
      title: 'Internal Server Error',
      module: 'IIS Web Core',
      errorCode: '0x8007000D',
      errorCodeRef: { source: 'page.html', line: 8, text: 'Error Code    0x8007000d' },
      configFile: 'C:\\Temp\\netsite\\web.config',
    });
  });

  it('takes the middle numbered Config Source line as the failing line (real 500.19)', () => {
    const data = only(fromFixture('iis-500.19-config-source-real.txt').signals, 'iis-error-page').data as Signal<'iis-error-page'>['data'];
    expect(data.configLine).toBe(110);
    expect(data.errorCode).toBe('0x800700B7');
    expect(data.configFile).toBe('C:\\inetpub\\vhosts\\httpdocs\\web.config');
  });

  it('reads the HTML source: table cells, entities and the escaped config source', () => {
    const facts = fromFixture('iis-500.19-page.html');
    const signal = only(facts.signals, 'iis-error-page');
    expect(signal.data).toEqual({
      status: 500,
      substatus: 19,
      title: 'Internal Server Error',
      module: 'IIS Web Core',
      errorCode: '0x8007000D',
      errorCodeRef: { source: 'page.html', line: 25, text: '    <tr><th>Error Code</th><td>&nbsp;&nbsp;&nbsp;0x8007000d</td></tr>' },
      configFile: 'C:\\inetpub\\wwwroot\\web.config',
      configLine: 12,
    });
    expect(signal.ref).toEqual({ source: 'page.html', line: 15, text: '  <h3>HTTP Error 500.19 - Internal Server Error</h3>' });
    expect(facts.statuses![0]!.url).toBe('https://www.example.com:443/api/orders');
  });

  it('reads a 502.3 page (real text copy) with its WinHTTP error code', () => {
    const facts = fromFixture('iis-502.3-text-real.txt');
    expect(only(facts.signals, 'iis-error-page').data).toEqual({
      status: 502,
      substatus: 3,
      title: 'Bad Gateway',
      module: 'AspNetCoreModule',
      errorCode: '0x80072EFE',
      errorCodeRef: { source: 'page.html', line: 15, text: 'Error Code: 0x80072efe' },
    });
    expect(facts.statuses![0]).toMatchObject({ status: 502, substatus: 3 });
  });

  it('reads a 502.3 timeout page (HTML)', () => {
    const facts = fromFixture('iis-502.3-timeout-page.html');
    expect(only(facts.signals, 'iis-error-page').data).toMatchObject({ status: 502, substatus: 3, errorCode: '0x80072EE2' });
  });

  it('reads the detail table of a page fragment (real) even without its heading', () => {
    const text = fixture('error-page', 'iis-502.3-details-fragment-real.html');
    const segment = segmentOf('error-page', text);
    const details = iisDetails(new Page(segment, 0, segment.lines.length));
    expect(details).toMatchObject({ module: 'AspNetCoreModule', notification: 'ExecuteRequestHandler', handler: 'aspNetCore', errorCode: '0x80072EFD' });
    // No `HTTP Error` heading: no status to report, and no guess.
    expect(parseErrorPage(segment)).toEqual({ statuses: [], signals: [] });
  });

  it('reads the HTTP.sys 503 page (application pool stopped)', () => {
    const facts = fromFixture('httpsys-503.html');
    expect(facts.statuses).toEqual([expect.objectContaining({ status: 503, ref: expect.objectContaining({ line: 5 }) })]);
    expect(facts.statuses![0]!.substatus).toBeUndefined();
    expect(only(facts.signals, 'iis-error-page').data).toEqual({ status: 503, substatus: 0, title: 'Service Unavailable' });
  });
});

describe('Cloudflare pages', () => {
  it('reads the branded 502 page (real): status, branded, ray id', () => {
    const facts = fromFixture('cloudflare-502-branded-real.html');
    expect(facts.statuses).toEqual([expect.objectContaining({ status: 502, origin: 'error-page', ref: expect.objectContaining({ line: 4 }) })]);
    expect(only(facts.signals, 'cloudflare').data).toEqual({ status: 502, branded: true, rayId: '930cd34019f15a00' });
  });

  it('reads a 524 page copied as text, and keeps it one segment (pipeline)', () => {
    const evidence = collectText('page.txt', fixture('error-page', 'cloudflare-524-text.txt'));
    // The `2026-11-20 10:17:01 UTC` line must not be taken for a W3C log row.
    expect(evidence.inputs[0]!.kinds).toEqual(['error-page']);
    const cf = evidence.signals.filter((s) => s.id === 'cloudflare');
    expect(cf.map((s) => s.data)).toEqual([{ status: 524, branded: true, rayId: '8d2f1c3b4a5e6f70' }]);
  });

  it('reads a branded page whose text copy lost the title, by its heading', () => {
    const facts = pageOf('A timeout occurred Error code 524\nVisit cloudflare.com for more information.\nCloudflare Ray ID: 8d2f1c3b4a5e6f70 • Performance & security by Cloudflare');
    expect(only(facts.signals, 'cloudflare').data).toEqual({ status: 524, branded: true, rayId: '8d2f1c3b4a5e6f70' });
  });

  it('reads a copy that kept only the error name and the Browser / Cloudflare / Host diagram', () => {
    const facts = pageOf('Web server is down\nYou\nBrowser\nWorking\nFrankfurt\nCloudflare\nWorking\nexample.com\nHost\nError');
    expect(only(facts.signals, 'cloudflare').data).toEqual({ status: 521, branded: true });
    expect(facts.statuses).toEqual([expect.objectContaining({ status: 521, origin: 'error-page', ref: expect.objectContaining({ line: 1 }) })]);
  });

  it('reads the unbranded page (signed "cloudflare") as coming from Cloudflare itself', () => {
    const facts = fromFixture('cloudflare-502-unbranded.html');
    expect(only(facts.signals, 'cloudflare').data).toEqual({ status: 502, branded: false });
    expect(ids(facts.signals)).toEqual(['cloudflare']);
  });

  it('reads the plain-text body Cloudflare sends to API clients, without guessing the branding', () => {
    const facts = pageOf('error code: 502');
    expect(only(facts.signals, 'cloudflare').data).toEqual({ status: 502 });
  });

  it('does not take a page that says "Error 502" for Cloudflare unless it mentions Cloudflare', () => {
    const facts = pageOf('<html><body><h1>Error 502</h1><p>Our API is having a moment.</p></body></html>');
    expect(ids(facts.signals)).toEqual([]);
    expect(facts.statuses!.map((s) => s.status)).toEqual([502]);
  });
});

describe('load balancer and proxy pages', () => {
  it('leaves the layer open for the bare ALB-style page (status only)', () => {
    const facts = fromFixture('alb-502.html');
    expect(facts.statuses).toEqual([expect.objectContaining({ status: 502, origin: 'error-page', ref: expect.objectContaining({ line: 1 }) })]);
    expect(facts.signals).toEqual([]);
  });

  it('names the ALB only when the page says awselb', () => {
    const facts = pageOf('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>\n<hr><center>awselb/2.0</center></body></html>');
    expect(only(facts.signals, 'aws-alb')).toMatchObject({ data: { status: 502 }, ref: { line: 2 } });
  });

  it('reads the ALB 503 "no targets" page as a status only', () => {
    const facts = fromFixture('alb-503-no-targets.html');
    expect(facts.statuses!.map((s) => s.status)).toEqual([503]);
    expect(facts.signals).toEqual([]);
  });

  it('names nginx from the page signature', () => {
    const signal = only(fromFixture('nginx-502.html').signals, 'nginx-server');
    expect(signal.data).toEqual({ status: 502 });
    expect(signal.ref.line).toBe(5);
  });

  it('names nginx from an unversioned signature too', () => {
    expect(only(pageOf('<html><body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>').signals, 'nginx-server').data).toEqual({ status: 504 });
  });

  it('reads the Application Gateway v2 page (real) as App Gateway, not nginx', () => {
    const facts = fromFixture('app-gateway-v2-502-real.html');
    expect(ids(facts.signals)).toEqual(['app-gateway']);
    expect(facts.signals![0]).toMatchObject({ data: { status: 502 }, ref: { line: 5 } });
  });

  it('reads the "Web server received an invalid response" page (real) as App Gateway', () => {
    const facts = fromFixture('app-gateway-502-iis-template-real.html');
    expect(only(facts.signals, 'app-gateway').data).toEqual({ status: 502 });
    expect(facts.statuses!.map((s) => s.status)).toEqual([502]);
  });

  it.each([
    // `page`: Front Door's own error page said it (a passed-through X-Azure-Ref header does not).
    ['front-door-text-real.txt', { page: true }],
    ['front-door-page.html', { page: true, ref: '0mMxsXwAAAABEalekYeI4S55qpi5R7R0/V1NURURHRTA4MTIAZGI4NGQzZDgtNWQ5Ny00ZWRkLTg2ZGYtZDJjNThlMzI2N2I4' }],
    ['front-door-ref-abc.txt', { page: true, ref: 'Ref A: 2C3E4F5A6B7C8D9E0F1A2B3C4D5E6F70 Ref B: FRA31EDGE0915 Ref C: 2026-11-20T10:15:01Z' }],
  ])('reads the Front Door page %s with its reference', (name, data) => {
    const facts = fromFixture(name);
    expect(only(facts.signals, 'front-door').data).toEqual(data);
    // The page does not say which status it came with.
    expect(facts.statuses).toEqual([]);
  });
});

describe('app_offline pages', () => {
  it('reads an app_offline.htm page', () => {
    const signal = only(fromFixture('app_offline.htm').signals, 'app-offline-page');
    expect(signal.ref.line).toBe(6);
  });

  it('reads a maintenance notice that matches no gateway template', () => {
    expect(ids(fromFixture('maintenance-notice.html').signals)).toEqual(['app-offline-page']);
  });

  it('does not take the ALB "Temporarily Unavailable" page for a maintenance page', () => {
    expect(ids(fromFixture('alb-503-no-targets.html').signals)).not.toContain('app-offline-page');
  });
});

describe('page reading', () => {
  it('ignores text inside <script>, <style> and comments', () => {
    const facts = pageOf(
      [
        '<html><head><style>',
        '.x:after { content: "HTTP Error 500.30 - ANCM In-Process Start Failure"; }',
        '</style><script>var s = "<center>nginx</center>";</script></head>',
        '<body><!-- HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure -->',
        '<p>All good here.</p></body></html>',
      ].join('\n'),
    );
    expect(facts).toEqual({ statuses: [], signals: [] });
  });

  it('reads two pages pasted one after the other', () => {
    const text = `${fixture('error-page', 'nginx-502.html')}\n${fixture('error-page', 'cloudflare-502-unbranded.html')}`;
    const facts = pageOf(text);
    expect(facts.statuses!.map((s) => [s.status, s.ref.line])).toEqual([
      [502, 2],
      [502, 10], // the second page's <title>, after a blank line
    ]);
    expect(ids(facts.signals)).toEqual(['nginx-server', 'cloudflare']);
  });

  it('points at the line where the text is, when a tag spans lines, counted from the segment start', () => {
    const facts = pageOf('<html><body><div\n  class="err">\nHTTP Error 502.3 - Bad Gateway</div></body></html>', 20);
    expect(facts.statuses![0]!.ref.line).toBe(22);
  });

  it('never throws on broken markup', () => {
    expect(() => pageOf('<html><title>HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure\n<<<>>><!--\n<script')).not.toThrow();
    expect(only(pageOf('<html><title>HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure').signals, 'ancm-error-page').data).toMatchObject({ status: 502, substatus: 5 });
  });
});
