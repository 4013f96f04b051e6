/**
 * Clues from parsed facts, in the same currency as the signatures' clues: an HTTP status
 * (`status.502`, `status.502.3`), a Win32 code (`win32.12002`), a Windows event (`event.was.5010`),
 * a duration (`duration`, from IIS time-taken), and the structural parsers' signals under the clue
 * id they stand for. A signal and a signature that saw the same thing raise the same clue id, so
 * the scoring counts it once.
 */
import type { Evidence, EvidenceRef, Signal, SignalId } from '../types';
import type { ClueHit } from '../signatures/types';

/** Exception codes (Application Error 1000, .NET Runtime 1026, prose) and the clue each is. */
const EXCEPTION_CODES: Record<string, string> = {
  '0xc00000fd': 'dotnet.stack-overflow',
  '0xc0000005': 'dotnet.access-violation',
  '0xc0000409': 'dotnet.fail-fast',
  '0xc0000374': 'dotnet.heap-corruption',
  '0xe0434352': 'dotnet.unhandled-exception',
  '0x80131506': 'dotnet.runtime-internal-error',
};

/** ANCM and IIS error pages by status: the clue each page title is. */
const PAGE_CLUES: Record<string, string> = {
  '502.5': 'ancm.oop-start-failed',
  '500.30': 'ancm.inprocess-start-failed',
  '500.31': 'ancm.framework-missing',
  '500.32': 'ancm.bitness',
  '500.33': 'ancm.request-handler-missing',
  '500.34': 'ancm.mixed-hosting',
  '500.35': 'ancm.multiple-inprocess',
  '500.36': 'ancm.oop-handler-missing',
  '500.37': 'ancm.startup-time-limit',
  '500.38': 'ancm.app-dll-missing',
  '500.0': 'ancm.inprocess-handler-load',
  '500.19': 'iis.config-invalid',
  '500.21': 'iis.bad-module',
};

const NGINX_CONDITIONS: Record<string, string> = {
  refused: 'nginx.connect-refused',
  'connect-timeout': 'nginx.connect-timed-out',
  'read-timeout': 'nginx.upstream-timed-out',
  'send-timeout': 'nginx.upstream-timed-out',
  'premature-close': 'nginx.premature-close',
  reset: 'nginx.reset-by-peer',
  'no-live': 'nginx.no-live-upstreams',
  'header-too-big': 'nginx.header-too-big',
  'invalid-header': 'nginx.invalid-header',
  'ssl-handshake': 'nginx.ssl-handshake',
};

const HTTPERR_REASONS: Record<string, string> = {
  connection_abandoned_by_apppool: 'httperr.app-pool-abandoned',
  appoffline: 'httperr.app-offline',
  timer_apppool: 'httperr.queue-timer',
  apppooltimer: 'httperr.queue-timer',
  queuefull: 'httperr.queue-timer',
};

const FRONT_DOOR: Record<string, string> = {
  origintimeout: 'frontdoor.origin-timeout',
  sslhandshakeerror: 'frontdoor.origin-tls',
  certificatenamecheckfailed: 'frontdoor.origin-tls',
  sslinvalidrootca: 'frontdoor.origin-tls',
  certificateerror: 'frontdoor.origin-tls',
};

const CLOUDFLARE_CODES: Record<number, string> = {
  520: 'cloudflare.origin-bad-response',
  521: 'cloudflare.origin-down',
  522: 'cloudflare.origin-down',
  523: 'cloudflare.origin-down',
  524: 'cloudflare.origin-timeout',
  525: 'cloudflare.origin-tls',
  526: 'cloudflare.origin-tls',
};

/** Signals that are a clue as they stand. */
const SIGNAL_CLUES: Partial<Record<SignalId, string>> = {
  'framework-missing': 'dotnet.framework-missing',
  'stack-overflow': 'dotnet.stack-overflow',
  'out-of-memory': 'dotnet.out-of-memory',
  'bad-image-format': 'dotnet.bad-image-format',
  'dll-not-found': 'dotnet.dll-not-found',
  'assembly-load-failure': 'dotnet.assembly-load-failed',
  'config-file-missing': 'dotnet.config-file-missing',
  'sql-connection-failure': 'sql.unreachable',
  'sql-login-failed': 'sql.login-failed',
  'sql-pool-timeout': 'sql.pool-timeout',
  'di-resolution-failure': 'dotnet.di-failure',
  'port-in-use': 'kestrel.bind-failed',
  'kestrel-heartbeat-slow': 'kestrel.heartbeat-slow',
  'kestrel-app-error': 'kestrel.app-error',
  'kestrel-request-aborted': 'kestrel.response-aborted',
  'host-listening': 'hosting.listening',
  'host-started': 'hosting.started',
  'host-stopping': 'hosting.shutting-down',
  'socket-exhaustion': 'net.address-in-use',
  'blocking-wait-in-stack': 'dotnet.blocking-wait',
  'http-client-timeout': 'http.client-timeout',
  'stdout-redirect-failed': 'ancm.stdout-log-failed',
  'process-path-not-found': 'ancm.executable-not-found',
  'dotnet-sdk-command': 'ancm.dotnet-sdk-command',
  'aws-alb': 'alb.page',
  'app-gateway': 'appgw.page',
  'nginx-server': 'nginx.page',
  'app-offline-page': 'app-offline',
  'freb-forward-fail': 'ancm.forward-failed',
};

function hit(clue: string, ref: EvidenceRef, value?: string | number): ClueHit {
  return value === undefined ? { clue, ref } : { clue, ref, value: String(value) };
}

