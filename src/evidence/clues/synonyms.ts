/**
 * Clue ids that stand for the same fact seen through different windows: the 502.5 page, its title
 * read by a signature, and the ANCM events behind it are one start failure, not three. The scoring
 * counts a group once, at its strongest vote, so one message pasted twice (or parsed twice)
 * never counts double.
 */
/** A WAS recycle, by its summary clue and by each event id that logs one (5074-5081, 5117). */
export const WAS_RECYCLE_CLUES = ['was.recycle', 'event.was.5074', 'event.was.5075', 'event.was.5076', 'event.was.5077', 'event.was.5078', 'event.was.5079', 'event.was.5080', 'event.was.5081', 'event.was.5117'] as const;

const GROUPS: readonly (readonly string[])[] = [
  ['status.502.5', 'ancm.oop-start-failed', 'event.ancm.1000', 'event.ancm.1020'],
  ['status.500.30', 'ancm.inprocess-start-failed', 'event.ancm.1007', 'event.ancm.1031'],
  ['ancm.main-exited', 'event.ancm.1011', 'event.ancm.1035'],
  ['status.500.31', 'ancm.framework-missing', 'dotnet.framework-missing'],
  ['status.500.32', 'ancm.bitness'],
  ['status.500.19', 'iis.config-invalid', 'iis.config-malformed'],
  ['status.500.21', 'iis.bad-module'],
  ['status.500.33', 'ancm.request-handler-missing'],
  ['status.500.34', 'ancm.mixed-hosting', 'event.ancm.1009'],
  ['status.500.35', 'ancm.multiple-inprocess', 'event.ancm.1008'],
  ['status.500.36', 'ancm.oop-handler-missing', 'event.ancm.1029'],
  ['status.500.37', 'ancm.startup-time-limit'],
  ['status.500.38', 'ancm.app-dll-missing'],
  ['status.500.0', 'ancm.inprocess-handler-load'],
  ['ancm.config-load-error', 'event.ancm.1034'],
  ['ancm.stdout-log-failed', 'event.ancm.1004'],
  WAS_RECYCLE_CLUES,
  ['was.idle-shutdown', 'event.was.5186'],
  ['was.rapid-fail', 'event.was.5002', 'event.was.5059', 'httperr.app-offline'],
  ['was.worker-crashed', 'event.was.5009'],
  ['was.ipm-error', 'event.was.5011'],
  ['was.shutdown-timeout', 'event.was.5013'],
  ['was.ping-failure', 'event.was.5010'],
  ['dotnet.crash-event', 'event.dotnet-runtime.1026'],
  // A native crash event and the code it reports are one crash: Application Error 1000 names the
  // faulting application and module and carries the exception code (0xc0000005, 0xc0000409...).
  ['dotnet.faulting-app', 'event.application-error.1000', 'dotnet.access-violation', 'dotnet.fail-fast', 'dotnet.heap-corruption'],
  ['status.524', 'cloudflare.origin-timeout'],
  ['status.521', 'status.522', 'status.523', 'cloudflare.origin-down'],
  ['status.520', 'cloudflare.origin-bad-response'],
  ['status.525', 'status.526', 'cloudflare.origin-tls'],
  ['status.502.4', 'iis.arr-no-server'],
  ['nginx.connect-refused', 'net.connection-refused', 'win32.12029'],
  ['nginx.upstream-timed-out', 'nginx.connect-timed-out'],
  ['nginx.ssl-handshake', 'tls.handshake-failed', 'tls.connection-failed', 'tls.remote-cert-invalid', 'tls.trust-relationship'],
  ['nginx.premature-close', 'nginx.reset-by-peer', 'net.connection-reset', 'appgw.upstream-closed'],
  ['nginx.host-not-found', 'net.host-unresolved', 'win32.12007'],
  ['nginx.header-too-big', 'http.response-headers-too-big'],
  ['kestrel.heartbeat-slow', 'dotnet.threadpool-starvation'],
  ['kestrel.bind-failed', 'net.address-in-use'],
  ['dotnet.unhandled-exception', 'kestrel.app-error'],
  // One duration, however many limits it is near: "long" and "near 120 s" are the same request.
  ['duration.long', 'duration.beyond-120s', 'duration.near-20s', 'duration.near-30s', 'duration.near-60s', 'duration.near-100s', 'duration.near-120s', 'duration.near-230s'],
];

const GROUP_OF = new Map<string, string>();
for (const group of GROUPS) for (const clue of group) GROUP_OF.set(clue, group[0]!);

/** The group a clue counts in: the first clue of its group, or itself. */
export function clueGroup(clue: string): string {
  return GROUP_OF.get(clue) ?? clue;
}
