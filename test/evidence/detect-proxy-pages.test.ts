/**
 * The lines detect.ts classifies for the headers, error-page and proxy-log parsers.
 */
import { classifyLine, continues } from '../../src/evidence/detect';
import { expectLinearTime } from '../helpers/linear-time';

describe('classifyLine: proxy logs', () => {
  it.each([
    ['203.0.113.5 - - [20/Nov/2026:10:15:01 +0000] "GET /api HTTP/1.1" 502 157 "-" "curl/8.5.0"', 'nginx access row'],
    ['2001:db8::5 - user [20/Nov/2026:10:15:01 -0500] "GET / HTTP/2.0" 504 0 "-" "-"', 'access row from an IPv6 client'],
    ['*27742 upstream prematurely closed connection while reading response header from upstream, client: 203.0.113.2, server: x, request: "GET / HTTP/2.0", upstream: "http://10.0.0.36:12758/", host: "x"', 'nginx message without its timestamp'],
    ['{"category": "FrontDoorAccessLog", "properties": {"httpStatusCode": "504", "errorInfo": "OriginTimeout"}}', 'Front Door record'],
    ['{"properties": {"httpStatus": 502, "timeTaken": 0.012, "serverStatus": "-"}}', 'App Gateway v2 record'],
    ['{"httpStatus_d": 504, "error_info_s": "ERRORINFO_UPSTREAM_TIMED_OUT"}', 'App Gateway record from Log Analytics'],
  ])('%s (%s) → proxy-log', (line) => {
    expect(classifyLine(line)).toEqual({ kind: 'proxy-log', strong: true });
  });

  it('does not take a JSON object without access-log keys for a proxy log', () => {
    expect(classifyLine('{"Logging": {"LogLevel": {"Default": "Information"}}}')).toBeUndefined();
  });

  it('keeps the target group ARN of a wrapped ALB entry from reading as a header', () => {
    expect(classifyLine('arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067')).toBeUndefined();
  });
});

describe('classifyLine: headers', () => {
  it.each([
    ['Request URL: https://example.com/api', true],
    ['Request URL:', true],
    ['Status Code: 502 Bad Gateway', true],
    ['Request Method: GET', false],
    ['Remote Address: 203.0.113.20:443', false],
  ])('%s → headers (strong: %s)', (line, strong) => {
    expect(classifyLine(line)).toEqual({ kind: 'headers', strong });
  });

  it('lets a headers segment absorb a bare status heading (DevTools value line)', () => {
    const heading = classifyLine('504 Gateway Timeout');
    expect(heading?.kind).toBe('error-page');
    expect(continues('headers', heading)).toBe(true);
    expect(continues('stdout-log', heading)).toBe(false);
  });
});

describe('classifyLine: error pages', () => {
  it.each([
    'HTTP Error 503. The service is unavailable.',
    'error code: 502',
    '503 Service Temporarily Unavailable',
    'example.com | 524: A timeout occurred',
    'A timeout occurred Error code 524',
    'Visit cloudflare.com for more information.',
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">',
    '<HEAD><TITLE>Service Unavailable</TITLE>',
  ])('%s → error-page', (line) => {
    expect(classifyLine(line)?.kind).toBe('error-page');
  });

  it("does not take Cloudflare's `... UTC` time line for a W3C row, but still reads W3C rows", () => {
    expect(classifyLine('2026-11-20 10:17:01 UTC')).toBeUndefined();
    expect(classifyLine('2026-11-20 10:15:01 10.0.0.4 GET /api - 443 - 203.0.113.9 curl - 502 3 12002 120015')?.kind).toBe('iis-log');
  });
});

describe('classifyLine: hostile input stays fast', () => {
  it.each([
    ['{', `{${'"httpstatus'.repeat(1400)}`],
    ['access-like', `${'a'.repeat(255)} ${'b'.repeat(255)} ${'c'.repeat(255)} [${'x'.repeat(15000)}`],
    ['spaces', `${'a '.repeat(8000)}`],
    ['heading', `A${' '.repeat(16000)}Error code 502`],
  ])('%s', (_name, line) => {
    expectLinearTime(classifyLine, line);
  });
});
