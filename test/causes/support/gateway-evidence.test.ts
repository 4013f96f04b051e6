import {
  appGatewayErrorInfo,
  cloudflareStatusHits,
  isHeaderLine,
  slowestIisRequest,
  unidentified504s,
  upstreamOrigin,
  upstreamPort,
} from '../../../src/causes/support/gateway-evidence';
import { collect } from '../../helpers/cause-tester';
import { cloudflareHeaders, iisLog, iisRow } from '../edge-samples';

describe('upstream address helpers', () => {
  it.each([
    ['http://127.0.0.1:5000/api/orders', '5000', 'http://127.0.0.1:5000'],
    ['grpcs://10.244.1.7:9090', '9090', 'grpcs://10.244.1.7:9090'],
    ['http://[::1]:5001/x', '5001', 'http://[::1]:5001'],
    ['http://app/api', undefined, 'http://app'],
    ['fastcgi://unix:///var/run/php-fpm.sock', undefined, 'fastcgi://unix:'],
  ])('%s', (upstream, port, origin) => {
    expect(upstreamPort(upstream)).toBe(port);
    expect(upstreamOrigin(upstream)).toBe(origin);
  });
});

describe('appGatewayErrorInfo', () => {
  it('reads the error_info value from an access-log line', () => {
    expect(appGatewayErrorInfo('{"httpStatus": 502, "error_info": "ERRORINFO_UPSTREAM_NO_LIVE"}')).toBe('ERRORINFO_UPSTREAM_NO_LIVE');
    expect(appGatewayErrorInfo('{"httpStatus": 200}')).toBeUndefined();
  });
});

describe('cloudflareStatusHits', () => {
  it('counts one header block as one failure even though it shows on two lines', () => {
    const hits = cloudflareStatusHits(collect({ 'headers.txt': cloudflareHeaders(524) }), [524]);
    expect(hits?.count).toBe(1);
    expect(hits?.refs.length).toBe(2);
    expect(hits?.identified).toBe(true);
  });

  it('marks prose-only evidence', () => {
    const hits = cloudflareStatusHits(collect({ 'm.txt': 'we get error 522 since Monday' }), [522]);
    expect(hits?.proseOnly).toBe(true);
    expect(hits?.identified).toBe(false);
  });

  it('ignores 502 unless a Cloudflare signal carries it', () => {
    expect(cloudflareStatusHits(collect({ 'h.txt': 'HTTP/1.1 502 Bad Gateway\nServer: nginx' }), [502], true)).toBeUndefined();
  });
});

describe('slowestIisRequest', () => {
  it('finds the slowest row and its line', () => {
    const slow = slowestIisRequest(collect({ 'u_ex261120.log': iisLog(iisRow('10:15:01', '/', 200, 0, 0, 15), iisRow('10:15:02', '/export', 200, 0, 0, 131000)) }));
    expect(slow?.seconds).toBeCloseTo(131, 0);
  });

  it('is undefined without an IIS log', () => {
    expect(slowestIisRequest(collect({ 'h.txt': cloudflareHeaders(524) }))).toBeUndefined();
  });
});

describe('unidentified504s and isHeaderLine', () => {
  it('a 504 with no gateway named is unidentified; with awselb it is not', () => {
    expect(unidentified504s(collect({ 'm.txt': 'the API answers 504 Gateway Timeout' })).length).toBe(1);
    expect(unidentified504s(collect({ 'h.txt': 'HTTP/1.1 504 Gateway Time-out\nServer: awselb/2.0' })).length).toBe(0);
  });

  it('knows a header line from a page line', () => {
    const evidence = collect({ 'h.txt': 'HTTP/2 200\nx-azure-ref: 20261120T101501Z-abc' });
    const signal = evidence.signals.find((s) => s.id === 'front-door');
    expect(signal && isHeaderLine(evidence, signal.ref)).toBe(true);
  });
});
