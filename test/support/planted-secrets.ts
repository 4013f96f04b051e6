/**
 * Secrets planted in the syntax people paste them in, one form per row (issue 7). Every value is
 * fake but shaped like the real thing. The redactor's table test checks each row on its own; the
 * exit tests plant them all in one paste and look for them at every exit (Slack calls, the store,
 * logs, CLI and console output).
 */

export interface Planted {
  /** The form, as a test name. */
  what: string;
  /** The evidence, lines joined with `\n`. */
  text: string;
  /** Values that must not survive. */
  secrets: string[];
  /** Names (and diagnostic values) that must stay readable. */
  kept: string[];
  /** Values masked. */
  count: number;
}

const SENDGRID = 'SG.FAKEfakeFAKEfake012345.FAKEfakeFAKEfake0123456789abcdefABCDEF01234';
const STRIPE_SECRET = 'sk_live_FAKE0fake1FAKE2fake3FAKE4';
const STRIPE_RESTRICTED = 'rk_live_FAKE0fake1FAKE2fake3FAKE4';
const OPENAI = 'sk-FAKE0fake1FAKE2fake3FAKE4fake5FAKE6fake7FAKE8';
const OPENAI_PROJECT = 'sk-proj-FAKE0fake1FAKE2fake3_FAKE4fake5-FAKE6fake7FAKE8';
const AWS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
/** Random-looking, so only its looks give it away: the fallback for innocent names. */
const GENERATED = 'Kq3vN8xR2mT7wYp4Lz9aB1cD';
const GENERATED_2 = 'Fk8sLq2mPz7vRt4nWx9cYb3h';
const FUNCTION_KEY = 'FaKe0FuNcTiOn1KeY2fAkE3fUnCtIoN4kEy5FaKe6FuNc7==';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlIn0.ZmFrZS1zaWduYXR1cmU';

