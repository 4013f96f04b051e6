/**
 * Finds and decodes status, Win32, HRESULT and exception codes in every spelling people paste:
 * `502.3`, `502.3.12002`, `sc-win32-status 12030`, `0x80072EE2`, `2147954402`, `-2147012894`,
 * `Exception code: 0xc00000fd`, `exception code c0000005`, `ERROR_WINHTTP_TIMEOUT`.
 *
 * The collector runs `extractCodes` on every buffered segment after its parser, so parsers never
 * decode codes themselves. Statuses are only read from free prose (segments of kind `prose`):
 * other kinds have parsers that know where their status lives.
 *
 * Every pattern is anchored on a keyword or bounded in length, and context checks look at a fixed
 * window, so a 16 KB line costs a handful of linear passes.
 */
import { EXCEPTION_CODES, HRESULT_CODES, STATUS_MEANINGS, SYMBOLIC_NAMES, WIN32_CODES, type CodeInfo } from './code-table';
import type { CodeObservation, EvidenceRef, Segment, StatusObservation } from './types';
import { refText } from './ref-text';
import { KINDS } from './kinds';

/** A decoded code, without the place it was seen. */
export interface DecodedCode {
  /** Canonical spelling: decimal for Win32 codes, `0x` + 8 upper-case hex digits otherwise. */
  code: string;
  /** The Win32 code behind it (set for Win32 codes and HRESULT_FROM_WIN32 values). */
  win32?: number;
  /** Symbolic name, '' when unknown. */
  name: string;
  meaning: string;
}

/** Longest EvidenceRef.text kept: a ref points at a line, it does not carry a whole log. */
/** Per segment: observations kept per distinct code or status, and distinct codes kept at all. */
const MAX_PER_KEY = 50;
const MAX_DISTINCT = 500;

function describe(info: CodeInfo): string {
  return info.in502 ? `${info.meaning}. ${info.in502}` : info.meaning;
}

/** `0x80072EE2`: the canonical spelling of a 32-bit code. */
export function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

/**
 * Decodes a Win32 error code (what IIS logs as sc-win32-status). Unknown codes still decode, with
 * an empty name and a meaning that says the table does not know them.
 */
export function decodeWin32(code: number): { code: string; win32: number; name: string; meaning: string } {
  const info = WIN32_CODES.get(code);
  return {
    code: String(code),
    win32: code,
    name: info?.name ?? '',
    meaning: info ? describe(info) : `Win32 error ${code}, not in diag502's table`,
  };
}

/**
 * Decodes any 32-bit code: an HRESULT (HRESULT_FROM_WIN32 values map to their Win32 code), a .NET
 * host or CLR HRESULT, or a Windows exception code (0xC00000FD). Accepts the signed form too
 * (-2147012894 is 0x80072EE2).
 */
export function decodeHresult(value: number): DecodedCode {
  const v = value >>> 0;
  const code = hex32(v);
  const win32 = v >>> 16 === 0x8007 ? v & 0xffff : undefined;
  const withWin32 = win32 === undefined ? {} : { win32 };
  const known = EXCEPTION_CODES.get(v) ?? HRESULT_CODES.get(v);
  if (known) return { code, ...withWin32, name: known.name, meaning: describe(known) };
  if (win32 !== undefined) {
    const inner = WIN32_CODES.get(win32);
    return {
      code,
      win32,
      name: inner?.name ?? '',
      meaning: inner ? describe(inner) : `Win32 error ${win32} returned as an HRESULT, not in diag502's table`,
    };
  }
  const kind = v >= 0xc0000000 ? 'Windows exception code' : 'HRESULT';
  return { code, name: '', meaning: `${kind} ${code}, not in diag502's table` };
}

/** Exception codes share the 32-bit space with HRESULTs; one lookup serves both. */
export const decodeExceptionCode = decodeHresult;

/** True when a 32-bit value is worth reporting without any context word: known, or a wrapped Win32 code. */
function isRecognized32(v: number): boolean {
  return EXCEPTION_CODES.has(v) || HRESULT_CODES.has(v) || v >>> 16 === 0x8007;
}

/** A one-line meaning for an HTTP status and IIS/ANCM substatus ("502.3" → "Bad Gateway: ..."). */
export function describeStatus(status: number, substatus?: number): string {
  const key = substatus === undefined ? String(status) : `${status}.${substatus}`;
  const exact = STATUS_MEANINGS[key];
  if (exact !== undefined) return exact;
  // 502.0 is just 502: IIS writes substatus 0 for "no substatus".
  if (substatus === 0) {
    const plain = STATUS_MEANINGS[String(status)];
    if (plain !== undefined) return plain;
  }
  return `HTTP ${key}`;
}