/** The clues one signal stands for (a page by its status, a proxy log line by its condition). */
function signalClues(signal: Signal): ClueHit[] {
  const direct = SIGNAL_CLUES[signal.id];
  if (direct) return [hit(direct, signal.ref)];
  switch (signal.id) {
    case 'unhandled-exception': {
      const data = signal.data as Signal<'unhandled-exception'>['data'];
      return [hit(data.fatal === false ? 'dotnet.exception' : 'dotnet.unhandled-exception', signal.ref, data.type)];
    }
    case 'ancm-error-page':
    case 'iis-error-page': {
      const data = signal.data as Signal<'ancm-error-page'>['data'];
      const page = PAGE_CLUES[`${data.status}.${data.substatus}`];
      return page ? [hit(page, signal.ref)] : [];
    }
    case 'cloudflare': {
      const data = signal.data as Signal<'cloudflare'>['data'];
      const specific = data.status !== undefined ? CLOUDFLARE_CODES[data.status] : undefined;
      return [hit('cloudflare.page', signal.ref, data.status), ...(specific ? [hit(specific, signal.ref)] : [])];
    }
    case 'front-door': {
      const data = signal.data as Signal<'front-door'>['data'];
      const info = data.errorInfo?.toLowerCase();
      if (info && FRONT_DOOR[info]) return [hit(FRONT_DOOR[info], signal.ref, data.errorInfo)];
      // X-Azure-Ref rides on every response Front Door passes on: only its error page, an
      // error status or an ErrorInfo says Front Door failed to reach the origin.
      const failed = data.page === true || data.errorInfo !== undefined || (data.status ?? 0) >= 500;
      return [hit(failed ? 'frontdoor.origin-error' : 'frontdoor.page', signal.ref, data.errorInfo)];
    }
    case 'nginx-upstream': {
      const data = signal.data as Signal<'nginx-upstream'>['data'];
      const clue = NGINX_CONDITIONS[data.condition];
      return clue ? [hit(clue, signal.ref, data.upstream)] : [];
    }
    case 'alb-log': {
      const data = signal.data as Signal<'alb-log'>['data'];
      const out = [hit('alb.page', signal.ref)];
      // A target status means the target answered and the ALB passed its answer on: only an
      // ELB status without one is the load balancer's own verdict.
      if (data.targetStatus !== undefined) return out;
      if (data.elbStatus === 504) out.push(hit('alb.target-timeout', signal.ref));
      else if (data.elbStatus === 502) out.push(hit('alb.target-failed', signal.ref));
      else if (data.elbStatus === 503 && data.target === undefined) out.push(hit('alb.no-healthy-targets', signal.ref));
      return out;
    }
    case 'httperr-reason': {
      const data = signal.data as Signal<'httperr-reason'>['data'];
      const clue = HTTPERR_REASONS[data.reason.toLowerCase()];
      return clue ? [hit(clue, signal.ref, data.count)] : [];
    }
    default:
      return [];
  }
}

const EVENT_FAMILIES: Partial<Record<string, string>> = { ancm: 'ancm', was: 'was', 'dotnet-runtime': 'dotnet-runtime', 'application-error': 'application-error', 'w3svc-wp': 'w3svc-wp' };

/** Every clue the parsed facts of `evidence` stand for. */
export function factClues(evidence: Evidence): ClueHit[] {
  const out: ClueHit[] = [];
  for (const s of evidence.statuses) {
    out.push(hit(`status.${s.status}`, s.ref));
    if (s.substatus !== undefined) out.push(hit(`status.${s.status}.${s.substatus}`, s.ref));
    // A Win32 code on a row that succeeded is a client that went away, not a failure.
    if (s.win32 !== undefined && s.win32 !== 0 && s.status >= 400) out.push(hit(`win32.${s.win32}`, s.ref));
    if (s.timeTakenMs !== undefined && s.status >= 500) out.push(hit('duration', s.ref, s.timeTakenMs));
  }
  for (const c of evidence.codes) {
    if (c.win32 !== undefined) out.push(hit(`win32.${c.win32}`, c.ref));
    const exception = EXCEPTION_CODES[c.code.toLowerCase()];
    if (exception) out.push(hit(exception, c.ref));
  }
  for (const e of evidence.events) {
    const family = EVENT_FAMILIES[e.family];
    if (family) out.push(hit(`event.${family}.${e.id}`, e.ref));
    const exception = e.exceptionCode ? EXCEPTION_CODES[e.exceptionCode.toLowerCase()] : undefined;
    if (exception) out.push(hit(exception, e.messageRef));
    if (e.family === 'application-error') out.push(hit('dotnet.faulting-app', e.messageRef, e.faultingApplication));
    if (e.family === 'dotnet-runtime') out.push(hit('dotnet.crash-event', e.messageRef));
  }
  for (const s of evidence.signals) out.push(...signalClues(s));
  for (const pool of evidence.appPools) {
    const bits = pool.enable32BitAppOnWin64;
    if (bits && bits.value.toLowerCase() === 'true') out.push(hit('iis.pool-32bit', { source: pool.source, line: bits.line, text: `enable32BitAppOnWin64="${bits.value}"` }));
  }
  for (const f of evidence.freb) {
    if (f.statusCode !== undefined) {
      out.push(hit(`status.${f.statusCode}`, f.ref));
      if (f.substatus !== undefined) out.push(hit(`status.${f.statusCode}.${f.substatus}`, f.ref));
    }
    if (f.timeTakenMs !== undefined && (f.statusCode ?? 0) >= 500) out.push(hit('duration', f.ref, f.timeTakenMs));
  }
  return out;
}
