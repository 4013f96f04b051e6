import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { MASK, Redactor, isSecretName } from '../../../src/evidence/redact';
import { EvidenceCollector } from '../../../src/evidence/collector';
import { expectLinearTime, expectLinearTimeOf } from '../../helpers/linear-time';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'redact');

function redactLine(line: string): { out: string; count: number } {
  const r = new Redactor();
  const out = r.redact(line);
  return { out, count: r.count };
}

function redactLines(lines: string[]): { out: string[]; count: number } {
  const r = new Redactor();
  const out = lines.map((l) => r.redact(l));
  return { out, count: r.count };
}

function fixture(name: string): string[] {
  return readFileSync(join(FIXTURES, name), 'utf8').replace(/\n$/, '').split('\n');
}

/** [what, input, expected output, masked values]. */
const SECRET_FORMS: [string, string, string, number][] = [
  ['connection-string Password', 'Server=tcp:db.example.com;Database=Shop;Password=S3cret!;Encrypt=True', 'Server=tcp:db.example.com;Database=Shop;Password=[REDACTED];Encrypt=True', 1],
  ['Pwd, case-insensitive', 'server=.;uid=sa;PWD=abc123', 'server=.;uid=[REDACTED];PWD=[REDACTED]', 2],
  ['a password with spaces up to the semicolon', 'Data Source=.;Password=two words here;Pooling=true', 'Data Source=.;Password=[REDACTED];Pooling=true', 1],
  ['a quoted password', "Server=.;Password='a;b';", "Server=.;Password='[REDACTED]';", 1],
  ['User ID (personal data)', 'Server=.;User ID=shopuser;Password=x', 'Server=.;User ID=[REDACTED];Password=[REDACTED]', 2],
  ['Azure Storage AccountKey', 'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=ZmFrZQ+/==;EndpointSuffix=core.windows.net', 'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=[REDACTED];EndpointSuffix=core.windows.net', 1],
  ['Service Bus SharedAccessKey', 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=ZmFrZQ=', 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=[REDACTED]', 1],
  ['SharedAccessSignature', 'SharedAccessSignature=sv2020sigfake;', 'SharedAccessSignature=[REDACTED];', 1],
  ['SAS sig in a URL', 'GET https://acct.blob.core.windows.net/c/b?sv=2020-08-04&se=2026-01-01&sig=abc%2Bdef%3D&sp=r', 'GET https://acct.blob.core.windows.net/c/b?sv=2020-08-04&se=2026-01-01&sig=[REDACTED]&sp=r', 1],
  ['Token= and Secret=', 'Token=abc;Secret=def', 'Token=[REDACTED];Secret=[REDACTED]', 2],
  ['Authorization keeps the scheme', 'Authorization: Bearer abc.def.ghi', 'Authorization: Bearer [REDACTED]', 1],
  ['Authorization Basic', 'authorization: Basic dXNlcjpwYXNz', 'authorization: Basic [REDACTED]', 1],
  ['Authorization without a scheme', 'Authorization: 0123456789abcdef', 'Authorization: [REDACTED]', 1],
  ['curl -v request header', '> Authorization: Negotiate YIIFfakefake', '> Authorization: Negotiate [REDACTED]', 1],
  ['Proxy-Authorization', 'Proxy-Authorization: Basic Zm9vOmJhcg==', 'Proxy-Authorization: Basic [REDACTED]', 1],
  ['Cookie: every value, names kept', 'Cookie: .AspNetCore.Cookies=CfDJ8abc; ARRAffinity=0a1b2c; theme=dark', 'Cookie: .AspNetCore.Cookies=[REDACTED]; ARRAffinity=[REDACTED]; theme=[REDACTED]', 3],
  ['Set-Cookie: value only, attributes kept', 'Set-Cookie: .AspNetCore.Session=CfDJ8xyz; path=/; samesite=lax; httponly', 'Set-Cookie: .AspNetCore.Session=[REDACTED]; path=/; samesite=lax; httponly', 1],
  ['X-Api-Key', 'X-Api-Key: 0123456789', 'X-Api-Key: [REDACTED]', 1],
  ['Ocp-Apim-Subscription-Key', 'Ocp-Apim-Subscription-Key: 0123456789abcdef', 'Ocp-Apim-Subscription-Key: [REDACTED]', 1],
  ['MS-ASPNETCORE-TOKEN value, header name kept', 'MS-ASPNETCORE-TOKEN: 7b115656-1a35-407f-9db2-7e0e4d32c068', 'MS-ASPNETCORE-TOKEN: [REDACTED]', 1],
  ['a header inside curl -H quotes', 'curl -H "X-Api-Key: abc123" -H "Accept: */*" https://example.com/', 'curl -H "X-Api-Key: [REDACTED]" -H "Accept: */*" https://example.com/', 1],
  ['query api_key', '/api/orders?api_key=abc123&page=2', '/api/orders?api_key=[REDACTED]&page=2', 1],
  ['query apikey and access_token', '/cb?apikey=k1&access_token=t1&state=ok', '/cb?apikey=[REDACTED]&access_token=[REDACTED]&state=ok', 2],
  ['form client_secret and password', 'grant_type=password&client_secret=cs1&password=pw1&username=user1', 'grant_type=password&client_secret=[REDACTED]&password=[REDACTED]&username=[REDACTED]', 3],
  ['query token', '/hub?token=abc', '/hub?token=[REDACTED]', 1],
  ['environment variable', 'DB_PASSWORD=hunter2', 'DB_PASSWORD=[REDACTED]', 1],
  ['aws_secret_access_key', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY', 'aws_secret_access_key = [REDACTED]', 1],
  ['JSON password', '{ "password": "hunter2", "user": "x" }', '{ "password": "[REDACTED]", "user": "x" }', 1],
  ['JSON ClientSecret', '    "ClientSecret": "abc~def",', '    "ClientSecret": "[REDACTED]",', 1],
  ['JSON connection string: only its parts', '    "Default": "Server=.;Database=Shop;User Id=u;Password=p;"', '    "Default": "Server=.;Database=Shop;User Id=[REDACTED];Password=[REDACTED];"', 2],
  ['YAML-style line', '  password: hunter2', '  password: [REDACTED]', 1],
  ['<add key="ApiKey" value>', '<add key="ApiKey" value="abc123" />', '<add key="ApiKey" value="[REDACTED]" />', 1],
  ['<add value> before its key', '<add value="abc123" key="PaymentSecret" />', '<add value="[REDACTED]" key="PaymentSecret" />', 1],
  ['<environmentVariable name="X_PASSWORD">', '<environmentVariable name="SMTP_PASSWORD" value="pw" />', '<environmentVariable name="SMTP_PASSWORD" value="[REDACTED]" />', 1],
  ['<add name connectionString> with a password part', '<add name="Db" connectionString="Server=.;Password=pw" />', '<add name="Db" connectionString="Server=.;Password=[REDACTED]" />', 1],
  ['<add name connectionString> without parts: whole value', '<add name="Db" connectionString="Server=.;Database=x;Trusted_Connection=True" />', '<add name="Db" connectionString="[REDACTED]" />', 1],
  ['a password attribute, and the user name (personal data)', '<processModel identityType="SpecificUser" userName="contoso\\user" password="[enc:AesProvider:abc:enc]" />', '<processModel identityType="SpecificUser" userName="[REDACTED]" password="[REDACTED]" />', 2],
  ['machineKey keys', '<machineKey validationKey="ABCDEF0123" decryptionKey="0123ABCDEF" validation="SHA1" />', '<machineKey validationKey="[REDACTED]" decryptionKey="[REDACTED]" validation="SHA1" />', 2],
  ['FREB header event', 'HeaderName="MS-ASPNETCORE-TOKEN", HeaderValue="7b115656-1a35", Replace="true"', 'HeaderName="MS-ASPNETCORE-TOKEN", HeaderValue="[REDACTED]", Replace="true"', 1],
  ['Slack bot token', 'SLACK token xoxb-1234567890-0987654321-abcdefABCDEF in the log', 'SLACK token [REDACTED] in the log', 1],
  ['Slack app token', 'app token xapp-1-A0123456789-0123456789-abcdef0123', 'app token [REDACTED]', 1],
  ['AWS access key id', 'key id AKIAIOSFODNN7EXAMPLE used', 'key id [REDACTED] used', 1],
  ['a JWT anywhere', 'id_token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl end', 'id_token [REDACTED] end', 1],
  ['a Bearer token in prose', 'we send bearer token Bearer 0123456789abcdef0123 to the API', 'we send bearer token Bearer [REDACTED] to the API', 1],
  ['basic auth in a URL', 'proxy_pass https://user:p4ss@backend.example.com/api;', 'proxy_pass https://user:[REDACTED]@backend.example.com/api;', 1],
  ['a GitHub token', 'GH ghp_0123456789abcdefghijklmnopqrstuvwxyzAB', 'GH [REDACTED]', 1],
  ['a private key on one line (JSON)', '"key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN\\n-----END PRIVATE KEY-----\\n"', '"key": "-----BEGIN PRIVATE KEY-----[REDACTED]-----END PRIVATE KEY-----\\n"', 1],
];

describe('Redactor: every secret form', () => {
  it.each(SECRET_FORMS)('%s', (_what, input, expected, count) => {
    expect(redactLine(input)).toEqual({ out: expected, count });
  });

  it.each(SECRET_FORMS)('is idempotent on %s', (_what, input) => {
    const once = redactLine(input).out;
    expect(redactLine(once)).toEqual({ out: once, count: 0 });
  });
});

describe('Redactor: what must stay readable', () => {
  it.each([
    ['an ANCM event with an ErrorCode', "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '\"dotnet\" .\\Shop.dll', ErrorCode = '0x80004005 : ff."],
    ['a FREB error status', 'ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954402", ConfigExceptionInfo=""'],
    ['the <aspNetCore> element', '<aspNetCore processPath="dotnet" arguments=".\\Shop.dll" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" requestTimeout="00:05:00" forwardWindowsAuthToken="true" />'],
    ['a harmless environment variable', '<environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />'],
    ['hosting startup assemblies (contains "pass" inside a word)', '<environmentVariable name="ASPNETCORE_HOSTINGSTARTUPASSEMBLIES" value="Microsoft.AspNetCore.AzureAppServices.HostingStartup" />'],
    ['an appSettings entry that is no secret', '<add key="webpages:Version" value="3.0.0.0" />'],
    ['the ANCM handler', '<add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />'],
    ['an assembly public key token', '<assemblyIdentity name="System.Memory" publicKeyToken="cc7b13ffcd2ddd51" culture="neutral" />'],
    ['an assembly name with PublicKeyToken=', 'Could not load file or assembly \'Foo, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null\'.'],
    ['a FREB root with tokenUserName', '<failedRequest url="http://shop.example.com:80/" appPoolId="ShopPool" tokenUserName="IIS APPPOOL\\ShopPool" statusCode="502.3" timeTaken="120015">'],
    ['an IIS log row', '2026-11-20 10:15:02 10.0.0.4 POST /api/orders - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120015'],
    ['an nginx error line', '2026/11/20 10:15:02 [error] 1234#1234: *5 upstream prematurely closed connection while reading response header from upstream, client: 203.0.113.7, server: example.com, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/", host: "example.com"'],
    ['response headers that are no secret', 'Server: Microsoft-IIS/10.0'],
    ['a Cloudflare ray header', 'cf-ray: 8c1a2b3c4d5e6f70-AMS'],
    ['a MS-ASPNETCORE-TOKEN mention without a value', 'ANCM adds the MS-ASPNETCORE-TOKEN header to every forwarded request'],
    ['prose about passwords', 'the password was rotated yesterday and the token expired'],
    ['Event Viewer fields', 'User:          N/A'],
    ['a stack frame with a cancellation token', '   at Shop.Orders.SaveAsync(Order order, CancellationToken cancellationToken) in C:\\src\\Orders.cs:line 42'],
    ['a URL with a port and no credentials', 'Now listening on: http://127.0.0.1:5000'],
    ['a boolean secret-ish switch', 'UseToken=true;Encrypt=false'],
    ['the code= query parameter', '/signin-oidc?code=abc&state=xyz'],
  ])('leaves %s untouched', (_what, line) => {
    expect(redactLine(line)).toEqual({ out: line, count: 0 });
  });

  it('knows secret names from harmless ones', () => {
    for (const name of ['Password', 'DB_PASSWORD', 'ApiKey', 'X-Api-Key', 'client_secret', 'MS-ASPNETCORE-TOKEN', 'sig', 'MyPwd', 'SharedAccessKey', 'AccountKey']) {
      expect([name, isSecretName(name)]).toEqual([name, true]);
    }
    for (const name of ['processPath', 'requestTimeout', 'ErrorCode', 'bypass', 'tokenUserName', 'publicKeyToken', 'forwardWindowsAuthToken', 'KeyName', 'config']) {
      expect([name, isSecretName(name)]).toEqual([name, false]);
    }
  });
});

describe('Redactor: secrets spread over lines', () => {
  it('masks every line of a PEM private key and counts the block once', () => {
    const { out, count } = redactLines(fixture('private-key.txt'));
    expect(out).toEqual([
      'The certificate key that Kestrel loads:',
      '-----BEGIN RSA PRIVATE KEY-----',
      MASK,
      MASK,
      MASK,
      '-----END RSA PRIVATE KEY-----',
      "and the app still answers 502.5 with ErrorCode = '0x80004005 : ff.'",
    ]);
    expect(count).toBe(1);
  });

  it('stops masking when a cut-off key block is followed by ordinary text', () => {
    const { out } = redactLines(['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'Then the site returned 502.5, see the event log.']);
    expect(out[1]).toBe(MASK);
    expect(out[2]).toBe('Then the site returned 502.5, see the event log.');
  });

  it('keeps masking through the blank line and headers of an encrypted key', () => {
    const { out } = redactLines(['-----BEGIN RSA PRIVATE KEY-----', 'Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,0123456789ABCDEF', '', 'MIIBOgIBAAJBAKj34GkxFhD90vcN', '-----END RSA PRIVATE KEY-----']);
    expect(out).toEqual(['-----BEGIN RSA PRIVATE KEY-----', MASK, MASK, '', MASK, '-----END RSA PRIVATE KEY-----']);
  });

  it('masks a web.config: values on the next line, connection strings, environment variables', () => {
    const lines = fixture('web.config');
    const { out, count } = redactLines(lines);
    const text = out.join('\n');
    for (const secret of ['Fake-Passw0rd', 'shopuser', 'fake-api-key', 'ZmFrZWtleW', 'fake-smtp-secret', 'Trusted_Connection']) expect(text).not.toContain(secret);
    expect(out[9]).toBe('         value="[REDACTED]" />');
    expect(out[21]).toBe('                               value="[REDACTED]" />');
    // The diagnosis-carrying parts stay as written.
    for (const kept of ['processPath="dotnet"', 'requestTimeout="00:02:00"', 'hostingModel="outofprocess"', 'value="Production"', 'value="3.0.0.0"', 'modules="AspNetCoreModuleV2"', 'AccountName=contoso']) {
      expect(text).toContain(kept);
    }
    // User ID + Password, whole Trusted_Connection string, ApiKey, AccountKey, SMTP_PASSWORD.
    expect(count).toBe(6);
    expect(out.length).toBe(lines.length);
  });

  it('does not carry a secret key over to the next element', () => {
    const { out } = redactLines(['<add key="ApiKey"', '     value="k" />', '<add key="Theme" value="dark" />']);
    expect(out).toEqual(['<add key="ApiKey"', '     value="[REDACTED]" />', '<add key="Theme" value="dark" />']);
  });

  it('masks FREB XML header data whose name is on the line before', () => {
    const { out, count } = redactLines(['<Data Name="HeaderName">Cookie</Data>', '<Data Name="HeaderValue">.AspNetCore.Cookies=CfDJ8abc</Data>', '<Data Name="HeaderName">Accept</Data>', '<Data Name="HeaderValue">text/html</Data>']);
    expect(out[1]).toBe('<Data Name="HeaderValue">[REDACTED]</Data>');
    expect(out[3]).toBe('<Data Name="HeaderValue">text/html</Data>');
    expect(count).toBe(1);
  });

  it('masks appsettings.json secrets and keeps its shape', () => {
    const { out, count } = redactLines(fixture('appsettings.json'));
    expect(out[2]).toBe('    "Default": "Server=sql.contoso.example;Database=Shop;User Id=[REDACTED];Password=[REDACTED];"');
    expect(out[7]).toBe('    "ClientSecret": "[REDACTED]"');
    expect(out[10]).toBe('  "Kestrel": { "Limits": { "KeepAliveTimeout": "00:02:10" } }');
    expect(count).toBe(3);
  });

  it('masks a curl -v exchange and counts each value', () => {
    const { out, count } = redactLines(fixture('curl-verbose.txt'));
    expect(out).toEqual([
      '> GET /api/orders?api_key=[REDACTED]&page=2 HTTP/1.1',
      '> Host: shop.example.com',
      '> Authorization: Bearer [REDACTED]',
      '> Cookie: .AspNetCore.Cookies=[REDACTED]; ARRAffinity=[REDACTED]',
      '>',
      '< HTTP/1.1 502 Bad Gateway',
      '< Server: Microsoft-IIS/10.0',
      '< Set-Cookie: ARRAffinity=[REDACTED];Path=/;HttpOnly;Domain=shop.example.com',
      '< X-Powered-By: ASP.NET',
    ]);
    expect(count).toBe(5);
  });

  it('redacting redacted fixtures again masks nothing more', () => {
    for (const name of ['web.config', 'appsettings.json', 'curl-verbose.txt', 'private-key.txt']) {
      const once = redactLines(fixture(name)).out;
      expect(redactLines(once)).toEqual({ out: once, count: 0 });
    }
  });

  it('counts redactions per input in the collected evidence', () => {
    const collector = new EvidenceCollector();
    collector.addText('web.config', readFileSync(join(FIXTURES, 'web.config'), 'utf8'));
    collector.addText('curl.txt', readFileSync(join(FIXTURES, 'curl-verbose.txt'), 'utf8'));
    const evidence = collector.finish();
    expect(evidence.redactions).toBe(11);
    expect(JSON.stringify(evidence)).not.toMatch(/Fake-Passw0rd|fake-api-key|CfDJ8FakeCookieValue|fake-query-key/);
  });
});

describe('Redactor: linear time and idempotence on any input', () => {
  const fragments = [
    'Password=', 'pwd=', 'token=', 'User ID=', ';', '&', '=', ' ', '  ', '"', "'", '<', '>', '/>', ':', '://', '@', '/',
    'a', 'bc', 'x y', '[REDACTED]', 'Authorization: ', 'Bearer ', 'Basic ', 'Cookie: ', 'Set-Cookie: ', 'k=v', 'eyJ', 'eyJabcdef.',
    '<add key="ApiKey" ', 'value="v"', 'connectionString="', 'name="X_PASSWORD"', '"password": "', '"', '\\', 'xoxb-', 'AKIA',
    '-----BEGIN PRIVATE KEY-----', '-----END PRIVATE KEY-----', 'https://u:p@h', 'HeaderName="Cookie", HeaderValue="', 'ghp_', '0123456789abcdef',
    // The forms of the name, shape, syntax and looks rules.
    '--ApiKey ', '--Jwt:Key=', '--Section__Key=', ' --urls ', '/ApiKey:', "-Password '", '-Token:', '-u ', 'a:b', 'export ', '$env:', 'MAIL_RELAY=',
    'ConnectionStrings__Default=', 'SQLAZURECONNSTR_Db=', 'Server=.;', '{', '}', '[', ']', ',', '"Jwt": {', '"Key": "', '"ConnectionStrings": {',
    '"name": "Jwt__Key", ', '"value": "', 'jwt:', '  key: ', '- name: DB_PASSWORD', '    value: ', '- ', '\t', '#', '<Password>', '</Password>',
    '<environmentVariable name="MAIL" ', '<add key="Relay" ', 'Kq3vN8xR2mT7wYp4Lz9aB1cD', 'SG.FAKEfakeFAKEfake012345.FAKEfakeFAKEfake0123456789abcdefABCDEF01234',
    'sk_live_FAKE0fake1FAKE2fake3FAKE4', 'sk-FAKE0fake1FAKE2fake3FAKE4', 'glpat-FAKEfake0123456789ab', 'hooks.slack.com/services/T0/B0/x', '?code=',
    'FaKe0FuNcTiOn1KeY2fAkE3fUnC', '&sig=', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'Basic ', 'ZmFrZTpmYWtl', '\\', 'C:',
  ];
  const line = fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(''));

  it('masks nothing more the second time (single lines)', () => {
    fc.assert(
      fc.property(line, (text) => {
        const once = redactLine(text).out;
        expect(redactLine(once)).toEqual({ out: once, count: 0 });
      }),
      { numRuns: 2000 },
    );
  });

  it('masks nothing more the second time (multi-line inputs)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const once = redactLines(lines).out;
        expect(redactLines(once)).toEqual({ out: once, count: 0 });
      }),
      { numRuns: 500 },
    );
  });

  it('counts exactly the values it masks', () => {
    fc.assert(
      fc.property(line, (text) => {
        const { out, count } = redactLine(text);
        const before = text.split(MASK).length - 1;
        const after = out.split(MASK).length - 1;
        // A PEM block or a value that already read [REDACTED] never adds to the count.
        expect(after - before).toBeLessThanOrEqual(count);
        if (out === text) expect(count).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('stays fast on adversarial 16 KB lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 20 }), (unit) => {
        const piece = unit.join('');
        const text = piece.repeat(Math.ceil(16384 / Math.max(1, piece.length))).slice(0, 16384);
        // Linear work grows 8× from 2 KB to 16 KB; a quadratic scan grows 64×.
        expectLinearTime(redactLine, text);
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ['spaces after a key', `Password=${'a '.repeat(8000)}`],
    ['many keys', 'password=a '.repeat(1500)],
    ['unclosed quotes', 'token="'.repeat(2300)],
    ['URL starts', 'https://u:'.repeat(1600)],
    ['JSON keys', '"password": '.repeat(1300)],
    ['XML attributes', '<add key="ApiKey" value="'.repeat(600)],
    ['cookie pairs', `Cookie: ${'a=b; '.repeat(3200)}`],
    ['base64', `-----BEGIN PRIVATE KEY-----${'A'.repeat(16000)}`],
    ['JWT-like', 'eyJaaaaa.'.repeat(1800)],
    ['token-shaped runs that never complete', 'xoxb-eyJ'.repeat(2048)],
    ['header names inside cookie values', 'Cookie: &Cookie: <Data Name="HeaderName">Cookie</Data>='.repeat(300)],
    // The rules for names in every syntax, shapes and looks.
    ['options with next words', '--ApiKey a '.repeat(1500)],
    ['options without values', ' --a:b'.repeat(2800)],
    ['dashes that start words', ' -a'.repeat(5500)],
    ['slash options', ' /a:'.repeat(4100)],
    ['PowerShell colon options', ' -Token:'.repeat(2100)],
    ['curl user options', ' -u a:'.repeat(2800)],
    ['connection-string names', 'ConnectionString='.repeat(1000)],
    ['connection-string parts', `;a=${'Kq3vN8xR2m'.repeat(2)}`.repeat(700)],
    ['settings with long keys', `${'a'.repeat(200)}=`.repeat(80)],
    ['JSON nesting', '{"a": ['.repeat(2400)],
    ['JSON escapes', '"\\'.repeat(5500)],
    ['JSON name/value members', '{"name": "Jwt__Key", "value": "'.repeat(520)],
    ['single-quoted JSON', " 'a': '".repeat(2300)],
    ['leading blanks before a name', `${' '.repeat(16000)}a: b`],
    ['a long YAML name', `${'a'.repeat(16000)}: b`],
    ['YAML list dashes', '- '.repeat(8200)],
    ['vendor prefixes that never complete', 'SG.a sk_live_ sk-a glpat- AIza xapp-1 github_pat_ '.repeat(330)],
    ['a random value', `MAIL_RELAY=${'Kq3vN8xR2mT7wYp4Lz9aB1cD'.repeat(700)}`],
    ['AWS key ids and base64 runs', `AKIAIOSFODNN7EXAMPLE ${'wJalrXUtnFEMI/K7MDENG'.repeat(800)}`],
    ['Slack webhook paths', 'hooks.slack.com/services/'.repeat(660)],
    ['function keys', '?code='.repeat(2400)],
    ['Basic schemes', 'Basic '.repeat(2800)],
    ['element text', '<Password>a'.repeat(1500)],
    ['closing tags', '<a>b</a></'.repeat(1700)],
  ])('a 16 KB line of %s', (_what, text) => {
    expectLinearTime(redactLine, text.slice(0, 16384));
  });

  it.each([
    ['JSON sections', '  "Section": {'],
    ['YAML sections', 'a:'],
    ['nested YAML sections', '  '],
    ['unfinished XML tags', '<add key="Relay"'],
    ['AWS key ids', 'AKIAIOSFODNN7EXAMPLE'],
    ['Kubernetes names', '- name: DB_PASSWORD'],
  ])('many lines of %s', (_what, unit) => {
    // Line by line, the state a redactor carries must stay bounded: the 8× longer input costs 8× as much.
    const make = (lines: number): string[] => Array.from({ length: lines }, (_, i) => (unit === '  ' ? `${'  '.repeat(i % 32)}k${i}:` : unit));
    expectLinearTimeOf(redactLines, make, 16384);
  });
});

describe('Redactor regressions', () => {
  it('stays idempotent when masking a value hides the first of two private-key markers (fast-check counterexample)', () => {
    const line = 'Password=-----BEGIN PRIVATE KEY----------END PRIVATE KEY----------BEGIN PRIVATE KEY-----Password=';
    const once = new Redactor().redact(line);
    const twice = new Redactor();
    expect(twice.redact(once)).toBe(once);
    expect(twice.count).toBe(0);
  });
});
