/**
 * Near misses: text that looks like a secret to a careless rule (a name that contains "key" or
 * "token", a long hex or base64 run, a `key=value` of a diagnostic switch) but carries the
 * diagnosis. Each must come out exactly as it went in, with nothing counted.
 */
import { redactText } from '../../../src/evidence/redact';

const NEAR_MISSES: [string, string][] = [
  [
    'a W3C log with its header, an asp-append-version hash in the query and sc-win32-status',
    [
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
      '2026-11-20 10:15:02 10.0.0.4 GET /css/site.css v=pAGv4ietcJNk_EwsQZ5BN9-K4MuNYS2a9wl4Jw-q9D0 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 502 3 12002 120015',
    ].join('\n'),
  ],
  [
    'an ANCM event text with its Process Id, build and Commit hash',
    [
      "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '\"dotnet\" .\\Shop.dll', ErrorCode = '0x80004005 : ff.",
      'Process Id: 4321.',
      'File Version: 18.0.24141.0. Description: IIS ASP.NET Core Module V2 Request Handler. Commit: 5b1b0cd1b0a3b9e1b8f8c8d1f0e4c6a2b9d7e3f1',
    ].join('\n'),
  ],
  ['an Event Viewer header with its event id', ['Log Name:      Application', 'Source:        IIS AspNetCore Module V2', 'Event ID:      1000', 'Keywords:      Classic'].join('\n')],
  ['a PublicKeyToken', "Could not load file or assembly 'Shop.Core, Version=2.1.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60'."],
  ['a Win32 error code', 'WinHttp returned 0x80072EE2 (ERROR_WINHTTP_TIMEOUT) after 120 s'],
  ['an application pool GUID', "Application pool 'ShopPool' {0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D} was disabled."],
  ['a version', '    "Version": "8.0.11",'],
  ['a Windows path', 'C:\\inetpub\\wwwroot\\Shop\\bin\\Release\\net8.0\\publish\\Shop.exe'],
  ['ASPNETCORE_URLS', 'ASPNETCORE_URLS=http://+:8080'],
  [
    'diagnostic environment switches',
    [
      'ASPNETCORE_ENVIRONMENT=Staging',
      'ASPNETCORE_DETAILEDERRORS=true',
      'ASPNETCORE_HTTP_PORTS=8080',
      'ASPNETCORE_FORWARDEDHEADERS_ENABLED=true',
      'ASPNETCORE_HOSTINGSTARTUPASSEMBLIES=Microsoft.AspNetCore.AzureAppServices.HostingStartup',
      'ASPNETCORE_SHUTDOWNTIMEOUTSECONDS=30',
      'DOTNET_gcServer=1',
      'DOTNET_ENVIRONMENT=Production',
      'COMPlus_TieredCompilation=0',
    ].join('\n'),
  ],
  [
    'the <aspNetCore> element and its environment variables',
    [
      '<aspNetCore processPath="dotnet" arguments=".\\Shop.dll --urls http://+:5000" stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" requestTimeout="00:05:00" startupTimeLimit="120" shutdownTimeLimit="10">',
      '  <environmentVariables>',
      '    <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />',
      '    <environmentVariable name="ASPNETCORE_URLS" value="http://+:5000" />',
      '  </environmentVariables>',
      '</aspNetCore>',
    ].join('\n'),
  ],
  ['keepAlive, KeyVault and KeyName settings', ['<add key="KeepAliveTimeout" value="00:02:10" />', '<add key="KeyVaultUri" value="https://shop-kv.vault.azure.net/" />', '    "KeyVault": { "VaultUri": "https://shop-kv.vault.azure.net/", "KeyName": "shop-signing" },', 'keepAlive: true'].join('\n')],
  [
    'appsettings.json that holds no secret',
    [
      '{',
      '  "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },',
      '  "AllowedHosts": "*",',
      '  "Kestrel": { "Endpoints": { "Http": { "Url": "http://0.0.0.0:5000" } } },',
      '  "AzureAd": { "ClientId": "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "TenantId": "00000000-0000-0000-0000-000000000000" },',
      '  "Certificate": { "Thumbprint": "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678" },',
      '  "Runtime": { "FileVersion": "8.0.1124.51707", "Host": "System.ComponentModel.Win32Exception" }',
      '}',
    ].join('\n'),
  ],
  ['YAML hosting settings', ['hosting:', '  hostingModel: outofprocess', '  processPath: dotnet', '  stdoutLogFile: .\\logs\\stdout'].join('\n')],
  [
    'a stack trace with a cancellation token and a Win32Exception',
    [
      '   at System.Net.Http.HttpClient.SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)',
      ' ---> System.ComponentModel.Win32Exception (0x80004005): The wait operation timed out',
    ].join('\n'),
  ],
  ['an ASP.NET Core console log', ['info: Microsoft.Hosting.Lifetime[14]', '      Now listening on: http://localhost:5000', '      Content root path: C:\\inetpub\\shop'].join('\n')],
  [
    'response headers with request ids',
    [
      '< HTTP/1.1 502 Bad Gateway',
      '< Server: Kestrel',
      '< X-Azure-Ref: 0Xl5cZQAAAABqF3M4z0wQT7sSP1ZmZXa2UFJHRURHRTAzMTUAZWYxNmQ3ZTItNDQxOC00OTY3',
      'x-ms-request-id: 2c9b2c8e-0000-0000-0000-000000000000',
      'traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      'cf-ray: 8c1a2b3c4d5e6f70-AMS',
    ].join('\n'),
  ],
  ['a FREB header event that is no secret', 'HeaderName="X-Azure-Ref", HeaderValue="0Xl5cZQAAAABqF3M4z0wQT7sSP1ZmZXa2UFJHRURHRTAzMTUA", Replace="false"'],
  [
    'a FREB root element',
    '<failedRequest url="http://shop.example.com:80/api" siteId="2" appPoolId="ShopPool" processId="4321" verb="GET" tokenUserName="IIS APPPOOL\\ShopPool" activityId="{80000045-0000-F700-B63F-84710C7967BB}" statusCode="502.3" timeTaken="120015">',
  ],
  ['a dotnet command line without secrets', 'dotnet --roll-forward Major Shop.dll --environment Production --contentRoot C:\\inetpub\\shop --urls http://+:5000'],
  ['the MS-ASPNETCORE-TOKEN header named without a value', 'ANCM forwards MS-ASPNETCORE-TOKEN to Kestrel; a mismatch answers 400'],
  ['prose about keys and tokens', 'the password was rotated -- the token expired and the key vault access policy was removed'],
  ['docker-compose settings that are no secret', ['services:', '  shop:', '    environment:', '      - "ASPNETCORE_ENVIRONMENT=Production"', '      DOTNET_gcServer: 1'].join('\n')],
  ['a PowerShell environment switch', '$env:ASPNETCORE_ENVIRONMENT = "Development"'],
  ['custom response headers', '<add name="X-Frame-Options" value="SAMEORIGIN" />'],
  ['ports and hosts', 'upstream: "http://127.0.0.1:5000/api", host: "shop.example.com:8443"'],
  ['a Stripe publishable key (public)', '<add key="StripePublic" value="pk_live_FAKE0fake1FAKE2fake3FAKE4" />'],
  ['an OAuth authorization code in a log', 'GET /signin-oidc?code=abc&state=xyz 302'],
  ['robocopy switches', 'robocopy C:\\build D:\\sites\\shop /MIR /R:3 /W:5'],
];

