import { LineNormalizer, looksSlackEscaped, plainCharacters, unescapeSlack, isCodeFence } from '../../src/evidence/normalize';

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
