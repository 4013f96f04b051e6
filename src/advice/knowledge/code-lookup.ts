/**
 * Codes asked about in a question ("what is 0x80072EFD?", "what does 500.31 mean?"), decoded with
 * the same table and functions the evidence layer uses. This answers every code the table knows,
 * not only the handful with a written entry.
 */
import { decodeWin32, describeStatus, extractCodes, hex32 } from '../../evidence/codes';
import { DOCS } from './references';
import { bullets, paragraphs } from './text';
import type { Answer } from './types';

export const CODE_LOOKUP_ID = 'code-lookup';

/** A code question is one short line; a longer text with codes in it is evidence to diagnose. */
const MAX_CODE_QUESTION_CHARS = 200;
/** More codes than this in one line is a log row or a paste, not a question. */
const MAX_CODES = 3;

interface KnownCode {
  code: string;
  name: string;
  meaning: string;
  win32?: number;
}

/** `502.3`, `500.31`, `524`: statuses with a meaning in the table. */
const STATUS = /(?<![\w.])([1-5]\d\d)(?:\.(\d{1,3}))?(?!\w|\.\d)/g;
/** A bare Win32 number of four or five digits (`12029`, `1236`, `10061`). */
const BARE_WIN32 = /(?<![\w.-])(\d{4,5})(?![\w.])/g;

function knownStatus(status: number, substatus?: number): KnownCode | undefined {
  const key = substatus === undefined ? String(status) : `${status}.${substatus}`;
  const meaning = describeStatus(status, substatus);
  return meaning === `HTTP ${key}` ? undefined : { code: key, name: '', meaning };
}

/** The known codes a short question asks about, in order of appearance, without duplicates. */
export function codesInQuestion(question: string): KnownCode[] {
  const line = question.trim();
  if (line.length === 0 || line.length > MAX_CODE_QUESTION_CHARS || line.includes('\n')) return [];
  const found = new Map<string, KnownCode>();
  const add = (known: KnownCode | undefined): void => {
    if (known && !found.has(known.code)) found.set(known.code, known);
  };
  for (const m of line.matchAll(STATUS)) add(knownStatus(Number(m[1]), m[2] === undefined ? undefined : Number(m[2])));
  const extracted = extractCodes({ kind: 'prose', source: 'question', firstLine: 1, lines: [line] });
  for (const c of extracted.codes) {
    if (c.name) add({ code: c.code, name: c.name, meaning: c.meaning, ...(c.win32 === undefined ? {} : { win32: c.win32 }) });
  }
  for (const m of line.matchAll(BARE_WIN32)) {
    const decoded = decodeWin32(Number(m[1]));
    if (decoded.name && ![...found.values()].some((k) => k.win32 === decoded.win32)) add(decoded);
  }
  const codes = [...found.values()];
  return codes.length <= MAX_CODES ? codes : [];
}

function describe(known: KnownCode): string {
  const head = known.name ? `${known.code} (${known.name})` : known.code;
  let text = `${head}: ${known.meaning}`;
  if (known.win32 !== undefined && String(known.win32) !== known.code) text += ` It is Win32 error ${known.win32}.`;
  if (known.win32 !== undefined && String(known.win32) === known.code) {
    const hr = (0x80070000 | known.win32) >>> 0;
    text += ` As an HRESULT (FREB, events, exceptions) it is written ${hex32(hr)} or ${hr}.`;
  }
  return text;
}

/** The answer for a question about codes, or undefined when it names none the table knows. */
export function codeLookupAnswer(question: string): Answer | undefined {
  const codes = codesInQuestion(question);
  if (codes.length === 0) return undefined;
  const winhttp = codes.some((c) => c.win32 !== undefined && c.win32 >= 12000 && c.win32 < 13000);
  const ancm = codes.some((c) => /^50[02]\./.test(c.code));
  const references: string[] = [];
  if (winhttp) references.push(DOCS.winhttpErrors);
  if (ancm) references.push(DOCS.iisErrors);
  references.push(DOCS.troubleshootIis);
  return {
    id: CODE_LOOKUP_ID,
    title: codes.length === 1 ? `What ${codes[0]?.code ?? ''} means` : 'What these codes mean',
    text: paragraphs(
      codes.length === 1 ? describe(codes[0] as KnownCode) : bullets(codes.map(describe)),
      'Paste the line it came from (an IIS log row with its #Fields: line, the event, the error page) and I will tell you which cause it points to.',
    ),
    references,
  };
}