export const PLANTED: Planted[] = [
  {
    what: 'appsettings.json: Key nested in a Jwt section',
    text: ['{', '  "Jwt": {', '    "Issuer": "https://shop.example.com",', '    "Key": "fake-jwt-signing-key-0123456789"', '  }', '}'].join('\n'),
    secrets: ['fake-jwt-signing-key-0123456789'],
    kept: ['"Jwt": {', '"Key": "[REDACTED]"', '"Issuer": "https://shop.example.com"'],
    count: 1,
  },
  {
    what: 'appsettings.json: SecretKey',
    text: '  "Payments": { "SecretKey": "fake-payments-secret", "Mode": "live" },',
    secrets: ['fake-payments-secret'],
    kept: ['"SecretKey": "[REDACTED]"', '"Mode": "live"'],
    count: 1,
  },
  { what: 'appsettings.json: ClientKey', text: '    "ClientKey": "fake-client-key",', secrets: ['fake-client-key'], kept: ['"ClientKey"'], count: 1 },
  { what: 'appsettings.json: AuthKey', text: '    "AuthKey": "fake-auth-key"', secrets: ['fake-auth-key'], kept: ['"AuthKey"'], count: 1 },
  {
    what: 'appsettings.json: a connection string without a password part is masked whole',
    text: ['  "ConnectionStrings": {', '    "Default": "Server=sql01;Database=Shop;Trusted_Connection=True"', '  },'].join('\n'),
    secrets: ['sql01', 'Trusted_Connection'],
    kept: ['"ConnectionStrings": {', '"Default": "[REDACTED]"'],
    count: 1,
  },
  {
    what: 'appsettings.json: a Redis connection string keeps its host, loses its password',
    text: '  "ConnectionStrings": { "Redis": "cache.example.com:6380,password=fake-redis-pw,ssl=True" }',
    secrets: ['fake-redis-pw'],
    kept: ['cache.example.com:6380,password=[REDACTED],ssl=True'],
    count: 1,
  },
  {
    what: 'appsettings.json: a random value under an innocent name',
    text: `    "Relay": "${GENERATED}",`,
    secrets: [GENERATED],
    kept: ['"Relay": "[REDACTED]"'],
    count: 1,
  },
  {
    what: 'appsettings.json: a SAS URL keeps everything but its signature',
    text: '    "ExportUrl": "https://shop.blob.core.windows.net/exports?sv=2022-11-02&sp=rw&sig=FAKEsig%2Bfake%3D"',
    secrets: ['FAKEsig'],
    kept: ['https://shop.blob.core.windows.net/exports?sv=2022-11-02&sp=rw&sig=[REDACTED]'],
    count: 1,
  },
  {
    what: 'App Service advanced edit: name/value pairs',
    text: [
      '[',
      '  {',
      '    "name": "Jwt__Key",',
      '    "value": "fake-app-service-jwt-key",',
      '    "slotSetting": false',
      '  },',
      `  { "name": "MAIL_RELAY", "value": "${GENERATED_2}", "slotSetting": false },`,
      '  { "name": "ASPNETCORE_ENVIRONMENT", "value": "Production", "slotSetting": false }',
      ']',
    ].join('\n'),
    secrets: ['fake-app-service-jwt-key', GENERATED_2],
    kept: ['"name": "Jwt__Key"', '"name": "MAIL_RELAY"', '"value": "Production"'],
    count: 2,
  },
  {
    what: 'App Service connection string environment variable',
    text: 'SQLAZURECONNSTR_Default=Server=tcp:shop.database.windows.net,1433;Initial Catalog=Shop;User ID=shopadmin;Password=FakeSqlPw1;',
    secrets: ['shopadmin', 'FakeSqlPw1'],
    kept: ['SQLAZURECONNSTR_Default=Server=tcp:shop.database.windows.net,1433;Initial Catalog=Shop;'],
    count: 2,
  },
  {
    what: 'App Service custom connection string with a storage key',
    text: 'CUSTOMCONNSTR_Blob=DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=ZmFrZS1zdG9yYWdlLWtleQ==;EndpointSuffix=core.windows.net',
    secrets: ['ZmFrZS1zdG9yYWdlLWtleQ=='],
    kept: ['AccountName=shop;AccountKey=[REDACTED];EndpointSuffix=core.windows.net'],
    count: 1,
  },
  {
    what: 'env file: SECRET_KEY=',
    text: 'SECRET_KEY=fake-django-secret-key',
    secrets: ['fake-django-secret-key'],
    kept: ['SECRET_KEY='],
    count: 1,
  },
  {
    what: 'env file: export with double quotes',
    text: 'export DB_PASSWORD="fake db password"',
    secrets: ['fake db password'],
    kept: ['export DB_PASSWORD="[REDACTED]"'],
    count: 1,
  },
  {
    what: 'env file: single-quoted token',
    text: "API_TOKEN='fake-api-token'",
    secrets: ['fake-api-token'],
    kept: ["API_TOKEN='[REDACTED]'"],
    count: 1,
  },
  {
    what: 'env file: a random value under an innocent name',
    text: `MAIL_RELAY=${GENERATED}\nASPNETCORE_URLS=http://+:8080`,
    secrets: [GENERATED],
    kept: ['MAIL_RELAY=[REDACTED]', 'ASPNETCORE_URLS=http://+:8080'],
    count: 1,
  },
  {
    what: 'env file: an ASPNETCORE_ variable that is a certificate password',
    text: 'ASPNETCORE_Kestrel__Certificates__Default__Password=fake-pfx-password',
    secrets: ['fake-pfx-password'],
    kept: ['ASPNETCORE_Kestrel__Certificates__Default__Password='],
    count: 1,
  },
  {
    what: 'PowerShell $env: assignment',
    text: "$env:ConnectionStrings__Default = 'Server=.;Database=Shop;Password=fake-ps-pw'",
    secrets: ['fake-ps-pw'],
    kept: ["$env:ConnectionStrings__Default = 'Server=.;Database=Shop;Password=[REDACTED]'"],
    count: 1,
  },
  {
    what: 'docker-compose: environment map and list',
    text: [
      'services:',
      '  shop:',
      '    image: shop:1.4.2',
      '    environment:',
      `      MAIL_RELAY: ${GENERATED}`,
      '      ASPNETCORE_ENVIRONMENT: Production',
      '      - JWT__KEY=fake-compose-jwt-key',
      `      - "SENDGRID=${SENDGRID}"`,
    ].join('\n'),
    secrets: [GENERATED, 'fake-compose-jwt-key', SENDGRID],
    kept: ['MAIL_RELAY: [REDACTED]', 'ASPNETCORE_ENVIRONMENT: Production', '- JWT__KEY=[REDACTED]', 'image: shop:1.4.2'],
    count: 3,
  },
  {
    what: 'YAML: key nested under jwt',
    text: ['jwt:', '  issuer: shop', '  key: fake-yaml-jwt-key', 'logging:', '  level: Information'].join('\n'),
    secrets: ['fake-yaml-jwt-key'],
    kept: ['  key: [REDACTED]', '  issuer: shop', '  level: Information'],
    count: 1,
  },
  {
    what: 'Kubernetes env: name/value pairs',
    text: ['        env:', '          - name: DB_PASSWORD', '            value: "fake-k8s-password"', '          - name: ASPNETCORE_URLS', '            value: http://+:8080'].join('\n'),
    secrets: ['fake-k8s-password'],
    kept: ['- name: DB_PASSWORD', 'value: "[REDACTED]"', 'value: http://+:8080'],
    count: 1,
  },
  {
    what: 'web.config: SendGrid key under an innocent environment variable name',
    text: `<environmentVariable name="MAIL_SETTING" value="${SENDGRID}" />`,
    secrets: [SENDGRID],
    kept: ['name="MAIL_SETTING" value="[REDACTED]"'],
    count: 1,
  },
  {
    what: 'web.config: Stripe secret key under an innocent name',
    text: `        <environmentVariable name="PAYMENTS" value="${STRIPE_SECRET}" />`,
    secrets: [STRIPE_SECRET],
    kept: ['name="PAYMENTS"'],
    count: 1,
  },
  {
    what: 'web.config: Stripe restricted key',
    text: `<add key="Billing" value="${STRIPE_RESTRICTED}" />`,
    secrets: [STRIPE_RESTRICTED],
    kept: ['key="Billing"'],
    count: 1,
  },
  {
    what: 'web.config: OpenAI key',
    text: `<environmentVariable name="AI_BACKEND" value="${OPENAI}" />`,
    secrets: [OPENAI],
    kept: ['name="AI_BACKEND"'],
    count: 1,
  },
  {
    what: 'web.config: OpenAI project key',
    text: `<add key="Assistant" value="${OPENAI_PROJECT}" />`,
    secrets: [OPENAI_PROJECT],
    kept: ['key="Assistant"'],
    count: 1,
  },
  {
    what: 'web.config: <add key="Jwt:Key">',
    text: '    <add key="Jwt:Key" value="fake-appsetting-jwt-key" />',
    secrets: ['fake-appsetting-jwt-key'],
    kept: ['key="Jwt:Key" value="[REDACTED]"'],
    count: 1,
  },
  {
    what: 'web.config: a random value under an innocent appSettings key',
    text: `    <add key="Relay" value="${GENERATED}" />`,
    secrets: [GENERATED],
    kept: ['key="Relay" value="[REDACTED]"'],
    count: 1,
  },
  {
    what: 'web.config: secret arguments inside <aspNetCore arguments>',
    text: '<aspNetCore processPath="dotnet" arguments=".\\Shop.dll --ApiKey fake-arguments-key" hostingModel="outofprocess" />',
    secrets: ['fake-arguments-key'],
    kept: ['processPath="dotnet"', 'arguments=".\\Shop.dll --ApiKey [REDACTED]"', 'hostingModel="outofprocess"'],
    count: 1,
  },
  {
    what: 'publish profile: <Password> element',
    text: '    <Password>fake-publish-password</Password>',
    secrets: ['fake-publish-password'],
    kept: ['<Password>[REDACTED]</Password>'],
    count: 1,
  },
  {
    what: 'ANCM event 1000: --AWS:SecretKey= on the command line',
    text:
      "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '\"C:\\Program Files\\dotnet\\dotnet.exe\" .\\Shop.dll --AWS:SecretKey=fake-aws-secret-arg --urls http://+:5000', ErrorCode = '0x800700c1 : 0.",
    secrets: ['fake-aws-secret-arg'],
    kept: ['--AWS:SecretKey=[REDACTED] --urls http://+:5000', "ErrorCode = '0x800700c1 : 0.", "'/LM/W3SVC/2/ROOT'"],
    count: 1,
  },
  {
    what: 'ANCM event 1010: --Jwt:Key=, --ApiKey <next word>, --client-secret=',
    text:
      "Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode '0x8007023e'. commandline '\"dotnet\" Shop.dll --Jwt:Key=fake-jwt-arg --ApiKey fake-next-word-key --client-secret=fake-client-secret-arg'",
    secrets: ['fake-jwt-arg', 'fake-next-word-key', 'fake-client-secret-arg'],
    kept: ['--Jwt:Key=[REDACTED] --ApiKey [REDACTED] --client-secret=[REDACTED]', "ErrorCode '0x8007023e'"],
    count: 3,
  },
  {
    what: 'command line: --Section__Key= and --Section:Password <next word>',
    text: 'dotnet Shop.dll --Jwt__Key=fake-underscore-key --Smtp:Password "fake smtp pw"',
    secrets: ['fake-underscore-key', 'fake smtp pw'],
    kept: ['--Jwt__Key=[REDACTED]', '--Smtp:Password "[REDACTED]"'],
    count: 2,
  },
  {
    what: 'command line: /ApiKey:value',
    text: 'Shop.exe /ApiKey:fake-slash-key /urls:http://+:5000',
    secrets: ['fake-slash-key'],
    kept: ['/ApiKey:[REDACTED]', '/urls:http://+:5000'],
    count: 1,
  },
  {
    what: "PowerShell: -Password 'value' and -Token value",
    text: "New-Deployment -Name Shop -Password 'fake ps password' -Token fake-ps-token -Force",
    secrets: ['fake ps password', 'fake-ps-token'],
    kept: ["-Password '[REDACTED]' -Token [REDACTED] -Force", '-Name Shop'],
    count: 2,
  },
  {
    what: 'curl -v: Authorization and Cookie headers, and -u user:password',
    text: [
      'curl -v -u admin:fake-basic-pw https://shop.example.com/api/orders',
      '> GET /api/orders HTTP/1.1',
      `> Authorization: Bearer ${JWT}`,
      '> Cookie: .AspNetCore.Cookies=CfDJ8FakeCookie; ARRAffinity=fakeaffinity',
      '< HTTP/1.1 502 Bad Gateway',
    ].join('\n'),
    secrets: ['fake-basic-pw', JWT, 'CfDJ8FakeCookie', 'fakeaffinity'],
    kept: ['-u admin:[REDACTED]', '> Authorization: Bearer [REDACTED]', '.AspNetCore.Cookies=[REDACTED]; ARRAffinity=[REDACTED]', '< HTTP/1.1 502 Bad Gateway'],
    count: 4,
  },
  {
    what: 'curl -H with Basic credentials',
    text: 'curl -H "Authorization: Basic ZmFrZXVzZXI6ZmFrZXBhc3M=" https://shop.example.com/health',
    secrets: ['ZmFrZXVzZXI6ZmFrZXBhc3M='],
    kept: ['Authorization: Basic [REDACTED]'],
    count: 1,
  },
  {
    what: 'Basic credentials quoted in prose',
    text: 'the probe sends Basic ZmFrZXVzZXI6ZmFrZXBhc3M= and gets 401',
    secrets: ['ZmFrZXVzZXI6ZmFrZXBhc3M='],
    kept: ['the probe sends Basic [REDACTED] and gets 401'],
    count: 1,
  },
  {
    what: 'Azure Functions key in a URL',
    text: `POST https://shop-fn.azurewebsites.net/api/Orders?code=${FUNCTION_KEY}&clientId=default -> 502`,
    secrets: [FUNCTION_KEY],
    kept: ['https://shop-fn.azurewebsites.net/api/Orders?code=[REDACTED]&clientId=default'],
    count: 1,
  },
  {
    what: 'Functions key header',
    text: 'x-functions-key: fake-functions-header-key',
    secrets: ['fake-functions-header-key'],
    kept: ['x-functions-key: [REDACTED]'],
    count: 1,
  },
  {
    what: 'Slack webhook URL',
    text: 'alert post to https://hooks.slack.com/services/T00000000/B00000000/FAKEfakeFAKEfake00000000 failed: 502',
    secrets: ['FAKEfakeFAKEfake00000000', 'T00000000/B00000000'],
    kept: ['https://hooks.slack.com/services/[REDACTED] failed: 502'],
    count: 1,
  },
  {
    what: 'AWS key pair over two lines',
    text: `Access key ID  ${AWS_KEY_ID}\nSecret access   ${AWS_SECRET}\nRegion          eu-west-1`,
    secrets: [AWS_KEY_ID, AWS_SECRET],
    kept: ['Access key ID  [REDACTED]', 'Secret access   [REDACTED]', 'Region          eu-west-1'],
    count: 2,
  },
  {
    what: 'AWS key pair in a credentials CSV row',
    text: `User name,Access key ID,Secret access key\nshop-deployer,${AWS_KEY_ID},${AWS_SECRET}`,
    secrets: [AWS_KEY_ID, AWS_SECRET],
    kept: ['shop-deployer,[REDACTED],[REDACTED]'],
    count: 2,
  },
  {
    what: 'AWS secret by name in JSON',
    text: `{ "AccessKeyId": "${AWS_KEY_ID}", "SecretAccessKey": "${AWS_SECRET}" }`,
    secrets: [AWS_KEY_ID, AWS_SECRET],
    kept: ['"AccessKeyId": "[REDACTED]", "SecretAccessKey": "[REDACTED]"'],
    count: 2,
  },
  {
    what: 'GitHub personal access token',
    text: 'git clone https://ghp_FAKE0fake1FAKE2fake3FAKE4fake5FAKE6f@github.com/contoso/shop.git',
    secrets: ['ghp_FAKE0fake1FAKE2fake3FAKE4fake5FAKE6f'],
    kept: ['@github.com/contoso/shop.git'],
    count: 1,
  },
  {
    what: 'GitHub fine-grained token',
    text: 'GH_PAT used: github_pat_11FAKE0fake1FAKE2fake3_FAKE4fake5FAKE6fake7',
    secrets: ['github_pat_11FAKE0fake1FAKE2fake3_FAKE4fake5FAKE6fake7'],
    kept: ['GH_PAT used:'],
    count: 1,
  },
  {
    what: 'GitLab token',
    text: 'registry login with glpat-FAKEfake0123456789ab',
    secrets: ['glpat-FAKEfake0123456789ab'],
    kept: ['registry login with [REDACTED]'],
    count: 1,
  },
  {
    what: 'Slack bot token',
    text: 'SLACK_BOT=xoxb-000000000000-000000000000-FAKEfakeFAKEfake',
    secrets: ['xoxb-000000000000-000000000000-FAKEfakeFAKEfake'],
    kept: ['SLACK_BOT='],
    count: 1,
  },
  {
    what: 'Slack app token',
    text: 'socket mode: xapp-1-A0000000000-0000000000000-fakefakefake',
    secrets: ['xapp-1-A0000000000-0000000000000-fakefakefake'],
    kept: ['socket mode: [REDACTED]'],
    count: 1,
  },
  {
    what: 'Google API key',
    text: 'maps call https://maps.googleapis.com/maps/api/geocode/json?address=x&key=AIzaFAKEfake0123456789FAKEfake012345678',
    secrets: ['AIzaFAKEfake0123456789FAKEfake012345678'],
    kept: ['https://maps.googleapis.com/maps/api/geocode/json?address=x&key=[REDACTED]'],
    count: 1,
  },
  {
    what: 'JWT in an ANCM stdout log line',
    text: `fail: Shop.Auth[0] token ${JWT} rejected: IDX10223 lifetime validation failed`,
    secrets: [JWT],
    kept: ['IDX10223 lifetime validation failed'],
    count: 1,
  },
  {
    what: 'PEM private key block',
    text: ['Kestrel certificate key:', '-----BEGIN PRIVATE KEY-----', 'MIIEvFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKE', 'fakeFAKEfakeFAKEfakeFAKEfake0123456789==', '-----END PRIVATE KEY-----'].join('\n'),
    secrets: ['MIIEvFAKEfake', 'fake0123456789=='],
    kept: ['-----BEGIN PRIVATE KEY-----', '-----END PRIVATE KEY-----'],
    count: 1,
  },
  {
    what: 'URL userinfo in a message broker address',
    text: 'RabbitMQ: amqps://shop:fake-amqp-pw@mq.example.com:5671/shop',
    secrets: ['fake-amqp-pw'],
    kept: ['amqps://shop:[REDACTED]@mq.example.com:5671/shop'],
    count: 1,
  },
  {
    what: 'MS-ASPNETCORE-TOKEN pairing header: name kept, value masked',
    text: '< MS-ASPNETCORE-TOKEN: 7b115656-1a35-407f-9db2-7e0e4d32c068',
    secrets: ['7b115656-1a35-407f-9db2-7e0e4d32c068'],
    kept: ['MS-ASPNETCORE-TOKEN: [REDACTED]'],
    count: 1,
  },
  {
    what: 'antiforgery form field',
    text: 'POST body: __RequestVerificationToken=CfDJ8FakeAntiforgery&Quantity=2',
    secrets: ['CfDJ8FakeAntiforgery'],
    kept: ['__RequestVerificationToken=[REDACTED]&Quantity=2'],
    count: 1,
  },
];