/** Collects the observations of one segment, with per-line dedupe and per-segment caps. */
class Findings {
  readonly codes: CodeObservation[] = [];
  readonly statuses: StatusObservation[] = [];
  private readonly perKey = new Map<string, number>();
  private ref: EvidenceRef = { source: '', line: 0, text: '' };
  private lineCodes: CodeObservation[] = [];
  private lineStatuses: StatusObservation[] = [];

  constructor(private readonly source: string) {}

  /** Whether the current line has given a status already. */
  get lineHasStatus(): boolean {
    return this.lineStatuses.length > 0;
  }

  startLine(lineNo: number, text: string): void {
    this.finishLine();
    this.ref = { source: this.source, line: lineNo, text: refText(text, '...') };
    this.lineCodes = [];
    this.lineStatuses = [];
  }

  code(decoded: DecodedCode, raw: string): void {
    // One error written twice on a line (0x80072EE2 and ERROR_WINHTTP_TIMEOUT) is one observation.
    const same = this.lineCodes.some((c) => c.code === decoded.code || (decoded.win32 !== undefined && c.win32 === decoded.win32));
    if (same || !this.admit(`c:${decoded.code}`)) return;
    const observation: CodeObservation = { ...decoded, raw, ref: this.ref };
    this.lineCodes.push(observation);
    this.codes.push(observation);
  }

  status(status: number, substatus?: number, win32?: number, timeTakenMs?: number): void {
    if (this.lineStatuses.some((s) => s.status === status && s.substatus === substatus)) return;
    if (!this.admit(`s:${status}.${substatus ?? ''}`)) return;
    const observation: StatusObservation = { status, origin: 'prose', ref: this.ref };
    if (substatus !== undefined) observation.substatus = substatus;
    if (win32 !== undefined) observation.win32 = win32;
    if (timeTakenMs !== undefined) observation.timeTakenMs = timeTakenMs;
    this.lineStatuses.push(observation);
    this.statuses.push(observation);
  }

  /** Ends the current line: drops a bare 502 next to a 502.3, links a lone win32 code to the line's statuses. */
  finishLine(): void {
    const statuses = this.lineStatuses;
    if (statuses.length === 0) return;
    const drop = statuses.filter((s) => s.substatus === undefined && statuses.some((o) => o.status === s.status && o.substatus !== undefined));
    for (const s of drop) this.statuses.splice(this.statuses.indexOf(s), 1);
    const win32s = new Set(this.lineCodes.flatMap((c) => (c.win32 === undefined ? [] : [c.win32])));
    if (win32s.size === 1) {
      const [win32] = [...win32s];
      for (const s of statuses) if (s.win32 === undefined && !drop.includes(s)) s.win32 = win32;
    }
    this.lineStatuses = [];
  }