describe('Redactor: near misses stay exactly as they are', () => {
  it.each(NEAR_MISSES)('%s', (_what, text) => {
    expect(redactText(text)).toEqual({ text, count: 0 });
  });
});

/**
 * A diagnostic switch keeps its value even when the value looks generated (the entropy fallback
 * must ask the name first). Each is paired with the same value under an innocent name that is no
 * switch, which the fallback masks: so the switch is kept for its name, not for its value's looks.
 */
const RANDOM_ENV = 'Kq3vN8xR2mT7wYp4Lz9aB1cD';
const RANDOM_ERRORS = 'Fk8sLq2mPz7vRt4nWx9cYb3h';
const SWITCHES: [string, string, string, (name: string) => string][] = [
  ['an env file', 'ASPNETCORE_ENVIRONMENT', RANDOM_ENV, (name) => `${name}=${RANDOM_ENV}`],
  ['an XML attribute', 'ASPNETCORE_ENVIRONMENT', RANDOM_ENV, (name) => `<environmentVariable name="${name}" value="${RANDOM_ENV}" />`],
  ['JSON', 'ASPNETCORE_DETAILEDERRORS', RANDOM_ERRORS, (name) => `  "${name}": "${RANDOM_ERRORS}",`],
  ['an env file', 'ASPNETCORE_DETAILEDERRORS', RANDOM_ERRORS, (name) => `${name}=${RANDOM_ERRORS}`],
];

describe('Redactor: a diagnostic switch stays readable even with a random-looking value', () => {
  it.each(SWITCHES)('%s: %s=%s is kept; the same value under MAIL_RELAY is masked', (_syntax, name, value, line) => {
    const kept = line(name);
    expect(redactText(kept)).toEqual({ text: kept, count: 0 });
    const masked = redactText(line('MAIL_RELAY'));
    expect(masked.count).toBe(1);
    expect(masked.text).not.toContain(value);
    expect(masked.text).toContain('MAIL_RELAY');
  });
});
