/**
 * Reading process-death evidence the same way in every crash cause: which Windows events say a
 * process died, with which exception or exit code, and whether a 502.3 "connection broken" or an
 * HTTP.sys "abandoned by app pool" shows that requests were in flight when it did.
 */
import type { Evidence, EvidenceRef, Signal, WindowsEvent } from '../../evidence/types';
import { signals } from '../query';
import { gatewayFailure, type GatewayFailure } from './gateway-failures';

/** Win32 codes of a connection that broke mid-request between ANCM and Kestrel. */
const BROKEN_CONNECTION_WIN32 = [12030, 12031, 64, 1229, 1236] as const;

type CrashKind = 'dotnet-runtime-1026' | 'application-error-1000' | 'ancm-1018' | 'was-5009' | 'was-5011' | 'wer';

export interface CrashEvent {
  kind: CrashKind;
  event: WindowsEvent;
  /** Exception or exit code, normalized to `0x` + 8 lower-case hex digits (`0xc00000fd`). */
  code?: string;
}

/** `c0000005`, `0xC0000005`, `C00000FD` → `0xc0000005`; anything else → undefined. */
export function normalizeExceptionCode(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const m = /^(?:0x)?([0-9a-f]{1,8})$/i.exec(raw.trim());
  if (!m || m[1] === undefined) return undefined;
  return `0x${m[1].toLowerCase().padStart(8, '0')}`;
}

/** Finds `label` in the message and reads the hex code that follows it (quotes and `0x` optional). */
function codeAfter(message: string, label: string): string | undefined {
  const at = message.toLowerCase().indexOf(label.toLowerCase());
  if (at < 0) return undefined;
  const m = /^[\s:=]*'?(?:0x)?([0-9a-fA-F]{1,8})\b/.exec(message.slice(at + label.length, at + label.length + 40));
  return m ? normalizeExceptionCode(m[1]) : undefined;
}

/** The exception code of a WER report: `Sig[N].Name=Exception Code` then `Sig[N].Value=c0000409`. */
function werExceptionCode(message: string): string | undefined {
  const at = message.indexOf('Exception Code');
  if (at < 0) return undefined;
  const m = /Sig\[\d+\]\.Value=([0-9a-fA-F]{8})/.exec(message.slice(at, at + 200));
  return m ? normalizeExceptionCode(m[1]) : undefined;
}

/** Every event that says a worker or app process died, with its code when the event names one. */
export function crashEvents(evidence: Evidence): CrashEvent[] {
  const out: CrashEvent[] = [];
  for (const event of evidence.events) {
    const message = event.message;
    if (event.family === 'dotnet-runtime' && event.id === 1026) {
      // "internal error in the .NET Runtime ... with exit code c0000006" is a runtime failure, still a death.
      out.push({ kind: 'dotnet-runtime-1026', event, code: normalizeExceptionCode(event.exceptionCode) ?? codeAfter(message, 'exception code') ?? codeAfter(message, 'exit code') });
    } else if (event.family === 'application-error' && event.id === 1000) {
      out.push({ kind: 'application-error-1000', event, code: normalizeExceptionCode(event.exceptionCode) ?? codeAfter(message, 'Exception code') });
    } else if (event.family === 'ancm' && event.id === 1018) {
      out.push({ kind: 'ancm-1018', event, code: normalizeExceptionCode(event.exceptionCode) ?? codeAfter(message, 'exception code =') });
    } else if (event.family === 'was' && event.id === 5009) {
      out.push({ kind: 'was-5009', event, code: codeAfter(message, 'exit code was') });
    } else if (event.family === 'was' && event.id === 5011) {
      out.push({ kind: 'was-5011', event });
    } else if (event.family === 'wer' && /APPCRASH|BEX64|BEX\b|CLR20r3/.test(message)) {
      out.push({ kind: 'wer', event, code: normalizeExceptionCode(event.exceptionCode) ?? werExceptionCode(message) });
    }
  }
  return out;
}

/** Crash events whose code is one of these (normalized, lower-case `0x…`). */
export function crashesWithCode(evidence: Evidence, wanted: readonly string[]): CrashEvent[] {
  return crashEvents(evidence).filter((c) => c.code !== undefined && wanted.includes(c.code));
}

