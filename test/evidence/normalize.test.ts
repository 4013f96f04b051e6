import { LineNormalizer, looksSlackEscaped, plainCharacters, unescapeSlack, isCodeFence } from '../../src/evidence/normalize';
import { diagnose } from '../../src/diagnose';

describe('unescapeSlack', () => {
  it.each([
    ['&lt;aspNetCore processPath="dotnet" /&gt;', '<aspNetCore processPath="dotnet" />'],
    ['Server=db;Database=x&amp;y', 'Server=db;Database=x&y'],
    ['see <https://learn.microsoft.com/aspnet/core|the docs>', 'see the docs'],
    ['open <https://example.com/cdn-cgi/trace>', 'open https://example.com/cdn-cgi/trace'],
    ['mail <mailto:ops@example.com|ops@example.com>', 'mail ops@example.com'],
    ['ping <@U024BE7LH> and <#C024BE7LR|incidents>', 'ping @U024BE7LH and #incidents'],
    ['<!here> site is down', '@here site is down'],
    ['a literal &amp;lt; stays', 'a literal &lt; stays'],
  ])('%s', (input, expected) => {
    expect(unescapeSlack(input)).toBe(expected);
  });

  it('keeps an unmatched < as it is', () => {
    expect(unescapeSlack('a < b and c')).toBe('a < b and c');
  });
});

describe('plainCharacters', () => {
  it('turns smart quotes, non-breaking spaces, tabs and zero-width characters into plain text', () => {
    expect(plainCharacters('processPath=\u201Cdotnet\u201D\u00A0arguments=\u2018.\\App.dll\u2019\tx\u200B')).toBe(
      'processPath="dotnet" arguments=\'.\\App.dll\' x',
    );
  });
  it('leaves plain text untouched, call after call (no regex state carried over)', () => {
    for (let i = 0; i < 3; i += 1) expect(plainCharacters('502 3 12002 120015')).toBe('502 3 12002 120015');
    expect(plainCharacters('\u201Ca\u201D')).toBe('"a"');
    expect(plainCharacters('\u201Cb\u201D')).toBe('"b"');
  });
});

describe('looksSlackEscaped', () => {
  it('is true for markup that Slack escaped', () => {
    expect(looksSlackEscaped('&lt;configuration&gt;\n  &lt;system.webServer&gt;')).toBe(true);
  });
  it('is false for raw markup, even with Slack links in it', () => {
    expect(looksSlackEscaped('<configuration>&amp;</configuration>')).toBe(false);
    expect(looksSlackEscaped('<https://x.example|x> plain text')).toBe(false);
  });
});

describe('LineNormalizer', () => {
  it('drops code fences, strips CR and a BOM, trims trailing spaces', () => {
    const n = new LineNormalizer(false);
    expect(n.normalize('```xml')).toBeUndefined();
    expect(n.normalize('```')).toBeUndefined();
    expect(n.normalize('\uFEFF#Fields: date time\r')).toBe('#Fields: date time');
    expect(n.normalize('```502.3 12002```')).toBe('502.3 12002');
    expect(n.normalize('value   ')).toBe('value');
  });
  it('undoes Slack escaping only when told to', () => {
    expect(new LineNormalizer(true).normalize('&lt;aspNetCore /&gt;')).toBe('<aspNetCore />');
    expect(new LineNormalizer(false).normalize('&lt;aspNetCore /&gt;')).toBe('&lt;aspNetCore /&gt;');
  });
  it.each(['```', '~~~', '```powershell', '  ```  '])('recognizes %p as a fence', (line) => {
    expect(isCodeFence(line)).toBe(true);
  });
});

describe('IIS log lines pasted as a Markdown table', () => {
  const normalizeAll = (lines: string[]): (string | undefined)[] => {
    const n = new LineNormalizer(false);
    return lines.map((l) => n.normalize(l));
  };

  it('become a #Fields line and W3C rows, one line for one line (the layout of Microsoft\'s ARR troubleshooting article)', () => {
    expect(
      normalizeAll([
        '| sc-status | sc-substatus | sc-win32-status | time-taken |',
        '| --- | --- | --- | --- |',
        '| 502 | 3 | 12002 | 29889 |',
        'Then the member server:',
        '| date | time | cs-method | cs-uri-stem | cs(User-Agent) | sc-status | time-taken |',
        '|:---|:---:|---|---|---|---|---|',
        '| 2011-07-18 | 16:51:06 | GET | /time/ | Mozilla/4.0 (compatible) | 200 | 45208 |',
        '| 2011-07-18 | 16:51:07 | GET |  | - | 200 | 12 |',
      ]),
    ).toEqual([
      '#Fields: sc-status sc-substatus sc-win32-status time-taken',
      '',
      '502 3 12002 29889',
      'Then the member server:',
      '#Fields: date time cs-method cs-uri-stem cs(user-agent) sc-status time-taken',
      '',
      '2011-07-18 16:51:06 GET /time/ Mozilla/4.0+(compatible) 200 45208',
      '2011-07-18 16:51:07 GET - - 200 12',
    ]);
  });

  it('leaves other tables alone, and a row of another width ends the table', () => {
    const freb = ['| 77. | ARR\\_SERVER\\_ROUTED | RoutingReason="LoadBalancing" |', '| --- | --- | --- |'];
    expect(normalizeAll(freb)).toEqual(freb);
    expect(normalizeAll(['| sc-status | time-taken |', '| 502 | 3 | 12002 |', '| 502 | 120000 |'])).toEqual(['#Fields: sc-status time-taken', '| 502 | 3 | 12002 |', '| 502 | 120000 |']);
  });

  it('is read as an IIS log by the engine: the 502.3 and its duration count', () => {
    const d = diagnose([{ source: 'notes.md', text: ['| sc-status | sc-substatus | sc-win32-status | time-taken |', '| --- | --- | --- | --- |', '| 502 | 3 | 12002 | 29889 |'].join('\n') }]);
    expect(d.inputs[0]!.kinds).toContain('iis-log');
    expect(d.causes[0]!.evidence.map((e) => e.text)).toContain('502 3 12002 29889');
    expect(d.answer.family).toBe('request-timeout');
  });
});
