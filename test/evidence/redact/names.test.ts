import { isConnectionStringName, isDiagnosticSetting, isSecretName } from '../../../src/evidence/redact/names';

describe('secret names: judged by their last segment', () => {
  it.each([
    'Jwt:Key',
    'Jwt__Key',
    'jwt.key',
    'SecretKey',
    'SECRET_KEY',
    'ClientKey',
    'AuthKey',
    'AWS:SecretKey',
    'client-secret',
    'ApiKey',
    'APIKEY',
    'dbpassword',
    'SSL_PASSPHRASE',
    'AzureCredentials',
    'SharedAccessSignature',
    'MS-ASPNETCORE-TOKEN',
    '__RequestVerificationToken',
    'Authorization',
    'Set-Cookie',
  ])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    // `key` alone names a setting (`<add key="…">`) or a query parameter; under a section it is a secret.
    'key',
    'Key',
    'KeyName',
    'KeyVault',
    'KeyVaultUri',
    'keepAlive',
    'KeepAliveTimeout',
    'PublicKeyToken',
    'PublicKey',
    'SharedAccessKeyName',
    'tokenUserName',
    'forwardWindowsAuthToken',
    'hostingModel',
    'processPath',
    'arguments',
    'requestTimeout',
    'stdoutLogFile',
    'ASPNETCORE_ENVIRONMENT',
    'ASPNETCORE_HOSTINGSTARTUPASSEMBLIES',
    'sc-win32-status',
    'Commit',
    'bypass',
    'monkey',
  ])('%s is not secret', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('connection-string names', () => {
  it.each(['ConnectionString', 'connectionString', 'ConnectionStrings:Default', 'ConnectionStrings__Default', 'RedisConnStr', 'SQLAZURECONNSTR_Default', 'APPLICATIONINSIGHTS_CONNECTION_STRING'])('%s holds a connection string', (name) => {
    expect(isConnectionStringName(name)).toBe(true);
  });

  it.each(['ConnectionStrings', 'connectionTimeout', 'Connection', 'KeepConnectionAlive'])('%s does not', (name) => {
    expect(isConnectionStringName(name)).toBe(false);
  });
});

describe('diagnostic settings', () => {
  it.each(['ASPNETCORE_ENVIRONMENT', 'ASPNETCORE_URLS', 'ASPNETCORE_HTTPS_PORTS', 'DOTNET_gcServer', 'COMPlus_TieredCompilation', 'Logging:LogLevel:Default', 'hostingModel', 'stdoutLogFile', 'X-Azure-Ref'])('%s is a diagnostic switch', (name) => {
    expect(isDiagnosticSetting(name)).toBe(true);
  });

  it.each(['MAIL_RELAY', 'Relay', 'DOTNET_Section__Key', 'ASPNETCORE_Kestrel__Endpoints__Https__Url'])('%s is not', (name) => {
    expect(isDiagnosticSetting(name)).toBe(false);
  });
});
