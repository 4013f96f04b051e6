/**
 * Signals over a run of stdout lines: the single-line detectors, then what needs the neighbours.
 *
 * - An exception and its stack ("chain") is one fact: a SocketException repeated in the outer
 *   IOException, the AddressInUseException and the inner SocketException gives one `port-in-use`,
 *   and five blocking frames of one thread give one `blocking-wait-in-stack`.
 * - WSAEADDRINUSE (10048) inside a chain whose frames are outbound HTTP (HttpClient, SocketsHttpHandler,
 *   ConnectHelper) is ephemeral-port exhaustion, not a Kestrel bind failure.
 * - A `TaskCanceledException: A task was canceled.` whose frames go through HttpClient is an HttpClient
 *   timeout on runtimes older than .NET 5 (which did not say so in the message).
 * - "You must install or update .NET" is followed a few lines later by `Framework: 'X', version 'Y'`:
 *   the framework and version fill the signal, and repeats of the same failure in that window fold into it.
 *
 * Used by the stdout-log parser and by the event-log parser on event messages (ANCM 1020/1035/1018
 * embed the first 30 KB of the app's output). Linear in the number of lines.
 */
import type { EvidenceRef, Signal } from '../types';
import { detectLineSignals, frameworkAndVersion } from './stdout-signals';
import { refText } from '../ref-text';
import { exceptionFrames } from './stack-frames';

/** One line to read: the text detectors see, and the ref that evidence points at. */
export interface SourceLine {
  text: string;
  ref: EvidenceRef;
}

/** How many lines after "You must install or update .NET" the `Framework:` line may come. */
const FRAMEWORK_WINDOW = 20;
/** Frames that make a chain an outbound HTTP call. */
const OUTBOUND_FRAMES = ['System.Net.Http.', 'HttpClient', 'SocketsHttpHandler', 'HttpConnectionPool', 'ConnectHelper'];
/** Frames that make a chain a server bind. */
const BIND_FRAMES = ['Failed to bind', 'AddressInUseException', 'Kestrel', 'BindAsync', 'AddressBinder'];

/** The signals of a run of lines, in line order, with chain-level dedupe and context. Never throws. */
export function signalsFromLines(lines: readonly SourceLine[]): Signal[] {
  const chains = chainIds(lines);
  const perLine: Signal[][] = lines.map((line) => detectLineSignals(line.text, line.ref));
  const chainText = new ChainText(lines, chains);

  for (let i = 0; i < lines.length; i += 1) {
    const found = perLine[i] ?? [];
    // 10048 with no bind wording on its own line: decide by the chain it sits in.
    for (let k = 0; k < found.length; k += 1) {
      const signal = found[k];
      if (signal?.id === 'port-in-use' && isBareAddressInUse(signal.ref.text) && isOutbound(chainText.of(i))) {
        found[k] = { id: 'socket-exhaustion', data: { detail: refText(lines[i]?.text.trim() ?? '', '') }, ref: signal.ref };
      }
    }
    const line = lines[i];
    if (line && line.text.includes('TaskCanceledException') && !found.some((s) => s.id === 'http-client-timeout') && chainText.of(i).includes('System.Net.Http.HttpClient')) {
      found.push({ id: 'http-client-timeout', data: { detail: refText(line.text.trim(), '') }, ref: line.ref });
    }
  }

  const collapsed = collapseChains(perLine, chains);
  return [...foldFrameworkMissing(collapsed, lines), ...exceptionFrames(lines)];
}

/** The text of a line's chain, built only for the few lines whose signal needs it (capped at 64 KB). */
class ChainText {
  private readonly cache = new Map<number, string>();

  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly chains: readonly number[],
  ) {}

  of(index: number): string {
    const id = this.chains[index] ?? -1;
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    let start = index;
    while (start > 0 && this.chains[start - 1] === id) start -= 1;
    const parts: string[] = [];
    let size = 0;
    for (let i = start; i < this.lines.length && this.chains[i] === id && size < 65536; i += 1) {
      const text = this.lines[i]?.text ?? '';
      parts.push(text);
      size += text.length + 1;
    }
    const text = parts.join('\n');
    this.cache.set(id, text);
    return text;
  }
}

