/** Durations in prose and logs, in any of the ways people write them. */
import { durationsIn } from '../../src/evidence/durations';
import { expectLinearTime } from '../helpers/linear-time';

test.each([
  ['it fails after 2 minutes', [120_000]],
  ['more than 120 sec and the gateway gives up', [120_000]],
  ['nginx returns 504 after 60s', [60_000]],
  ['The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing', [100_000]],
  ['took 30.5s to answer', [30_500]],
  ['took 30.5 sec to answer', [30_500]],
  // A spaced "s" when a word before the number asks for a time.
  ['the proxy answers 502 after 120 s', [120_000]],
  ['it took 30.5 s to answer', [30_500]],
  ['requests running over 120 s fail', [120_000]],
  ['App Service cuts it at 230 seconds', [230_000]],
  ['Heartbeat took 12000 ms', [12_000]],
  ['after two minutes exactly', [120_000]],
  ['请求在 120 秒后超时', [120_000]],
  ['запрос падает через 100 секунд', [100_000]],
  ['запрос падает через 2 минуты', [120_000]],
  // Chinese numerals touch their unit; the longest numeral wins (二十 is 20, not 十).
  ['请求大概两分钟后失败', [120_000]],
  ['二十分钟以后', [1_200_000]],
  ['三十秒就超时', [30_000]],
  ['nach 2 Minuten kommt 502', [120_000]],
  ['Der Request bricht nach 100 Sekunden ab', [100_000]],
  ['la requête échoue après 100 secondes', [100_000]],
  // A status's plural is not a time, unless a word before it asks for one.
  ['the gateway gave up after 502s', [502_000]],
  ['it took 500s to answer', [500_000]],
  // Waits in pasted repro code
  ['await Task.Delay(TimeSpan.FromMinutes(5));', [300_000]],
  ['Thread.Sleep(130_000);', [130_000]],
  ['await Task.Delay(300000, cancellationToken);', [300_000]],
  ['var timeout = TimeSpan.FromSeconds(90);', [90_000]],
  // Time-taken fields: Application Gateway's in seconds with a fraction, IIS's and FREB's in ms
  ['  | timeTaken_d | 30.211', [30_211]],
  ['"timeTaken": 20.004, "error_info": "ERRORINFO_UPSTREAM_TIMED_OUT"', [20_004]],
  ['timeTaken="16"', [16]],
] as const)('%s', (line, expected) => {
  expect(durationsIn(line)).toEqual(expected);
});

test.each(['Process Id: 22700', 'HTTP/1.1 502 Bad Gateway', 'version 8.0.3', 'at 10:15:02 on the 5 s', 'SocketException (10061)', 'dotnet 8 hosting bundle', 'Thread.Sleep(0);', 'TimeSpan.FromMinutes(x)', 'timeTaken_d | -', '第一次访问就失败', '一个请求', 'we get random 502s a few times a day', 'lots of 504s and some 502s', 'page 5 s of the file', 'the 502 came at 2 s intervals'])('no duration in %s', (line) => {
  expect(durationsIn(line)).toEqual([]);
});

test('linear on a hostile line', () => {
  expectLinearTime((line) => durationsIn(line), '1 '.repeat(8000));
  expectLinearTime((line) => durationsIn(line), '123456789'.repeat(1800) + ' seconds');
  expectLinearTime((line) => durationsIn(line), 'FromMinutes( '.repeat(1300));
  expectLinearTime((line) => durationsIn(line), 'Task.Delay(1_000'.repeat(1000));
  expectLinearTime((line) => durationsIn(line), 'timeTaken_d | 1.'.repeat(1000));
});
