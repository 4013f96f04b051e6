/**
 * Masks secrets line by line before any parser, store or renderer sees the text.
 *
 * Values are replaced by `[REDACTED]`; names, keys, header names and auth schemes stay, so the
 * evidence still reads ("Password=[REDACTED]", "Authorization: Bearer [REDACTED]"). Status codes,
 * error codes, paths and `<aspNetCore>` settings carry the diagnosis and are never touched.
 *
 * One Redactor per input: a private key block or an XML element can spread a secret over several
 * lines, so the redactor remembers where it is. Every rule is a bounded or anchored pattern, or a
 * hand-written scan, so a hostile 16 KB line costs a few linear passes. Redacting already redacted
 * text changes nothing and counts nothing.
 */

/** What every masked value becomes. */
export const MASK = '[REDACTED]';

/** Longest block of lines treated as one private key; a real PEM key is far shorter. */
const MAX_PEM_LINES = 200;
/** Lines an unfinished XML tag may span before its state is dropped. */
const MAX_OPEN_TAG_LINES = 20;
/** Words a space-separated value may have when a `;` ends it (`Password=my pass phrase;`). */
const MAX_VALUE_WORDS = 8;
/** Rounds of rules per line before giving up on a fixed point (real lines need one or two). */
const MAX_ROUNDS = 8;
/** Longest key read before a `=`. */
const MAX_KEY = 64;

// ---------------------------------------------------------------------------------------------
// Which names hold secrets.

/** Name endings (letters only, lower-case, separators removed) that hold a secret value. */
const SECRET_ENDINGS = [
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'token',
  'apikey',
  'accesskey',
  'accountkey',
  'subscriptionkey',
  'privatekey',
  'signingkey',
  'encryptionkey',
  'decryptionkey',
  'validationkey',
  'machinekey',
  'masterkey',
  'functionkey',
  'functionskey',
  'hostkey',
  'storagekey',
  'credential',
  'credentials',
  'signature',
];
/** Short names that are secrets only as a whole word (`sig=`, `DB_PASS`), not inside `bypass`. */
const SECRET_LAST_WORDS = new Set(['pass', 'pwd', 'sas', 'sig']);
/** Names that end like a secret but are not one. */
const NOT_SECRET = new Set(['publickeytoken', 'forwardwindowsauthtoken', 'cancellationtoken']);
/** Connection-string user names: personal data, masked like secrets in key=value form. */
const PERSONAL = new Set(['userid', 'uid', 'user', 'username']);
/** One test for all endings: names are checked on every `=` of every log line, so this must be cheap. */
const SECRET_ENDING = new RegExp(`(?:${SECRET_ENDINGS.join('|')})$`);
const SETTING_SECRET_WORD = /password|secret|token|apikey|connectionstring|credential/;
/** Cheap first filters: a name with none of these letters in it cannot be a secret (or a user name). */
const MAYBE_SECRET = /pass|pwd|secret|token|key|credential|signature|sas|sig/i;
const MAYBE_PERSONAL = /user|uid/i;

