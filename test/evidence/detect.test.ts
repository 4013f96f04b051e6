import { classifyLine, continues } from '../../src/evidence/detect';
import { expectLinearTime } from '../helpers/linear-time';

describe('classifyLine', () => {
  it.each([
    ['#Fields: date time s-ip cs-method', 'iis-log'],
    ['2026-11-20 10:15:01 10.0.0.4 GET /api/report - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015', 'iis-log'],
    ['2026/11/20 10:15:01 [error] 1234#1234: *5 connect() failed (111: Connection refused) while connecting to upstream', 'proxy-log'],
    ['https 2026-11-20T10:15:01.123456Z app/my-alb/50dc6c495c0c9188 203.0.113.7:2817 10.0.0.1:80 0.000 -1 -1 502 - 34 366', 'proxy-log'],
    ['HTTP/1.1 502 Bad Gateway', 'headers'],
    ['< HTTP/2 502', 'headers'],
    ['Log Name:      Application', 'event-log'],
    ['ProviderName : IIS AspNetCore Module V2', 'event-log'],
    ['<?xml version="1.0" encoding="utf-8"?>', 'web-config'],
    ['<aspNetCore processPath="dotnet" arguments=".\\App.dll" />', 'web-config'],
    ['<failedRequest url="http://example.com:80/api" statusCode="502.3">', 'freb'],
    ['<!DOCTYPE html>', 'error-page'],
    ['HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure', 'error-page'],
    ['Unhandled exception. System.InvalidOperationException: boom', 'stdout-log'],
    ['fail: Microsoft.AspNetCore.Server.Kestrel[13]', 'stdout-log'],
  ])('%s → %s', (line, kind) => {
    expect(classifyLine(line)?.kind).toBe(kind);
  });

  it.each(['', '   ', 'we see 502s since 10:00', '   at Program.Main(String[] args)'])('%p has no kind of its own', (line) => {
    expect(classifyLine(line)).toBeUndefined();
  });

  it('classifies a 16 KB hostile line quickly', () => {
    const line = `${'<'.repeat(8000)}${'a:'.repeat(4000)}`;
    expectLinearTime(classifyLine, line); // a guard against catastrophic backtracking, not a speed target
  });
});

describe('continues', () => {
  it('keeps prose and stack frames inside an event or stdout block', () => {
    expect(continues('event-log', undefined)).toBe(true);
    expect(continues('stdout-log', classifyLine('Source: x'))).toBe(true);
  });
  it('ends a block at a strong line of another kind', () => {
    expect(continues('event-log', classifyLine('HTTP/1.1 502 Bad Gateway'))).toBe(false);
    expect(continues('iis-log', classifyLine('<configuration>'))).toBe(false);
  });
  it('starts a new event at the next event header', () => {
    expect(continues('event-log', classifyLine('Log Name:      System'))).toBe(false);
  });
});