  private admit(key: string): boolean {
    const seen = this.perKey.get(key);
    if (seen === undefined && this.perKey.size >= MAX_DISTINCT) return false;
    if ((seen ?? 0) >= MAX_PER_KEY) return false;
    this.perKey.set(key, (seen ?? 0) + 1);
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Patterns. Each is anchored on a keyword, a `0x`, or a digit run with fixed boundaries.

/** `502.3`, `500.30`, `502.3.12002`; not part of a version (`8.0.502`), address or port. */
const DOTTED_STATUS = /(?<![\w.:/$#-])([45]\d\d)\.(\d{1,3})(?:\.(\d{1,5}))?(?!\w|\.\d)/g;
/** The tail of an IIS log row: `502 3 12002 29889` (status substatus win32 [time-taken]). */
const IIS_TAIL = /(?<![\w.:/-])([45]\d\d) (\d{1,2}) (\d{1,5})(?: (\d{1,9}))?(?!\w|\.\d)/g;
/** `0x80072EE2`, `(0x800704cd)`, `0xc00000fd`: exactly 8 hex digits. */
const HEX_CODE = /(?<![\w])0[xX]([0-9A-Fa-f]{8})(?!\w)/g;
/** `2147954402`, `-2147012894`, `-532462766`: 9 or 10 digits, optionally signed. */
const DECIMAL_CODE = /(?<![\w.])(-?)(\d{9,10})(?!\w|\.\d)/g;
/** A word that announces a Win32 or WinHTTP number after it. */
const WIN32_CONTEXT = /\b(sc-win32-status|win32[ -]?(?:status|error|code)|win32|winhttp[ -]?error|winhttp|error[ -]?code|status[ -]?code|error|status|code)\b/gi;
/** `SocketException (10054)`: Winsock codes are Win32 codes. */
const SOCKET_EXCEPTION = /\bSocketException ?\((\d{4,5})\)/g;
/** `exception code c0000005`, `exit code c0000006`: hex without 0x after a code word. */
const BARE_EXCEPTION = /\b(?:exception|exit) code\b[\s:='"]{0,4}([0-9A-Fa-f]{8})(?!\w)/gi;
/** Windows Error Reporting: `Sig[7].Name=Exception Code` then `Sig[7].Value=c0000409`. */
const WER_NAME = /^(?:> ?)?Sig\[\d+\]\.Name=Exception Code\s*$/i;
const WER_VALUE = /^(?:> ?)?Sig\[\d+\]\.Value=([0-9A-Fa-f]{8})\s*$/;
/** Constant-style identifiers; looked up in the table (ERROR_WINHTTP_TIMEOUT, WSAECONNRESET, E_FAIL). */
const SYMBOL = /\b[A-Z][A-Z0-9_]{2,80}\b/g;
/** `HTTP 502`, `error 524`, `status code: 503`, `returns 504`. */
const STATUS_AFTER_WORD = /\b(?:https?|error|errors|status(?:[ -]code)?|response[ -]code|code|returns?|returned|returning)[\s:=#'"(]{1,3}(?:an? )?([45]\d\d)(?!\w|\.\d)/gi;
/** `502 Bad Gateway`, `524 A timeout occurred`, `500 errors`, `502s`. */
const STATUS_BEFORE_WORD =
  /(?<![\w.:/$#-])([45]\d\d)(?:(s)\b| (?:errors?|responses?|status(?:es)?)\b| (bad gateway|service (?:temporarily )?unavailable|gateway time-?out|internal server error|bad request|not found|forbidden|unauthorized|request timeout|a timeout occurred|web server is down|connection timed out|origin is unreachable|ssl handshake failed|invalid ssl certificate|web server (?:is )?return(?:s|ing) an unknown error)\b)/gi;
/**
 * A status in a named field of a gateway's or a monitor's log, whatever the syntax around it:
 * JSON (`"httpStatus": 504`), Log Analytics tables (`httpStatus_d | 504`), key=value
 * (`elb_status_code=502`, `serverStatus=504`). The name ends in "status" or "status code" after
 * a short prefix (http, server, elb, target, backend, origin, upstream), with a Log Analytics type
 * suffix (`_d`, `_s`) allowed. Every quantifier is bounded, so the scan stays linear.
 */
const STATUS_FIELD = /\b[a-z]{0,10}[_-]?status(?:[_-]?code)?(?:_[a-z])?["']?[\s:=#'"|,]{1,5}([45]\d\d)(?!\w|\.\d)/gi;
/** The rendered FREB view pasted as text: `HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3"`. */
const FREB_STATUS = /\bHttpStatus="([45]\d\d)"/;
const FREB_SUBSTATUS = /\bHttpSubStatus="(\d{1,5})"/;
/**
 * Reason phrases that name one status each (RFC 9110 15.6), said without the number: "we get a
 * Bad Gateway error", "Gateway Time-out after a minute". Read only when the line has no status of
 * its own, so "502 Bad Gateway" stays one 502, and not after a number that is no status ("802 Bad
 * Gateway" is a typo we cannot settle).
 */
const REASON_PHRASES: readonly (readonly [RegExp, number])[] = [
  [/(?<!\d )\bbad gateway\b/i, 502],
  [/(?<!\d )\bgateway time-?out\b/i, 504],
  [/(?<!\d )\bservice (?:temporarily )?unavailable\b/i, 503],
];
/** A line that is nothing but a status: `502`. */
const BARE_STATUS_LINE = /^\s*([45]\d\d)\s*$/;
/** Units that make `502.3` a measurement, not a status. */
const UNIT_AFTER = /^ ?(?:(?:ms|s|sec|secs|seconds?|kb|mb|gb)\b|%)/i;
/** Words that make `502.3` a version. */
const VERSION_BEFORE = /(?:version|ver\.?|\bv) ?$/i;

/** Statuses people write as plurals ("502s"); "500s" is too often five hundred seconds. */
const PLURAL_STATUSES = new Set([502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 527, 530]);

function isHttpErrorStatus(n: number): boolean {
  return n >= 400 && n <= 599;
}

/**
 * The small word between a field's name and its value ("sc-win32-status is 12002"), in English and
 * in the languages people write around English log fields. Joined from strings: the CLI bundle
 * must stay ASCII, and esbuild escapes strings but not regex literals.
 */
const COPULA = new RegExp(`^(?:(?:is|was|of|ist|est|es|era|${['é', 'равен', 'равно'].join('|')}) {1,2}|(?:${['是', '为', 'は'].join('|')}) {0,2})`, 'i');

/** Reads a 1–5 digit number after a context word: skips `: = # ' " (` and a copula. */
function numberAfter(line: string, from: number): { value: number; end: number } | undefined {
  let i = from;
  let skipped = 0;
  while (i < line.length && skipped < 6 && ' \t:=#\'"('.includes(line.charAt(i))) {
    i += 1;
    skipped += 1;
  }
  const word = COPULA.exec(line.slice(i, i + 8));
  if (word) i += word[0].length;
  const digits = /^\d{1,5}(?![\w]|\.\d)/.exec(line.slice(i, i + 8));
  if (!digits) return undefined;
  return { value: Number(digits[0]), end: i + digits[0].length };
}

// ---------------------------------------------------------------------------------------------
// Scanners, one per spelling. Each adds what it finds to `out`.

function scanDottedStatuses(line: string, prose: boolean, out: Findings): void {
  for (const m of line.matchAll(DOTTED_STATUS)) {
    const start = m.index;
    const end = start + m[0].length;
    if (UNIT_AFTER.test(line.slice(end, end + 9)) || VERSION_BEFORE.test(line.slice(Math.max(0, start - 9), start))) continue;
    const status = Number(m[1]);
    const substatus = Number(m[2]);
    const win32 = m[3] === undefined ? undefined : Number(m[3]);
    if (win32 !== undefined && win32 !== 0 && (prose || WIN32_CODES.has(win32))) out.code(decodeWin32(win32), m[0]);
    if (prose && isHttpErrorStatus(status)) out.status(status, substatus, win32);
  }
}

function scanIisTail(line: string, out: Findings): void {
  // Three bare numbers are too common in prose; want the time-taken too, or the sc-* field names,
  // or a third number that is a known Win32 / WinHTTP / Winsock code of four or five digits
  // ("IIS logs 502 3 12029", "503 0 1115"): status, substatus and such a code are no accident.
  const namesFields = line.includes('sc-status') || line.includes('sc-win32-status');
  for (const m of line.matchAll(IIS_TAIL)) {
    const networkCode = Number(m[3]) >= 1000 && WIN32_CODES.has(Number(m[3]));
    if (m[4] === undefined && !namesFields && !networkCode) continue;
    const status = Number(m[1]);
    const win32 = Number(m[3]);
    if (win32 !== 0) out.code(decodeWin32(win32), `${m[1]} ${m[2]} ${m[3]}`);
    out.status(status, Number(m[2]), win32, m[4] === undefined ? undefined : Number(m[4]));
  }
}

function scanHex(line: string, out: Findings): void {
  for (const m of line.matchAll(HEX_CODE)) {
    const value = parseInt(m[1] ?? '', 16) >>> 0;
    if (value === 0) continue;
    if (!isRecognized32(value)) {
      // An unknown value needs a word that says it is a code: hashes and timestamps are hex too.
      const before = line.slice(Math.max(0, m.index - 32), m.index).toLowerCase();
      if (value < 0x80000000 || !/code|error|hresult|\bhr\b|status|exception|returned|failed/.test(before)) continue;
    }
    out.code(decodeHresult(value), m[0]);
  }
}

function scanDecimal(line: string, out: Findings): void {
  for (const m of line.matchAll(DECIMAL_CODE)) {
    const magnitude = Number(m[2]);
    let value: number;
    if (m[1] === '-') {
      if (magnitude > 0x80000000) continue;
      value = (0x100000000 - magnitude) >>> 0;
    } else {
      if (magnitude < 0x80000000 || magnitude > 0xffffffff) continue;
      value = magnitude;
    }
    if (isRecognized32(value)) out.code(decodeHresult(value), m[0]);
  }
}

function scanWin32Context(line: string, out: Findings): void {
  for (const m of line.matchAll(WIN32_CONTEXT)) {
    const keyword = (m[1] ?? '').toLowerCase();
    const number = numberAfter(line, m.index + m[0].length);
    if (!number || number.value === 0) continue;
    const n = number.value;
    // "win32 ..." always names a Win32 code; "error"/"status"/"code" only when the number is a
    // WinHTTP or Winsock code, because "error 524" is a Cloudflare status and "code 5" is anything.
    const explicit = keyword.includes('win32');
    const winhttp = n >= 12001 && n <= 12190;
    const winsock = n >= 10000 && n <= 11999 && WIN32_CODES.has(n);
    if (explicit || winhttp || winsock) out.code(decodeWin32(n), line.slice(m.index, number.end));
  }
}

function scanSocketException(line: string, out: Findings): void {
  for (const m of line.matchAll(SOCKET_EXCEPTION)) {
    const n = Number(m[1]);
    // On Linux the number is an errno (13 = permission denied), not a Winsock code.
    if (n >= 10000 && n <= 11999) out.code(decodeWin32(n), m[0]);
  }
}

function scanBareException(line: string, out: Findings): void {
  for (const m of line.matchAll(BARE_EXCEPTION)) {
    const value = parseInt(m[1] ?? '', 16) >>> 0;
    if (value >= 0x80000000) out.code(decodeHresult(value), m[0]);
  }
}

function scanSymbols(line: string, out: Findings): void {
  for (const m of line.matchAll(SYMBOL)) {
    const symbolic = SYMBOLIC_NAMES.get(m[0]);
    if (!symbolic) continue;
    out.code(symbolic.kind === 'win32' ? decodeWin32(symbolic.value) : decodeHresult(symbolic.value), m[0]);
  }
}

function scanProseStatuses(line: string, out: Findings): void {
  for (const m of line.matchAll(STATUS_AFTER_WORD)) out.status(Number(m[1]));
  if (/status/i.test(line)) for (const m of line.matchAll(STATUS_FIELD)) out.status(Number(m[1]));
  for (const m of line.matchAll(STATUS_BEFORE_WORD)) {
    const status = Number(m[1]);
    if (m[2] !== undefined && !PLURAL_STATUSES.has(status)) continue;
    out.status(status);
  }
  const bare = BARE_STATUS_LINE.exec(line);
  if (bare) out.status(Number(bare[1]));
  if (line.includes('HttpStatus="')) {
    const status = FREB_STATUS.exec(line);
    const substatus = FREB_SUBSTATUS.exec(line);
    if (status) out.status(Number(status[1]), substatus ? Number(substatus[1]) : undefined);
  }
}

/** A status named by its reason phrase alone, on a line that gave no status otherwise. */
function scanReasonPhrases(line: string, out: Findings): void {
  for (const [phrase, status] of REASON_PHRASES) if (phrase.test(line)) out.status(status);
}

/**
 * Finds every code (and, in free prose, every HTTP status) in a segment, as its kind says
 * (kinds.ts): nothing for the IIS log, whose aggregate decodes sc-win32-status itself.
 * `dottedStatuses` also reads IIS's dotted statuses (500.0, 502.5) where the kind would not.
 */
export function extractCodes(segment: Segment, options: { dottedStatuses?: boolean } = {}): { codes: CodeObservation[]; statuses: StatusObservation[] } {
  const reads = KINDS[segment.kind].codes;
  if (reads === 'none') return { codes: [], statuses: [] };
  const prose = reads === 'codes-and-statuses';
  const dotted = prose || options.dottedStatuses === true;
  const out = new Findings(segment.source);
  let werExceptionNext = false;
  segment.lines.forEach((line, index) => {
    out.startLine(segment.firstLine + index, line);
    const hasDigit = /\d/.test(line);
    if (hasDigit) {
      scanDottedStatuses(line, dotted, out);
      if (prose) scanIisTail(line, out);
      if (line.includes('0x') || line.includes('0X')) scanHex(line, out);
      scanDecimal(line, out);
      scanWin32Context(line, out);
      if (line.includes('SocketException')) scanSocketException(line, out);
      scanBareException(line, out);
      const wer = werExceptionNext ? WER_VALUE.exec(line) : null;
      if (wer) out.code(decodeHresult(parseInt(wer[1] ?? '', 16)), line.trim());
      if (prose) scanProseStatuses(line, out);
    }
    if (prose && !out.lineHasStatus && /gateway|unavailable/i.test(line)) scanReasonPhrases(line, out);
    werExceptionNext = WER_NAME.test(line);
    if (line.includes('_') || line.includes('WSA')) scanSymbols(line, out);
  });
  out.finishLine();
  return { codes: out.codes, statuses: out.statuses };
}
