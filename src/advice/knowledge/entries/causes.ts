/**
 * One entry per catalogue cause, built from the cause itself (title, description, family, the
 * evidence it wants, its references), so a cause added to the catalogue is answerable without
 * touching this file. A few short aliases add the words people use that the title does not have.
 *
 * When the cause is a candidate in the thread's diagnosis, the answer carries its tailored steps,
 * evidence and fix from that Diagnosis. Otherwise it says what the cause is, what usually fixes
 * causes of its family, and what evidence would confirm it; the catalogue's steps and fix are only
 * ever computed by diagnose() with a real match, never here with an invented one.
 */
import { CAUSES } from '../../../causes';
import type { CauseDefinition } from '../../../causes/define-cause';
import { FAMILIES, type FamilyId } from '../../../vocabulary';
import { HOW_TO_COLLECT } from '../../collect';
import { isCollectable } from '../../../evidence/kinds';
import { bullets, paragraphs, percent, titledList } from '../text';
import { diagnosedCauses, evidenceList, fixText, stepsText } from '../thread-text';
import type { KnowledgeEntry } from '../types';

/** The entry id of a cause. */
export function causeEntryId(causeId: string): string {
  return `cause-${causeId}`;
}

/** Words people use for a cause that its title and id do not contain. */
export const CAUSE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'thread-pool-starvation': ['what is thread pool starvation', 'heartbeat took longer than, thread pool starvation warning', 'every request hangs under load'],
  'socket-exhaustion': ['how do I fix socket exhaustion', 'port exhaustion from new HttpClient per request', 'too many sockets in TIME_WAIT'],
  'sync-over-async': ['sync over async', 'blocking on .Result or .Wait()', 'deadlock from waiting on async code'],
  'connection-pool-exhaustion': ['sql connection pool exhausted', 'max pool size was reached', 'timeout obtaining a connection from the pool'],
  'ancm-request-timeout': ['requestTimeout', 'long request fails with 502 after two minutes', 'how do I increase the ANCM request timeout'],
  'arr-proxy-timeout': ['ARR timeout', 'application request routing proxy timeout', 'url rewrite reverse proxy timeout'],
  'cloudflare-524': ['cloudflare 524', 'cloudflare a timeout occurred'],
  'cloudflare-origin-unreachable': ['cloudflare 521 web server is down', 'cloudflare 522 connection timed out', 'cloudflare 523 origin is unreachable'],
  'cloudflare-origin-tls': ['cloudflare 525 ssl handshake failed', 'cloudflare 526 invalid ssl certificate'],
  'cloudflare-origin-bad-response': ['cloudflare 520 unknown error', 'cloudflare branded 502 from the origin'],
  'oop-startup-failure': ['kestrel process did not start', 'dotnet process exits right away under IIS'],
  'inprocess-startup-failure': ['in-process app fails to start'],
  'missing-dotnet-runtime': ['500.31', 'framework not found', 'you must install or update .NET', 'runtime not installed on the server'],
  'stack-overflow': ['stack overflow', '0xc00000fd'],
  'out-of-memory': ['OutOfMemoryException', 'memory leak', 'private bytes memory limit'],
  'native-crash': ['access violation 0xc0000005', 'faulting module ntdll'],
  'unhandled-exception-crash': ['unhandled exception kills the process', '.NET Runtime event 1026'],
  'app-pool-recycle': ['app pool recycling', 'recycle in the middle of requests', 'app pool recycles every 29 hours'],
  'app-pool-idle-shutdown': ['idle timeout shutdown', 'first request after a quiet period fails', 'cold start'],
  'rapid-fail-protection': ['rapid fail protection', 'app pool stops by itself', 'application pool disabled'],
  'worker-ping-failure': ['ping failure', 'WAS 5010 failed to respond to a ping'],
  'worker-process-terminated': ['w3wp crashed', 'WAS 5009 terminated unexpectedly'],
  'backend-connection-reset': ['connection dropped by the app mid request'],
  'backend-not-listening': ['cannot connect to kestrel', '12029'],
  'backend-name-unresolved': ['12007', 'reverse proxy host name does not resolve'],
  'backend-tls-failure': ['https between IIS and kestrel', 'certificate error between IIS and upstream'],
  'malformed-web-config': ['web.config is malformed', 'broken web.config xml'],
  'aspnetcore-module-missing': ['500.21', 'hosting bundle not installed', 'AspNetCoreModuleV2 missing'],
  'wrong-process-path': ['processPath is wrong', 'executable was not found'],
  'bitness-mismatch': ['500.32', '32-bit or 64-bit', 'enable 32-bit applications', 'BadImageFormatException'],
  'port-in-use': ['address already in use', 'ASPNETCORE_PORT'],
  'startup-time-limit': ['500.37', 'startupTimeLimit', 'slow startup'],
  'multiple-apps-one-pool': ['500.35', '500.34', 'two apps in one app pool'],
  'handler-load-failure': ['500.38', '500.33', '500.36', 'single-file publish on IIS'],
  'invalid-aspnetcore-config': ['unknown hosting model', 'event 1034 could not load configuration'],
  'invalid-backend-response': ['12152', 'invalid server response', 'response headers too large for ANCM'],
  'stdout-log-path-invalid': ['could not create stdoutLogFile', 'stdout redirection failed'],
  'startup-exception': ['exception at startup', 'app crashes on startup'],
  'app-offline': ['app_offline.htm'],
  'app-shutting-down': ['shutdownTimeLimit', 'requests during shutdown'],
  'arr-no-healthy-server': ['502.4', 'no server available in the web farm'],
  'alb-idle-timeout': ['ALB idle timeout', 'aws load balancer 504'],
  'alb-target-connection': ['ALB 502', 'aws load balancer 502 target reset'],
  'alb-no-healthy-targets': ['ALB 503', 'target group has no healthy targets'],
  'app-gateway-backend-unhealthy': ['application gateway backend health unhealthy'],
  'azure-gateway-timeout': ['application gateway timeout', 'front door origin timeout'],
  'azure-gateway-backend-tls': ['application gateway backend certificate', 'front door certificate name check'],
  'front-door-origin-error': ['front door 503', 'OriginInvalidResponse', 'OriginConnectionError'],
  'nginx-upstream-header-too-big': ['upstream sent too big header', 'proxy_buffer_size'],
  'nginx-upstream-timeout': ['upstream timed out', 'proxy_read_timeout'],
  'nginx-upstream-tls': ['nginx ssl handshake with upstream', 'proxy_ssl_verify'],
  'nginx-upstream-unreachable': ['upstream prematurely closed connection', 'connect() failed (111: Connection refused)', 'no live upstreams'],
};

