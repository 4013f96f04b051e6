/**
 * Signatures of systemd, as `journalctl -u kestrel-shop.service` shows them: the way an ASP.NET Core
 * app behind nginx on Linux (the documented set-up: a kestrel-*.service unit) is seen to die,
 * restart and give up. See types.ts for what a signature is and how it is matched.
 *
 * The exit line says how the main process ended: `code=exited, status=N/NAME` (it returned an exit
 * code), `code=killed, status=N/SIG` (a signal), `code=dumped` (a signal with a core dump). The
 * signal decides the kind of crash, as the NTSTATUS code does on Windows: SEGV is an access
 * violation, ABRT is a fail-fast (.NET's Environment.FailFast and the runtime's own aborts).
 */
import type { Signature } from './types';

const SERVICE_C = 'systemd/systemd src/core/service.c';
const UNIT_C = 'systemd/systemd src/core/unit.c';

/** The unit and how it ended: `kestrel-shop.service: Main process exited, code=killed, status=6/ABRT`. */
const EXIT = /main process exited, (code=\w{4,10}, status=\d{1,3}(?:\/[\w-]{1,20})?)/i;
const RESULT = /failed with result '([\w-]{1,30})'/i;
const COUNTER = /restart counter is at (\d{1,9})/i;

const UNIT = 'kestrel-shop.service';
const exited = (how: string): string => `Nov 20 10:15:02 web1 systemd[1]: ${UNIT}: Main process exited, ${how}`;

export const SIGNATURES: readonly Signature[] = [
  {
    clue: 'systemd.main-exited',
    all: ['main process exited, code='],
    value: EXIT,
    source: `${SERVICE_C} (service_sigchld_event: "Main process exited, code=%s, status=%i/%s")`,
    examples: { match: [exited('code=exited, status=1/FAILURE'), exited('code=killed, status=9/KILL')], noMatch: [`Nov 20 10:15:02 web1 systemd[1]: Started ${UNIT} - Shop.`] },
  },
  {
    // SIGSEGV: the Linux form of an access violation.
    clue: 'dotnet.access-violation',
    all: ['main process exited, code='],
    any: ['status=11/segv', 'status=139'],
    source: `${SERVICE_C} (exit line), signal 11 SIGSEGV`,
    examples: { match: [exited('code=dumped, status=11/SEGV'), exited('code=exited, status=139/n/a')], noMatch: [exited('code=killed, status=6/ABRT')] },
  },
  {
    // SIGABRT: .NET's fail-fast and the runtime's own aborts end this way on Linux.
    clue: 'dotnet.fail-fast',
    all: ['main process exited, code='],
    any: ['status=6/abrt', 'status=134'],
    source: `${SERVICE_C} (exit line), signal 6 SIGABRT`,
    examples: { match: [exited('code=killed, status=6/ABRT'), exited('code=dumped, status=6/ABRT'), exited('code=exited, status=134/n/a')], noMatch: [exited('code=exited, status=1/FAILURE')] },
  },
  {
    clue: 'dotnet.out-of-memory',
    all: ["failed with result 'oom-kill'"],
    value: RESULT,
    source: `${UNIT_C} (unit_log_failure: "Failed with result '%s'."; result oom-kill: the kernel's OOM killer ended a process of the unit)`,
    examples: { match: [`Nov 20 10:15:02 web1 systemd[1]: ${UNIT}: Failed with result 'oom-kill'.`], noMatch: [`Nov 20 10:15:02 web1 systemd[1]: ${UNIT}: Failed with result 'exit-code'.`] },
  },
  {
    clue: 'systemd.restarting',
    all: ['restart counter is at'],
    value: COUNTER,
    source: `${SERVICE_C} (service_enter_restart: "Scheduled restart job, restart counter is at %u.")`,
    examples: { match: [`Nov 20 10:15:03 web1 systemd[1]: ${UNIT}: Scheduled restart job, restart counter is at 3.`] },
  },
  {
    // The unit's start limit: systemd stops restarting it, as WAS's rapid-fail protection does.
    clue: 'systemd.start-limit',
    all: ['start request repeated too quickly'],
    source: `${UNIT_C} (unit_test_start_limit: "Start request repeated too quickly.")`,
    examples: { match: [`Nov 20 10:15:09 web1 systemd[1]: ${UNIT}: Start request repeated too quickly.`] },
  },
];