/** `MS-ASPNETCORE-TOKEN` → `msaspnetcoretoken`: the name without separators, lower-case. */
function joinedName(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/** `MS-ASPNETCORE-TOKEN` → ['ms', 'aspnetcore', 'token']; `ApiKey` → ['api', 'key']. */
function words(name: string): string[] {
  return name
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** The last word of a name: `DB_PASS` → `pass`, `MyPwd` → `pwd`, `bypass` → `bypass`. */
function lastWord(name: string): string {
  const part = /[A-Za-z0-9]+$/.exec(name)?.[0] ?? '';
  const camel = /[a-z]/.test(part) ? /[A-Z]?[a-z0-9]+$/.exec(part)?.[0] ?? part : part;
  return camel.toLowerCase();
}

/** A key, header or attribute name whose value is a secret. */
export function isSecretName(name: string): boolean {
  if (!MAYBE_SECRET.test(name)) return false;
  const joined = joinedName(name);
  if (joined.length === 0 || NOT_SECRET.has(joined)) return false;
  return SECRET_ENDING.test(joined) || SECRET_LAST_WORDS.has(lastWord(name));
}

function isPersonalName(name: string): boolean {
  return MAYBE_PERSONAL.test(name) && PERSONAL.has(joinedName(name));
}

/** The name in `<add key="...">` or `<environmentVariable name="...">` marks its `value` as secret. */
function isSecretSettingName(name: string): boolean {
  const joined = joinedName(name);
  if (NOT_SECRET.has(joined)) return false;
  if (isSecretName(name) || SETTING_SECRET_WORD.test(joined)) return true;
  const parts = words(name);
  return parts.some((p) => SECRET_LAST_WORDS.has(p)) || parts[parts.length - 1] === 'key';
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

/**
 * A value with nothing left to hide: empty, already masked (possibly several masks side by side),
 * or a boolean switch (`forwardWindowsAuthToken="true"`).
 */
function isHarmless(value: string): boolean {
  const rest = value.split(MASK).join('');
  return /^[\s;,&"'=:]*$/.test(rest) || /^\s*(?:true|false)\s*$/i.test(value);
}

interface Edit {
  start: number;
  end: number;
}

/** Replaces each [start, end) span with MASK; spans are in order and do not overlap. */
function applyEdits(line: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return line;
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += line.slice(at, e.start) + MASK;
    at = e.end;
  }
  return out + line.slice(at);
}

/** Shrinks [start, end) to leave out surrounding blanks, so masking keeps the spacing. */
function trimSpan(line: string, start: number, end: number): Edit {
  let s = start;
  let e = end;
  while (s < e && line.charCodeAt(s) === 32) s += 1;
  while (e > s && line.charCodeAt(e - 1) === 32) e -= 1;
  return { start: s, end: e };
}

function isKeyChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 95 || // _
    code === 46 || // .
    code === 45 // -
  );
}

/**
 * The key written just before the `=` at `eq` (up to two spaces between them): a run of
 * letters, digits, `_`, `.`, `-` that starts with a letter and is at most 64 long, or
 * `User ID` / `User Name`. Undefined when there is none (`==`, `a =b` with a long or odd key).
 */
function keyBefore(line: string, eq: number): string | undefined {
  if (line.charAt(eq + 1) === '=') return undefined;
  let end = eq;
  for (let n = 0; n < 2 && line.charAt(end - 1) === ' '; n += 1) end -= 1;
  let start = end;
  while (start > 0 && end - start <= MAX_KEY && isKeyChar(line.charAt(start - 1))) start -= 1;
  if (start === end || end - start > MAX_KEY || !/[A-Za-z]/.test(line.charAt(start))) return undefined;
  const key = line.slice(start, end);
  // "User ID" and "User Name" are the only keys with a space in them.
  if (/^(?:id|name)$/i.test(key) && /^user $/i.test(line.slice(start - 5, start)) && !isKeyChar(line.charAt(start - 6))) {
    return line.slice(start - 5, end);
  }
  return key;
}

/** Characters that end an unquoted value in `key=value` text. */
function endsValue(c: string): boolean {
  return c === '' || ';&,"\'<>)]}'.includes(c) || c === ' ' || c === '\t';
}

/**
 * The end of an unquoted value starting at `from`: one token, extended over further
 * space-separated words only when a `;` closes them (`Password=two words;` in a connection string).
 */
function unquotedEnd(line: string, from: number): number {
  // An already masked value is one token, even though `]` would end an ordinary one.
  if (line.startsWith(MASK, from)) return from + MASK.length;
  let end = from;
  while (end < line.length && !endsValue(line.charAt(end))) end += 1;
  if (end === from) return end;
  let probe = end;
  for (let n = 0; n < MAX_VALUE_WORDS && line.charAt(probe) === ' '; n += 1) {
    let k = probe + 1;
    while (k < line.length && !endsValue(line.charAt(k)) && line.charAt(k) !== '=') k += 1;
    if (k === probe + 1) break;
    if (line.charAt(k) === ';') return k;
    probe = k;
  }
  return end;
}

// ---------------------------------------------------------------------------------------------
// Patterns.

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----/;
/** Lines inside a PEM block: base64, or the headers of an encrypted key. */
const PEM_BODY = /^\s*(?:[A-Za-z0-9+/=]*|Proc-Type: .*|DEK-Info: .*|\[REDACTED\])\s*$/;
/** `scheme://user:password@host`. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]{0,20}:\/\/)([^\s:@/]*):([^\s@/]+)@/gi;
/** Headers whose value is always a secret, wherever they appear on a line (curl -H "..."). */
const SECRET_HEADER =
  /(?<![A-Za-z0-9-])(Proxy-Authorization|Authorization|Set-Cookie|Cookie|X-Api-Key|Api-Key|Ocp-Apim-Subscription-Key|MS-ASPNETCORE-TOKEN|X-Functions-Key|X-Auth-Token|X-Amz-Security-Token) ?: */gi;
/** A substring every SECRET_HEADER name contains, to skip that lookbehind pattern on most lines. */
const SECRET_HEADER_HINT = /authorization|cookie|api-key|subscription-key|aspnetcore-token|functions-key|auth-token|security-token/i;
/** Any `Name: value` at the start of a line (header, YAML, "Password: x"). */
const LINE_HEADER = /^\s*(?:[<>] )?([A-Za-z][A-Za-z0-9_.-]{0,63}) ?: */;
/** FREB GENERAL_SET_REQUEST_HEADER data: `HeaderName="X", HeaderValue="..."`. */
const FREB_HEADER = /HeaderName="([^"]{1,100})", HeaderValue="([^"]*)"/g;
/** `"password": "..."` (JSON) and `'password': '...'`. */
const QUOTED_KEY = /(["'])([A-Za-z0-9_.\- ]{1,64})\1 {0,3}: {0,3}\1/g;
/** XML tokens: a tag start, a tag end, or an attribute with a quoted value. */
const XML_TOKEN = /<\/?[A-Za-z_][\w:.-]{0,100}|\/?>|([A-Za-z_:][\w:.-]{0,100}) {0,3}= {0,3}("[^"]*"|'[^']*')/g;
/**
 * Tokens recognizable by their shape alone. Each starts only where a token starts (the
 * lookbehind), so a failed attempt inside a long run of token characters is never retried at
 * every position of that run.
 */
const SHAPED_SECRETS: readonly { hints: readonly string[]; pattern: RegExp }[] = [
  { hints: ['eyJ'], pattern: /(?<![\w-])eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]*/g }, // JWT
  { hints: ['xox'], pattern: /(?<![\w-])xox[abpors]-[A-Za-z0-9-]{10,}/g }, // Slack tokens
  { hints: ['xapp-'], pattern: /(?<![\w-])xapp-\d-[A-Za-z0-9-]{10,}/g }, // Slack app-level token
  { hints: ['gh', 'github_pat_'], pattern: /(?<![\w-])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{30,})/g }, // GitHub tokens
  { hints: ['AKIA', 'ASIA'], pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g }, // AWS access key ids
  { hints: ['AIza'], pattern: /(?<![\w-])AIza[\w-]{35}/g }, // Google API keys
];
/**
 * Every rule above needs one of these somewhere in the line (a secret-like name, a header name, a
 * token's prefix, a URL with credentials, markup). A line with none of them, which is nearly every
 * W3C log row, cannot hold anything to mask and skips the rules: a 1,000,000-row log pays one
 * regex test per row instead of every rule.
 */
const ANY_TRIGGER =
  /pass|pwd|secret|token|key|credential|signature|sas|sig|user|uid|auth|cookie|connectionstring|earer|eyJ|xox|xapp-|gh[pousr]_|github_pat_|AKIA|ASIA|AIza|-----BEGIN|HeaderValue|:\/\/|[<@]/i;

/** `Bearer <opaque token>` outside an Authorization header. */
const BEARER = /\b(Bearer) +([A-Za-z0-9._~+/-]{16,}=*)/g;

/** Where the value of a header that starts at `from` ends: the closing quote if it was quoted, else the line. */
function headerValueEnd(line: string, nameStart: number, from: number): number {
  const before = line.charAt(nameStart - 1);
  if (before === '"' || before === "'") {
    const close = line.indexOf(before, from);
    return close < 0 ? line.length : close;
  }
  // Inside XML text (FREB), the value stops at the next tag.
  const tag = line.indexOf('<', from);
  return tag < 0 ? line.length : tag;
}

/** Masks the value part of each `name=value` pair in `[from, to)`, split on `;` (Cookie). One pass. */
function cookieEdits(line: string, from: number, to: number, firstOnly: boolean): Edit[] {
  const edits: Edit[] = [];
  let at = from;
  while (at < to) {
    let pairEnd = at;
    let eq = -1;
    while (pairEnd < to && line.charAt(pairEnd) !== ';') {
      if (eq < 0 && line.charAt(pairEnd) === '=') eq = pairEnd;
      pairEnd += 1;
    }
    if (eq >= 0) {
      const span = trimSpan(line, eq + 1, pairEnd);
      if (!isHarmless(line.slice(span.start, span.end))) edits.push(span);
    }
    if (firstOnly) break;
    at = pairEnd + 1;
  }
  return edits;
}

/** The spans to mask in a header value `[from, to)` for the header `name`. */
function headerEdits(line: string, name: string, from: number, to: number): Edit[] {
  const lower = name.toLowerCase();
  if (lower === 'cookie') return cookieEdits(line, from, to, false);
  if (lower === 'set-cookie') return cookieEdits(line, from, to, true);
  const span = trimSpan(line, from, to);
  if (isHarmless(line.slice(span.start, span.end))) return [];
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    // Keep the scheme (Bearer, Basic, Negotiate): it tells what kind of auth failed.
    const value = line.slice(span.start, span.end);
    const space = value.indexOf(' ');
    if (space > 0 && /^[A-Za-z][A-Za-z0-9-]*$/.test(value.slice(0, space))) {
      const rest = trimSpan(line, span.start + space + 1, span.end);
      return isHarmless(line.slice(rest.start, rest.end)) ? [] : [rest];
    }
  }
  return [span];
}

/** Merges edit lists, keeping the first of any overlapping spans, in line order. */
function mergeEdits(edits: Edit[]): Edit[] {
  edits.sort((a, b) => a.start - b.start);
  const out: Edit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    out.push(e);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** The state a line starts from, restored before each round of rules on that line. */
interface LineState {
  openTag: OpenTag | undefined;
  pendingFrebHeader: boolean;
}

/** XML tag state carried from one line to the next. */
interface OpenTag {
  /** A `key`/`name` attribute of this tag named a secret. */
  secret: boolean;
  lines: number;
}

/** Masks secrets in the lines of one input. */
export class Redactor {
  /** How many values were masked so far. */
  count = 0;
  private pemLines = -1;
  private pemCounted = false;
  private openTag: OpenTag | undefined;
  private pendingFrebHeader = false;

  /** Returns the line with every secret value replaced by `[REDACTED]`. */
  redact(line: string): string {
    if (this.pemLines >= 0) {
      const inside = this.privateKeyBody(line);
      if (inside !== undefined) return inside;
    }
    if (this.openTag === undefined && !this.pendingFrebHeader && !ANY_TRIGGER.test(line)) return line;
    // The rules, the private-key check among them, run until they find nothing more: a mask can
    // end a value that a rule read differently before (a `<` or a quote it stopped at), or hide
    // the first of two `-----BEGIN` markers so the second starts a key. Reaching that fixed point
    // is what makes redacting redacted text a no-op. Each round masks at least one more character,
    // and real lines settle in one or two rounds.
    const start: LineState = { openTag: this.openTag, pendingFrebHeader: this.pendingFrebHeader };
    let out = line;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const keyed = this.privateKeyStart(out);
      if (this.pemLines >= 0) return keyed;
      this.openTag = start.openTag;
      this.pendingFrebHeader = start.pendingFrebHeader;
      const next = this.applyRules(keyed);
      if (next === out) break;
      out = next;
    }
    return out;
  }

  private applyRules(line: string): string {
    let out = line;
    out = this.apply(out, this.urlCredentialEdits(out));
    out = this.apply(out, this.headerEdits(out));
    out = this.apply(out, this.keyValueEdits(out));
    out = this.apply(out, this.quotedKeyEdits(out));
    out = this.apply(out, this.xmlEdits(out));
    out = this.apply(out, this.shapedEdits(out));
    return out;
  }

  private apply(line: string, edits: Edit[]): string {
    const merged = mergeEdits(edits);
    this.count += merged.length;
    return applyEdits(line, merged);
  }

  /** A line after BEGIN PRIVATE KEY: masked until END, or until a line that is clearly not key material. */
  private privateKeyBody(line: string): string | undefined {
    const end = PEM_END.exec(line);
    if (end) {
      this.pemLines = -1;
      const before = line.slice(0, end.index);
      if (isHarmless(before)) return line;
      if (!this.pemCounted) this.count += 1;
      return MASK + line.slice(end.index);
    }
    this.pemLines += 1;
    if (this.pemLines > MAX_PEM_LINES || !PEM_BODY.test(line)) {
      // Not key material: the block was cut short. Stop masking and read this line normally.
      this.pemLines = -1;
      return undefined;
    }
    if (isHarmless(line)) return line;
    if (!this.pemCounted) {
      this.pemCounted = true;
      this.count += 1;
    }
    return line.slice(0, line.length - line.trimStart().length) + MASK;
  }

  /** Masks a key that begins on this line; a key that goes on past the line opens the block state. */
  private privateKeyStart(line: string): string {
    if (!line.includes('-----BEGIN ')) return line;
    const begin = PEM_BEGIN.exec(line);
    if (!begin) return line;
    const bodyStart = begin.index + begin[0].length;
    const rest = line.slice(bodyStart);
    const end = PEM_END.exec(rest);
    if (end) {
      const body = rest.slice(0, end.index);
      if (isHarmless(body)) return line;
      this.count += 1;
      return line.slice(0, bodyStart) + MASK + rest.slice(end.index);
    }
    this.pemLines = 0;
    this.pemCounted = false;
    if (isHarmless(rest)) return line;
    this.pemCounted = true;
    this.count += 1;
    return line.slice(0, bodyStart) + MASK;
  }

  private urlCredentialEdits(line: string): Edit[] {
    if (!line.includes('://') || !line.includes('@')) return [];
    const edits: Edit[] = [];
    for (const m of line.matchAll(URL_CREDENTIALS)) {
      const password = m[3] ?? '';
      if (isHarmless(password)) continue;
      const start = m.index + (m[1] ?? '').length + (m[2] ?? '').length + 1;
      edits.push({ start, end: start + password.length });
    }
    return edits;
  }

  private headerEdits(line: string): Edit[] {
    const edits: Edit[] = [];
    if (line.includes(':')) {
      // A header named inside another header's value is part of that value: skipping it keeps this linear.
      let covered = -1;
      for (const m of SECRET_HEADER_HINT.test(line) ? line.matchAll(SECRET_HEADER) : []) {
        if (m.index < covered) continue;
        const from = m.index + m[0].length;
        covered = headerValueEnd(line, m.index, from);
        edits.push(...headerEdits(line, m[1] ?? '', from, covered));
      }
      const start = LINE_HEADER.exec(line);
      if (start && isSecretName(start[1] ?? '')) {
        const from = start[0].length;
        const value = line.slice(from);
        // "ConnectionStrings: {" opens a block: the secrets inside are found line by line.
        if (!value.startsWith('{') && !value.startsWith('[')) edits.push(...headerEdits(line, start[1] ?? '', from, line.length));
      }
    }
    edits.push(...this.frebHeaderEdits(line));
    return edits;
  }

  /** FREB header events, rendered (`HeaderName="X", HeaderValue="v"`) or as XML data lines. */
  private frebHeaderEdits(line: string): Edit[] {
    const edits: Edit[] = [];
    if (line.includes('HeaderValue="')) {
      for (const m of line.matchAll(FREB_HEADER)) {
        const name = m[1] ?? '';
        if (!isSecretName(name) && !/^(?:proxy-)?authorization$|^(?:set-)?cookie$/i.test(name)) continue;
        const from = m.index + m[0].length - 1 - (m[2] ?? '').length;
        edits.push(...headerEdits(line, name, from, from + (m[2] ?? '').length));
      }
    }
    if (!line.includes('<Data Name="Header')) return edits;
    const nameData = /<Data Name="HeaderName">([^<]{1,100})<\/Data>/.exec(line);
    if (nameData) {
      const name = nameData[1] ?? '';
      this.pendingFrebHeader = isSecretName(name) || /^(?:proxy-)?authorization$|^(?:set-)?cookie$/i.test(name);
      if (!line.includes('"HeaderValue"')) return edits;
    }
    if (this.pendingFrebHeader) {
      const valueData = /<Data Name="HeaderValue">([^<]*)<\/Data>/.exec(line);
      if (valueData) {
        this.pendingFrebHeader = false;
        const from = valueData.index + '<Data Name="HeaderValue">'.length;
        const span = trimSpan(line, from, from + (valueData[1] ?? '').length);
        if (!isHarmless(line.slice(span.start, span.end))) edits.push(span);
      }
    }
    return edits;
  }

  /**
   * `key=value` (connection strings, query strings, environment variables, attributes). Found from
   * each `=` backwards, which is much cheaper on long log lines than a pattern tried at every
   * position: the key is the run of name characters (at most 64) just before it.
   */
  private keyValueEdits(line: string): Edit[] {
    const edits: Edit[] = [];
    for (let eq = line.indexOf('='); eq >= 0; ) {
      const found = keyBefore(line, eq);
      let next = eq + 1;
      if (found === undefined || !(isSecretName(found) || isPersonalName(found))) {
        eq = line.indexOf('=', next);
        continue;
      }
      let from = eq + 1;
      for (let n = 0; n < 2 && line.charAt(from) === ' '; n += 1) from += 1;
      const quote = line.charAt(from);
      let span: Edit;
      let resume: number;
      if (quote === '"' || quote === "'") {
        const close = line.indexOf(quote, from + 1);
        const end = close < 0 ? line.length : close;
        span = { start: from + 1, end };
        resume = Math.min(line.length, end + 1);
      } else {
        span = { start: from, end: unquotedEnd(line, from) };
        resume = span.end;
      }
      // Skip the value either way, so a second pass over masked text scans exactly what the first did.
      next = Math.max(resume, next);
      if (!isHarmless(line.slice(span.start, span.end))) edits.push(span);
      eq = line.indexOf('=', next);
    }
    return edits;
  }

  private quotedKeyEdits(line: string): Edit[] {
    if (!line.includes(':')) return [];
    const edits: Edit[] = [];
    QUOTED_KEY.lastIndex = 0;
    for (let m = QUOTED_KEY.exec(line); m !== null; m = QUOTED_KEY.exec(line)) {
      const quote = m[1] ?? '"';
      const from = m.index + m[0].length;
      let end = from;
      while (end < line.length && line.charAt(end) !== quote) end += line.charAt(end) === '\\' ? 2 : 1;
      end = Math.min(end, line.length);
      // A value string is never a key: go on after it, masked or not.
      QUOTED_KEY.lastIndex = Math.min(line.length, end + 1);
      if (isSecretName(m[2] ?? '') && !isHarmless(line.slice(from, end))) edits.push({ start: from, end });
    }
    return edits;
  }

  /**
   * `<add key="ApiKey" value="...">`, `<environmentVariable name="X_PASSWORD" value="...">`,
   * `<add name="Db" connectionString="...">`, with the value possibly on a later line.
   */
  private xmlEdits(line: string): Edit[] {
    const open = this.openTag;
    if (open === undefined && !line.includes('<')) return [];
    const edits: Edit[] = [];
    let tag: { secret: boolean; values: Edit[] } | undefined = open ? { secret: open.secret, values: [] } : undefined;
    const close = (): void => {
      if (!tag?.secret) return void (tag = undefined);
      for (const v of tag.values) {
        const value = line.slice(v.start, v.end);
        // A connection string whose Password=/AccountKey= parts were masked keeps its other parts.
        if (!isHarmless(value) && !value.includes(MASK)) edits.push(v);
      }
      tag = undefined;
    };
    for (const m of line.matchAll(XML_TOKEN)) {
      const token = m[0];
      if (token.startsWith('<')) {
        close();
        if (!token.startsWith('</')) tag = { secret: false, values: [] };
        continue;
      }
      if (token === '>' || token === '/>') {
        close();
        continue;
      }
      const name = (m[1] ?? '').toLowerCase();
      const quoted = m[2] ?? '';
      const start = m.index + token.length - quoted.length + 1;
      const span = { start, end: start + quoted.length - 2 };
      const value = line.slice(span.start, span.end);
      if (name === 'connectionstring') {
        // The key=value rule already masked Password=/AccountKey= parts; mask the whole value only when it found none.
        if (!value.includes(MASK) && !isHarmless(value)) edits.push(span);
      } else if (tag !== undefined && (name === 'key' || name === 'name') && isSecretSettingName(value)) {
        tag.secret = true;
      } else if (tag !== undefined && name === 'value') {
        tag.values.push(span);
      }
    }
    if (tag === undefined) {
      this.openTag = undefined;
    } else {
      // The tag goes on: values seen so far are masked now if the tag is already known to be secret.
      const secret = (tag as { secret: boolean }).secret;
      close();
      const lines = (open?.lines ?? 0) + 1;
      this.openTag = lines > MAX_OPEN_TAG_LINES ? undefined : { secret, lines };
    }
    return edits;
  }

  private shapedEdits(line: string): Edit[] {
    const edits: Edit[] = [];
    for (const { hints, pattern } of SHAPED_SECRETS) {
      // A substring test first: most lines hold no token at all, and the patterns start with a lookbehind.
      if (!hints.some((h) => line.includes(h))) continue;
      for (const m of line.matchAll(pattern)) edits.push({ start: m.index, end: m.index + m[0].length });
    }
    if (line.includes('earer ')) {
      for (const m of line.matchAll(BEARER)) {
        const token = m[2] ?? '';
        const start = m.index + m[0].length - token.length;
        edits.push({ start, end: start + token.length });
      }
    }
    return edits;
  }
}