/**
 * What usually resolves a cause of each family: the first moves when the cause is not (yet) in the
 * thread's diagnosis. Written from the seed articles' per-cause diagnostics.
 */
const FAMILY_GUIDANCE: Readonly<Record<FamilyId, string>> = {
  'startup-failure':
    'Causes in this family are found by reading the startup exception: turn on stdout logging or read the "IIS AspNetCore Module V2" events (they carry the first 30 KB of output), or run "dotnet .\\YourApp.dll" in the site folder on the server. Check that the runtime the app targets is installed (dotnet --list-runtimes) and that the pool\'s .NET CLR version is "No Managed Code".',
  'crash-mid-request':
    'The process died while serving: Event Viewer > Application (".NET Runtime" 1026, "Application Error" 1000) names the exception or the exception code, and System shows WAS 5009. For repeated crashes take a dump at the moment of the crash (procdump -ma -e) and fix the exception it shows.',
  'request-timeout':
    'Compare how long the failing requests ran with the gateway\'s timeout, then find what is slow (queries, outbound calls, locks, big files). Move work that legitimately takes minutes into a background service with a status endpoint; raise the timeout only as a stop-gap.',
  'proxy-origin':
    'Name the layer from the response headers, read that layer\'s own log or dashboard (Cloudflare Ray ID, ALB access log, nginx error.log, Front Door ErrorInfo), and check whether the origin logged the request at all: no row in the IIS log means it never arrived.',
  'worker-recycle':
    'System log WAS events name the reason for each recycle or shutdown (time, schedule, memory, configuration change, idle). Set the application pool so it does not recycle in business hours: idle timeout 0, no periodic time recycle (or one at a quiet hour), generous memory limits.',
  'tls-handshake':
    'Test the TLS hop from the machine that fails (curl -v or openssl s_client against the backend): certificate expiry, name and trust chain, supported TLS versions and SNI. A certificate the proxy does not trust or a protocol it will not speak ends the handshake before any request.',
  'config-error':
    'The detailed IIS error page names the configuration file and line; check processPath and arguments against the published files, that the Hosting Bundle is installed (then restart IIS), and that web.config is well-formed XML.',
  'resource-exhaustion':
    'Confirm while it happens: dotnet-counters monitor (ThreadPool Queue Length growing, thread count creeping up) or two dumps a few seconds apart (dotnet-dump analyze: threadpool, clrstack -all). The fix is in the code: async all the way (no .Result or .Wait()), one shared HttpClient or IHttpClientFactory, dispose connections promptly, and check outbound limits such as MaxConnectionsPerServer.',
};

function phrasingsOf(cause: CauseDefinition): string[] {
  return [cause.title, cause.id.replace(/-/g, ' '), ...(CAUSE_ALIASES[cause.id] ?? [])];
}

function wantedEvidence(cause: CauseDefinition): string {
  const wanted = cause.wants.filter(isCollectable).map((kind) => HOW_TO_COLLECT[kind].what);
  return titledList('Evidence that would confirm or rule it out (paste it here):', bullets(wanted));
}

function causeEntry(cause: CauseDefinition): KnowledgeEntry {
  return {
    id: causeEntryId(cause.id),
    title: cause.title,
    phrasings: phrasingsOf(cause),
    body: `${cause.description} ${FAMILIES[cause.family]}`,
    answer: ({ diagnosis }) => {
      const causes = diagnosedCauses(diagnosis);
      const rank = causes.findIndex((c) => c.id === cause.id);
      const diagnosed = causes[rank];
      const intro = paragraphs(cause.description, `Family ${cause.family}: ${FAMILIES[cause.family].toLowerCase()}.`);
      if (diagnosed) {
        return {
          text: paragraphs(
            intro,
            titledList(`In this thread it is candidate ${rank + 1} of ${causes.length}, at ${percent(diagnosed.confidence)}, because of:`, evidenceList(diagnosed)),
            stepsText(diagnosed),
            fixText(diagnosed),
          ),
          references: [...diagnosed.references],
        };
      }
      const leader = causes[0];
      return {
        text: paragraphs(
          intro,
          leader ? `It is not among this thread's candidates; the leading one is ${leader.title}.` : undefined,
          FAMILY_GUIDANCE[cause.family],
          wantedEvidence(cause),
        ),
        references: [...cause.references],
      };
    },
  };
}

/** One entry for every cause in the catalogue. */
export const CAUSE_ENTRIES: readonly KnowledgeEntry[] = CAUSES.map(causeEntry);