/** A bind failure read only from the socket error itself, with no "Failed to bind" on the line. */
function isBareAddressInUse(text: string): boolean {
  return !text.includes('Failed to bind') && !text.includes('AddressInUseException') && !text.includes('already in use');
}

function isOutbound(chain: string): boolean {
  return OUTBOUND_FRAMES.some((f) => chain.includes(f)) && !BIND_FRAMES.some((f) => chain.includes(f));
}

/**
 * Lines that continue the exception or stack above them: `at ...` frames, inner exceptions,
 * "--- End of ..." markers, `module!Frame` lines of dotnet-stack / debugger output, and bare frames.
 */
function continuesChain(text: string): boolean {
  const t = text.trimStart();
  if (t.startsWith('at ') || t.startsWith('--->') || t.startsWith('--- End of') || t.startsWith('[Native Frames]')) return true;
  const bang = t.indexOf('!');
  if (bang > 0 && bang < 120 && /^[A-Za-z0-9_.]+$/.test(t.slice(0, bang))) return true;
  return isBareFrame(t);
}

/**
 * A frame as profilers and dump tools list them, without `at `: a dotted method name, then
 * optionally its arguments or generic brackets (`System.Threading.Tasks.Task.Wait`,
 * `Foo.Bar.Baz[[System.__Canon, System.Private.CoreLib]]`). Not an exception line (`Type: message`).
 */
function isBareFrame(t: string): boolean {
  if (t.includes(': ')) return false;
  const m = /^[A-Za-z_][A-Za-z0-9_`+<>$]{0,200}(?:\.[A-Za-z_<][A-Za-z0-9_`+<>$|]{0,200}){1,30}/.exec(t);
  if (!m) return false;
  const rest = t.slice(m[0].length);
  return rest.length === 0 || rest.startsWith('(') || rest.startsWith('[') || rest.startsWith('+0x');
}

/** The chain number of every line: a new chain starts at each line that does not continue one. */
function chainIds(lines: readonly SourceLine[]): number[] {
  const ids: number[] = [];
  let chain = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const text = lines[i]?.text ?? '';
    if (i > 0 && !continuesChain(text)) chain += 1;
    ids.push(chain);
  }
  return ids;
}

/** One signal per id per chain: the first, with data it lacks taken from the later ones. */
function collapseChains(perLine: Signal[][], chains: number[]): Signal[] {
  const out: Signal[] = [];
  const firstInChain = new Map<string, Signal>();
  perLine.forEach((signals, i) => {
    for (const signal of signals) {
      const key = `${chains[i] ?? -1}\u0000${signal.id}`;
      const first = firstInChain.get(key);
      if (first === undefined) {
        firstInChain.set(key, signal);
        out.push(signal);
        continue;
      }
      const data = first.data as Record<string, unknown>;
      for (const [name, value] of Object.entries(signal.data)) if (data[name] === undefined) data[name] = value;
    }
  });
  return out;
}

/**
 * Fills `framework-missing` from a `Framework: 'X', version 'Y'` line shortly below it, and folds
 * later framework-missing signals of the same window (the same failure, told twice) into the first.
 */
function foldFrameworkMissing(signals: Signal[], lines: readonly SourceLine[]): Signal[] {
  const indexOfLine = new Map<number, number>();
  lines.forEach((line, i) => indexOfLine.set(line.ref.line, i));
  const out: Signal[] = [];
  let open: { signal: Signal<'framework-missing'>; until: number } | undefined;
  for (const signal of signals) {
    if (signal.id !== 'framework-missing') {
      out.push(signal);
      continue;
    }
    const current = signal as Signal<'framework-missing'>;
    const at = indexOfLine.get(current.ref.line) ?? 0;
    if (open && at <= open.until) {
      if (open.signal.data.framework === undefined && current.data.framework !== undefined) open.signal.data = { ...current.data };
      continue;
    }
    if (current.data.framework === undefined) {
      for (let i = at + 1; i < lines.length && i <= at + FRAMEWORK_WINDOW; i += 1) {
        const found = frameworkAndVersion(lines[i]?.text ?? '');
        if (found) {
          current.data = found;
          break;
        }
      }
    }
    open = { signal: current, until: at + FRAMEWORK_WINDOW };
    out.push(current);
  }
  return out;
}
