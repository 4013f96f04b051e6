/**
 * The frames worth quoting under an exception: the first one in the user's own code (not the
 * runtime's, ASP.NET Core's or a well-known library's), and for a stack overflow the frame the
 * runtime says repeats ("Repeat 19170 times:") or, from a runtime that prints every frame instead,
 * the one where the repetition shows (recursion.ts). They become `exception-frame` signals tied to the
 * exception line, so the answer quotes the throw site beside the exception. Linear in the lines.
 */
import type { Signal } from '../types';
import type { SourceLine } from './stdout-context';
import { RecursionDetector } from '../recursion';

/** Where a type name ending in Exception or Error is followed by its message or the line end. */
const EXCEPTION_END = /(?:Exception|Error)(?::|$)/g;
const STACK_OVERFLOW = /^\s*(?:Stack overflow\.|Process is terminated due to StackOverflowException\.)/;
const REPEAT = /^\s*Repeat \d+ times:/;
/**
 * `   at Shop.Reports.Export(Int32 id) in C:\src\Export.cs:line 42` (also `at` inside a Kestrel
 * entry), with the word .NET writes for "at" in its other display languages (recursion.ts;
 * escaped, as the CLI bundle must stay ASCII and esbuild leaves a regex literal as written).
 */
const FRAME = /^\s{0,40}(?:at|bei|\u00e0|en|in|em|\u0432|\u5728|\u5834\u6240|\uc704\uce58:)\s+([A-Za-z_<][\w.`<>+,[\]]{0,300}?)\(/;
/** Frames of the runtime, ASP.NET Core and common libraries: not where the user's bug is. */
const LIBRARY = /^(?:System|Microsoft|Internal|Interop|lambda_method|ILStubClass|Newtonsoft|Npgsql|MySql|MySqlConnector|Oracle|Serilog|NLog|Autofac|Castle|StackExchange|Polly|Dapper|Swashbuckle|AutoMapper|MediatR|FluentValidation|Grpc|Azure|Amazon|Google|Hangfire|Quartz|RabbitMQ|Confluent|Yarp|Ocelot)(?:\.|$)/;
/** How far below the exception line its user frame may be. */
const WINDOW = 80;
const MAX_FRAMES = 12;

export function exceptionFrames(lines: readonly SourceLine[]): Signal[] {
  const out: Signal[] = [];
  let pending: { ref: SourceLine['ref']; at: number; overflow: boolean; repeat: boolean; recursion?: RecursionDetector } | undefined;
  for (let i = 0; i < lines.length && out.length < MAX_FRAMES; i += 1) {
    const text = lines[i]!.text;
    if (pending && i - pending.at > WINDOW) pending = undefined;
    if (STACK_OVERFLOW.test(text)) {
      pending = { ref: lines[i]!.ref, at: i, overflow: true, repeat: false, recursion: new RecursionDetector() };
      continue;
    }
    // Without "Repeat N times:" (before .NET 5, or a debugger's stack), the frame where the
    // repetition becomes certain is one that repeats.
    if (pending?.recursion && !pending.repeat && pending.recursion.feed(text)) {
      out.push({ id: 'exception-frame', data: { exceptionRef: pending.ref, method: FRAME.exec(text)?.[1] ?? text.trim() }, ref: lines[i]!.ref });
      pending = undefined;
      continue;
    }
    if (pending?.overflow && REPEAT.test(text)) {
      pending.repeat = true;
      continue;
    }
    const frame = FRAME.exec(text);
    if (frame) {
      if (!pending) continue;
      const method = frame[1]!;
      // A stack overflow's decisive frame is the one that repeats, whoever wrote it.
      if (pending.overflow ? pending.repeat : !LIBRARY.test(method)) {
        out.push({ id: 'exception-frame', data: { exceptionRef: pending.ref, method }, ref: lines[i]!.ref });
        pending = undefined;
      }
      continue;
    }
    // A new exception (not an inner one of the same chain, which keeps the outer line) starts over.
    if (!pending && isExceptionLine(text)) pending = { ref: lines[i]!.ref, at: i, overflow: false, repeat: false };
  }
  return out;
}

/**
 * `System.InvalidOperationException: ...`, `Unhandled exception. Foo.BarException: ...`, `--->
 * System.X: ...`: a dotted type name ending in Exception or Error, then its message or the line
 * end. Found by a scan back from each ending rather than one regex, so a hostile line stays linear.
 */
function isExceptionLine(line: string): boolean {
  const text = line.trimEnd();
  if (!text.includes('Exception') && !text.includes('Error')) return false;
  EXCEPTION_END.lastIndex = 0;
  for (let m = EXCEPTION_END.exec(text); m; m = EXCEPTION_END.exec(text)) {
    let start = m.index;
    let dotted = false;
    while (start > 0 && start > m.index - 300) {
      const c = text.charCodeAt(start - 1);
      const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
      if (c === 46) dotted = true;
      else if (!word) break;
      start -= 1;
    }
    if (dotted && start < m.index && text[start] !== '.') return true;
  }
  return false;
}