/** 502.3 with a broken connection (12030, 12031, 64, 1229, 1236): requests were in flight when the process went away. */
export function brokenConnection(evidence: Evidence): GatewayFailure | undefined {
  return gatewayFailure(evidence, BROKEN_CONNECTION_WIN32);
}

/** HTTP.sys `Connection_Abandoned_By_AppPool` lines (HTTPERR): the worker died with requests queued (in-process). */
export function abandonedByAppPool(evidence: Evidence): EvidenceRef[] {
  return signals(evidence, 'httperr-reason')
    .filter((s) => /^Connection_Abandoned_By_AppPool$/i.test(s.data.reason))
    .map((s) => s.ref);
}

/** Signs that requests were in flight when a process died: broken 502.3s or abandoned HTTP.sys requests. */
export function inFlightFailureRefs(evidence: Evidence): EvidenceRef[] {
  const broken = brokenConnection(evidence);
  const refs = broken && broken.paired ? [...broken.rows.map((r) => r.ref), ...broken.codes.map((c) => c.ref)] : [];
  return [...refs, ...abandonedByAppPool(evidence)];
}

/** The faulting module's file name (`coreclr.dll`), from the event field or the message. */
export function faultingModule(event: WindowsEvent): string | undefined {
  if (event.faultingModule) return event.faultingModule.split(/[\\/]/).pop();
  const m = /Faulting module name: ([^,\r\n]+)/.exec(event.message) ?? /Fault Module Name\s*Sig\[\d+\]\.Value=(\S+)/.exec(event.message);
  return m?.[1]?.trim();
}

/** The faulting application (`w3wp.exe`, `dotnet.exe`), from the event field or the message. */
export function faultingApplication(event: WindowsEvent): string | undefined {
  if (event.faultingApplication) return event.faultingApplication.split(/[\\/]/).pop();
  const m = /(?:Faulting application name|Application): ([^,\r\n]+)/.exec(event.message);
  return m?.[1]?.trim();
}

/**
 * True when an 'unhandled-exception' signal is one that ends the process: the host's
 * `Unhandled exception.` line or a .NET Runtime `Exception Info:` line. An exception that Kestrel
 * caught and logged (Kestrel[13]) also yields the signal, but only turns one request into a 500.
 * The parser says so in `fatal` when it knows; the line text decides otherwise.
 */
export function isProcessFatal(signal: Signal<'unhandled-exception'>): boolean {
  if (signal.data.fatal !== undefined) return signal.data.fatal;
  const text = signal.ref.text.trimStart();
  return text.startsWith('Unhandled exception.') || text.startsWith('Unhandled Exception:') || text.includes('Exception Info:');
}

/** Output lines that show the process dying: a fatal unhandled exception, a stack overflow, out of memory. */
export function processDeathSignals(evidence: Evidence): EvidenceRef[] {
  return [
    ...signals(evidence, 'stack-overflow').map((s) => s.ref),
    ...signals(evidence, 'out-of-memory').map((s) => s.ref),
    ...signals(evidence, 'unhandled-exception').filter(isProcessFatal).map((s) => s.ref),
  ];
}

/** WAS recycle/shutdown ids, ANCM recycle/shutdown ids and W3SVC-WP "unhealthy" that end a worker on purpose. */
const WAS_RECYCLE_IDS = [5074, 5075, 5076, 5077, 5078, 5079, 5080, 5081, 5117, 5186];
const ANCM_RECYCLE_IDS = [1005, 1012, 1021, 1030];

/** Events that say the worker or app was recycled or shut down (not crashed): a planned end that can still cut requests. */
export function recycleEvents(evidence: Evidence): WindowsEvent[] {
  return evidence.events.filter(
    (e) =>
      (e.family === 'was' && WAS_RECYCLE_IDS.includes(e.id)) ||
      (e.family === 'ancm' && ANCM_RECYCLE_IDS.includes(e.id)) ||
      (e.family === 'w3svc-wp' && e.id === 2299),
  );
}

/** "Application Error 1000", ".NET Runtime 1026", "WAS 5009": how people name an event. */
export function eventName(event: WindowsEvent): string {
  return `${event.provider} ${event.id}`;
}
