/**
 * Which setting, header and attribute names hold a secret, and which hold a diagnostic switch.
 *
 * A name is judged by its last segment, whatever the syntax wrote between the segments
 * (`Jwt:Key`, `Jwt__Key`, `jwt.key`, `client-secret`, `DB_PASSWORD`, `ClientSecret`): a last
 * segment that says key, secret, token, password, pwd, passphrase, credential(s) or signature names
 * a secret, so `KeyName`, `KeyVault` and `tokenUserName` do not. `key` on its own names
 * something else (`<add key="Setting" value="…">`, `?key=` in a query string); it is a secret
 * under a section (`Jwt:Key`, `"Jwt": { "Key": … }`). Connection strings are judged apart, because
 * their other parts (server, database) carry the diagnosis.
 */

/** Last segments that name a secret on their own. */
const SECRET_SEGMENTS = new Set([
  'key',
  'secret',
  'token',
  'password',
  'passwd',
  'pass',
  'pwd',
  'passphrase',
  'credential',
  'credentials',
  'signature',
  'sig',
  'sas',
]);
/**
 * Endings of a last segment written without separators (`APIKEY`, `dbpassword`, `accesstoken`).
 * `key` is listed only in compounds that are known secrets, so `monkey` or `hotkey` stay readable.
 */
const SECRET_ENDING =
  /(?:password|passwd|passphrase|secret|token|credentials?|signature|(?:api|access|account|secret|client|auth|private|signing|encryption|decryption|validation|machine|master|functions?|host|storage|subscription|sharedaccess|license)key)$/;
/** Whole names (lower-case, separators removed) that end like a secret but are not one. */
const NOT_SECRET = new Set(['publickeytoken', 'publickey', 'forwardwindowsauthtoken', 'cancellationtoken']);
/** Headers whose value is always a credential, though their names do not say so. */
export const CREDENTIAL_HEADERS = ['Proxy-Authorization', 'Authorization', 'Set-Cookie', 'Cookie'];
const CREDENTIAL_HEADER_NAMES = new Set(CREDENTIAL_HEADERS.map(joinedName));
/** Connection-string user names: personal data, masked like secrets in `key=value` form. */
const PERSONAL = new Set(['userid', 'uid', 'user', 'username']);
/** A name with none of these in it cannot be a secret: names are checked on every `=` of every log line. */
const MAYBE_SECRET = /pass|pwd|secret|token|key|credential|signature|sas|sig|authorization|cookie/i;
const MAYBE_CONNECTION_STRING = /conn/i;
const MAYBE_PERSONAL = /user|uid/i;

/**
 * Settings whose values carry the diagnosis and are never guessed to be secrets by their looks
 * (names lower-case, separators removed). Names that say they hold a secret are masked even here.
 */
const DIAGNOSTIC_SETTINGS = new Set([
  // ANCM and the ASP.NET Core host.
  'aspnetcoreenvironment',
  'aspnetcoredetailederrors',
  'aspnetcoreurls',
  'aspnetcorehttpports',
  'aspnetcorehttpsports',
  'aspnetcoreforwardedheadersenabled',
  'aspnetcorehostingstartupassemblies',
  'aspnetcorehostingstartupexcludeassemblies',
  'aspnetcorepreventhostingstartup',
  'aspnetcoreshutdowntimeoutseconds',
  'aspnetcorecontentroot',
  'aspnetcorewebroot',
  'aspnetcoreapplicationname',
  'aspnetcoresuppressstatusmessages',
  'aspnetcoreport',
  'aspnetcoreapplpath',
  'dotnetenvironment',
  'urls',
  'allowedhosts',
  'environment',
  'contentroot',
  // <aspNetCore> attributes, also set through environment variables and command lines.
  'hostingmodel',
  'processpath',
  'arguments',
  'stdoutlogenabled',
  'stdoutlogfile',
  'requesttimeout',
  'startuptimelimit',
  'shutdowntimelimit',
  'rapidfailsperminute',
  'disablestartuperrorpage',
  // Request ids that support and CDN logs are searched by.
  'xazureref',
  'xmsedgeref',
  'xamzcfid',
  'xamzntraceid',
  'xmsrequestid',
  'xarrlogid',
  'requestid',
  'xrequestid',
  'xcorrelationid',
  'traceparent',
  'cfray',
]);
/** Runtime knobs (`DOTNET_gcServer`, `COMPlus_TieredCompilation`): one level, numbers and switches. */
const RUNTIME_KNOB = /^(?:DOTNET|COMPlus)_[A-Za-z0-9]+$/i;
const LOGGING = /(?:^|[:._])(?:Logging|LogLevel)(?:[:._]|$)/i;

/** `MS-ASPNETCORE-TOKEN` → `msaspnetcoretoken`: the name without separators, lower-case. */
function joinedName(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/**
 * `AWS:SecretKey` → ['aws', 'secret', 'key']; `ConnectionStrings__Default` → ['connection',
 * 'strings', 'default']: split at every separator, and between camelCase words and acronyms.
 */
function nameSegments(name: string): string[] {
  return name
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** A key, header, attribute or option name whose value is a secret. */
export function isSecretName(name: string): boolean {
  if (!MAYBE_SECRET.test(name)) return false;
  const joined = joinedName(name);
  if (joined.length === 0 || NOT_SECRET.has(joined)) return false;
  if (CREDENTIAL_HEADER_NAMES.has(joined)) return true;
  const segments = nameSegments(name);
  const last = segments[segments.length - 1] ?? '';
  if (last === 'key' && segments.length === 1) return false;
  return SECRET_SEGMENTS.has(last) || SECRET_ENDING.test(last);
}

/**
 * A name whose value is a connection string: `ConnectionString`, `ConnectionStrings:Default`,
 * `ConnectionStrings__Default`, `RedisConnStr`, and App Service's `SQLAZURECONNSTR_Default`.
 */
export function isConnectionStringName(name: string): boolean {
  if (!MAYBE_CONNECTION_STRING.test(name)) return false;
  if (/(?:connectionstring|connstr)$/.test(joinedName(name))) return true;
  // A section or prefix before the last part: `ConnectionStrings:Default`, `SQLCONNSTR_Default`.
  const parts = name.split(/[^A-Za-z0-9]+/);
  return parts.slice(0, -1).some((p) => /(?:connectionstrings|connstr)$/i.test(p));
}

export function isPersonalName(name: string): boolean {
  return MAYBE_PERSONAL.test(name) && PERSONAL.has(joinedName(name));
}

/** A setting whose value carries the diagnosis: never masked for looking random. */
export function isDiagnosticSetting(name: string): boolean {
  return DIAGNOSTIC_SETTINGS.has(joinedName(name)) || RUNTIME_KNOB.test(name) || LOGGING.test(name);
}
