/**
 * Signatures of WAS (Windows Process Activation Service, System log source `WAS` /
 * `Microsoft-Windows-WAS`) and of the worker process (W3SVC-WP): rapid-fail, crashes, pings,
 * time limits, recycles, idle shutdown, and a stopped or disabled application pool. See types.ts
 * for what a signature is and how it is matched.
 *
 * IIS 7+ WAS ids are the IIS 6 wasmsg.mc ids + 4000 (kb-facts 5.1), and the texts are the same but
 * for "Windows Process Activation Service" where IIS 6 said "World Wide Web Publishing Service".
 */
import type { Signature } from './types';

const KB = 'kb-facts 5.1';
const LEARN_ERRORS = 'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference';
const TN = 'learn.microsoft.com previous-versions "IIS Application Pool Availability/Recycling" event pages';

/** `application pool 'OrdersPool'` → OrdersPool. */
const POOL = /application pool\s{0,3}'([^']{1,100})'/i;
/** `The process exit code was '0xc00000fd'.` */
const EXIT_CODE = /exit code was\s{0,3}'?(0x[0-9a-f]{1,8}|[0-9a-f]{8})/i;

/** WAS ids whose template is unique to one clue (kb-facts 5.1), as people name them in a sentence. */
const MENTIONED_IDS: readonly [number, string][] = [
  [5002, 'was.rapid-fail'],
  [5059, 'was.rapid-fail'],
  [5009, 'was.worker-crashed'],
  [5010, 'was.ping-failure'],
  [5011, 'was.ipm-error'],
  [5012, 'was.startup-timeout'],
  [5013, 'was.shutdown-timeout'],
  [5074, 'was.recycle'],
  [5075, 'was.recycle'],
  [5076, 'was.recycle'],
  [5079, 'was.recycle'],
  [5080, 'was.recycle'],
  [5081, 'was.recycle'],
  [5077, 'was.recycle-memory'],
  [5117, 'was.recycle-memory'],
  [5186, 'was.idle-shutdown'],
];

/**
 * "event 5186 every night", "WAS 5009 three times": the id named in a sentence stands for its
 * event, whose text was not pasted. "The process id was 5009" is a process, not an event.
 */
const MENTIONS: readonly Signature[] = MENTIONED_IDS.map(([id, clue]) => ({
  clue,
  all: [String(id)],
  any: [`event ${id}`, `event id ${id}`, `event id: ${id}`, `eventid ${id}`, `event-id ${id}`, `was ${id}`, `was event ${id}`],
  none: ['process id was', 'id was'],
  source: `${KB} (WAS ${id}, named by its id in prose)`,
  examples: { match: [`we get event ${id} from WAS every night`, `WAS ${id} again at 03:00`], noMatch: [`The process id was ${id}.`, `listening on port ${id}`] },
}));

export const SIGNATURES: readonly Signature[] = [
  ...MENTIONS,
  // ── 5002 / 5059: Rapid-Fail Protection disabled the pool ───────────────────────────────────
  {
    clue: 'was.rapid-fail',
    all: ['is being automatically disabled due to a series of failures'],
    value: POOL,
    source: `${KB} (WAS 5002, WAS_EVENT_RAPID_FAIL_PROTECTION); ${TN}`,
    examples: {
      match: ["Application pool 'OrdersPool' is being automatically disabled due to a series of failures in the process(es) serving that application pool."],
    },
  },
  {
    clue: 'was.rapid-fail',
    all: ['series of failures in the process'],
    any: ['serving that application pool', 'automatically disabled', 'application pool'],
    value: POOL,
    source: `${KB} (WAS 5002, second half)`,
    examples: { match: ['due to a series of failures in the process(es) serving that application pool.'] },
  },
  {
    clue: 'was.rapid-fail',
    all: ['a failure was encountered while launching the process serving application pool'],
    value: POOL,
    source: `${KB} (WAS 5059, WAS_EVENT_RAPID_FAIL_PROTECTION_REGARDLESS)`,
    examples: { match: ["A failure was encountered while launching the process serving application pool 'OrdersPool'. The application pool has been disabled."] },
  },
  {
    clue: 'was.rapid-fail',
    all: ['while launching the process serving application pool'],
    value: POOL,
    source: `${KB} (WAS 5059)`,
    examples: { match: ["while launching the process serving application pool 'OrdersPool'"] },
  },

  // ── 5009: a worker process crashed ─────────────────────────────────────────────────────────
  {
    clue: 'was.worker-crashed',
    all: ['serving application pool', 'terminated unexpectedly'],
    value: EXIT_CODE,
    source: `${KB} (WAS 5009, WAS_EVENT_WORKER_PROCESS_CRASH)`,
    examples: {
      match: [
        "A process serving application pool 'OrdersPool' terminated unexpectedly. The process id was '4312'. The process exit code was '0xc00000fd'.",
        "A process serving application pool 'DefaultAppPool' terminated unexpectedly. The process id was '7716'. The process exit code was '0xe0434352'.",
      ],
      noMatch: ["A process serving application pool 'OrdersPool' failed to respond to a ping. The process id was '4312'."],
    },
  },
  {
    clue: 'was.worker-crashed',
    all: ['the process exit code was'],
    value: EXIT_CODE,
    source: `${KB} (WAS 5009, last sentence)`,
    examples: { match: ["The process id was '4312'. The process exit code was '0xc0000005'."] },
  },

  // ── 5010: a worker process did not answer WAS's ping (hung) ────────────────────────────────
  {
    clue: 'was.ping-failure',
    all: ['failed to respond to a ping'],
    value: POOL,
    source: `${KB} (WAS 5010, WAS_EVENT_WORKER_PROCESS_PING_FAILURE); ${TN}`,
    examples: {
      match: ["A process serving application pool 'OrdersPool' failed to respond to a ping. The process id was '4312'."],
      noMatch: ['the server failed to respond to the health probe'],
    },
  },

  {
    clue: 'was.ping-failure',
    all: ['respond to a ping'],
    any: ['application pool', 'process id', 'worker process', 'w3wp'],
    value: POOL,
    source: `${KB} (WAS 5010), paraphrased ("did not respond to a ping")`,
    examples: { match: ["the w3wp for 'OrdersPool' did not respond to a ping and was killed"] },
  },

  // ── 5011: lost its channel to WAS ──────────────────────────────────────────────────────────
  {
    clue: 'was.ipm-error',
    all: ['suffered a fatal communication error with the'],
    value: POOL,
    source: `${KB} (WAS 5011, WAS_EVENT_WORKER_PROCESS_IPM_ERROR; IIS 6 said "World Wide Web Publishing Service")`,
    examples: {
      match: [
        "A process serving application pool 'OrdersPool' suffered a fatal communication error with the Windows Process Activation Service. The process id was '4312'. The data field contains the error number.",
        "A process serving application pool 'OrdersPool' suffered a fatal communication error with the World Wide Web Publishing Service. The process id was '4312'.",
      ],
    },
  },
  {
    clue: 'was.ipm-error',
    all: ['fatal communication error with the windows process activation service'],
    source: `${KB} (WAS 5011)`,
    examples: { match: ['fatal communication error with the Windows Process Activation Service'] },
  },

  // ── 5012 / 5013: start-up and shut-down time limits ────────────────────────────────────────
  {
    clue: 'was.startup-timeout',
    all: ['exceeded time limits during start up'],
    value: POOL,
    source: `${KB} (WAS 5012, WAS_EVENT_WORKER_PROCESS_STARTUP_TIMEOUT)`,
    examples: { match: ["A process serving application pool 'OrdersPool' exceeded time limits during start up. The process id was '4312'."] },
  },
  {
    clue: 'was.startup-timeout',
    all: ['exceeded time limits during', 'startup'],
    value: POOL,
    source: `${KB} (WAS 5012), paraphrased`,
    examples: { match: ["the pool 'OrdersPool' exceeded time limits during startup"], noMatch: ['exceeded time limits during shut down'] },
  },
  {
    clue: 'was.shutdown-timeout',
    all: ['exceeded time limits during', 'shutdown'],
    value: POOL,
    source: `${KB} (WAS 5013), paraphrased`,
    examples: { match: ["the pool 'OrdersPool' exceeded time limits during shutdown"], noMatch: ['exceeded time limits during start up'] },
  },
  {
    clue: 'was.shutdown-timeout',
    all: ['exceeded time limits during shut down'],
    value: POOL,
    source: `${KB} (WAS 5013, WAS_EVENT_WORKER_PROCESS_SHUTDOWN_TIMEOUT)`,
    examples: {
      match: ["A process serving application pool 'OrdersPool' exceeded time limits during shut down. The process id was '4312'."],
      noMatch: ["A process serving application pool 'OrdersPool' exceeded time limits during start up. The process id was '4312'."],
    },
  },

  // ── 5074-5081, 5117: recycles ──────────────────────────────────────────────────────────────
  {
    clue: 'was.recycle',
    all: ['has requested a recycle because'],
    value: POOL,
    source: `${KB} (WAS 5074-5077, 5117: "A worker process with process id of '%1' serving application pool '%2' has requested a recycle because ...")`,
    examples: {
      match: [
        "A worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle because the worker process reached its allowed processing time limit.",
        "A worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle because it reached its allowed request limit.",
        "A worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle because it reached its scheduled recycle time.",
      ],
      noMatch: ["A worker process with process id of '4312' serving application pool 'OrdersPool' was shutdown due to inactivity."],
    },
  },
  {
    clue: 'was.recycle',
    all: ['reached its allowed processing time limit'],
    value: POOL,
    source: `${KB} (WAS 5074, WAS_EVENT_RECYCLE_WP_TIME)`,
    examples: { match: ['the worker process reached its allowed processing time limit.'] },
  },
  {
    clue: 'was.recycle',
    all: ['reached its allowed request limit'],
    value: POOL,
    source: `${KB} (WAS 5075, WAS_EVENT_RECYCLE_WP_REQUEST_COUNT)`,
    examples: { match: ['it reached its allowed request limit.'] },
  },
  {
    clue: 'was.recycle',
    all: ['reached its scheduled recycle time'],
    value: POOL,
    source: `${KB} (WAS 5076, WAS_EVENT_RECYCLE_WP_SCHEDULED)`,
    examples: { match: ['it reached its scheduled recycle time.'] },
  },
  {
    clue: 'was.recycle',
    all: ['reached its virtual memory limit'],
    value: POOL,
    source: `${KB} (WAS 5077, WAS_EVENT_RECYCLE_WP_MEMORY)`,
    examples: { match: ["A worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle because it reached its virtual memory limit."] },
  },
  {
    clue: 'was.recycle',
    all: ['reached its private bytes memory limit'],
    value: POOL,
    source: `${KB} (WAS 5117, WAS_EVENT_RECYCLE_WP_MEMORY_PRIVATE_BYTES)`,
    examples: { match: ["A worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle because it reached its private bytes memory limit."] },
  },
  {
    clue: 'was.recycle',
    all: ['reported an unhealthy condition to its worker process'],
    value: POOL,
    source: `${KB} (WAS 5078, WAS_EVENT_RECYCLE_WP_ISAPI)`,
    examples: {
      match: ["An ISAPI reported an unhealthy condition to its worker process. Therefore, the worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle."],
    },
  },
  {
    clue: 'was.recycle',
    all: ['has requested a recycle of all worker processes'],
    value: POOL,
    source: `${KB} (WAS 5079, WAS_EVENT_RECYCLE_POOL_ADMIN_REQUESTED)`,
    examples: { match: ["An administrator has requested a recycle of all worker processes in application pool 'OrdersPool'."] },
  },
  {
    clue: 'was.recycle',
    all: ['are being recycled due to'],
    any: ['configuration changes in the application pool properties', 'more configuration changes', 'problems with the iis configuration store'],
    value: POOL,
    source: `${KB} (WAS 5080 WAS_EVENT_RECYCLE_POOL_CONFIG_CHANGE, 5081 WAS_EVENT_RECYCLE_POOL_RECOVERY)`,
    examples: {
      match: [
        "The worker processes serving application pool 'OrdersPool' are being recycled due to 1 or more configuration changes in the application pool properties which necessitate a restart of the processes.",
        "The worker processes serving application pool 'OrdersPool' are being recycled due to detected problems with the IIS configuration store that may make current cached metadata invalid.",
      ],
    },
  },
  {
    clue: 'was.recycle',
    all: ['configuration changes in the application pool properties'],
    value: POOL,
    source: `${KB} (WAS 5080)`,
    examples: { match: ['configuration changes in the application pool properties which necessitate a restart of the processes.'] },
  },
  {
    clue: 'was.recycle',
    all: ['detected problems with the iis configuration store'],
    value: POOL,
    source: `${KB} (WAS 5081)`,
    examples: { match: ['detected problems with the IIS configuration store that may make current cached metadata invalid.'] },
  },
  {
    clue: 'was.recycle',
    all: ['the worker process will now request a recycle'],
    source: `${KB} (IIS-W3SVC-WP 2299)`,
    examples: { match: ['An application has reported as being unhealthy. The worker process will now request a recycle. Reason given: Managed code health check failed.'] },
  },
  {
    clue: 'was.recycle-memory',
    all: ['virtual memory limit'],
    any: ['recycle', 'application pool', 'worker process'],
    value: POOL,
    source: `${KB} (WAS 5077, WAS_EVENT_RECYCLE_WP_MEMORY)`,
    examples: {
      match: ["A worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle because it reached its virtual memory limit."],
      noMatch: ["A worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle because it reached its allowed request limit."],
    },
  },
  {
    clue: 'was.recycle-memory',
    all: ['private bytes memory limit'],
    value: POOL,
    source: `${KB} (WAS 5117, WAS_EVENT_RECYCLE_WP_MEMORY_PRIVATE_BYTES)`,
    examples: { match: ["A worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle because it reached its private bytes memory limit."] },
  },

  // ── 5186: idle timeout ─────────────────────────────────────────────────────────────────────
  {
    clue: 'was.idle-shutdown',
    all: ['was shutdown due to inactivity'],
    value: /was set to\s{1,3}(\d{1,6})\s{0,3}minutes/i,
    source: `${KB} (WAS 5186, WAS_EVENT_SHUTDOWN_WP_INACTIVE)`,
    examples: {
      match: [
        "A worker process with process id of '4312' serving application pool 'OrdersPool' was shutdown due to inactivity. Application Pool timeout configuration was set to 20 minutes. A new worker process will be started when needed.",
      ],
    },
  },
  {
    clue: 'was.idle-shutdown',
    all: ['application pool timeout configuration was set to'],
    value: /was set to\s{1,3}(\d{1,6})\s{0,3}minutes/i,
    source: `${KB} (WAS 5186, second sentence)`,
    examples: { match: ['Application Pool timeout configuration was set to 20 minutes.'] },
  },
  {
    clue: 'was.idle-shutdown',
    all: ['a new worker process will be started when needed'],
    value: /was set to\s{1,3}(\d{1,6})\s{0,3}minutes/i,
    source: `${KB} (WAS 5186, last sentence)`,
    examples: { match: ['A new worker process will be started when needed.'] },
  },

  // ── IIS-W3SVC-WP 2299: the application reported itself unhealthy ───────────────────────────
  {
    clue: 'was.unhealthy',
    all: ['has reported as being unhealthy'],
    value: /reason given:\s{0,3}([^.]{1,200})/i,
    source: `${KB} (IIS-W3SVC-WP 2299); ${TN}`,
    examples: {
      match: ['An application has reported as being unhealthy. The worker process will now request a recycle. Reason given: Managed code health check failed. The data is the error.'],
    },
  },
  {
    clue: 'was.unhealthy',
    all: ['the worker process will now request a recycle'],
    value: /reason given:\s{0,3}([^.]{1,200})/i,
    source: `${KB} (IIS-W3SVC-WP 2299, second sentence)`,
    examples: { match: ['The worker process will now request a recycle. Reason given: Deadlock detected.'] },
  },

  // ── The application pool is stopped or disabled ────────────────────────────────────────────
  {
    clue: 'was.pool-stopped',
    all: ['has been disabled'],
    any: ['application pool', 'app pool', 'apppool'],
    none: ['protection has been disabled', 'recycling has been disabled', 'logging has been disabled', 'ping has been disabled', 'pinging has been disabled'],
    value: POOL,
    source: `${KB} (WAS 5059 "The application pool has been disabled."); WAS 5057 "Application pool %1 has been disabled."`,
    examples: {
      match: ["A failure was encountered while launching the process serving application pool 'OrdersPool'. The application pool has been disabled.", 'Application pool OrdersPool has been disabled.'],
      noMatch: ['The account has been disabled.', 'Rapid-Fail Protection has been disabled on the app pool'],
    },
  },
  {
    clue: 'was.pool-stopped',
    all: ['is being automatically disabled'],
    any: ['application pool'],
    value: POOL,
    source: `${KB} (WAS 5002: Rapid-Fail Protection disables the pool)`,
    examples: { match: ["Application pool 'OrdersPool' is being automatically disabled due to a series of failures in the process(es) serving that application pool."] },
  },
  {
    clue: 'was.pool-stopped',
    all: ['the application pool will be disabled'],
    value: POOL,
    source: 'WAS 5021 ("The identity of application pool %1 is invalid ... If the identity is not corrected, the application pool will be disabled when the application pool receives its first request."), not in kb-facts',
    examples: {
      match: [
        "The identity of application pool 'OrdersPool' is invalid. The user name or password that is specified for the identity may be incorrect, or the user may not have batch logon rights. If the identity is not corrected, the application pool will be disabled when the application pool receives its first request.",
      ],
    },
  },
  {
    clue: 'was.pool-stopped',
    all: ['apppool', 'state:stopped'],
    value: /apppool\s{1,3}"([^"]{1,100})"/i,
    source: 'appcmd list apppool output (APPPOOL "name" (MgdVersion:...,MgdMode:...,state:Stopped))',
    examples: {
      match: ['APPPOOL "OrdersPool" (MgdVersion:,MgdMode:Integrated,state:Stopped)'],
      noMatch: ['APPPOOL "OrdersPool" (MgdVersion:,MgdMode:Integrated,state:Started)'],
    },
  },
  {
    clue: 'was.pool-stopped',
    all: ['pool'],
    any: [
      'application pool is stopped',
      'app pool is stopped',
      'apppool is stopped',
      'application pool was stopped',
      'app pool was stopped',
      'application pool stopped',
      'app pool stopped',
      'application pool keeps stopping',
      'app pool keeps stopping',
      'application pool is disabled',
      'app pool is disabled',
    ],
    none: ['stopped responding'],
    narrative: true,
    source: `${LEARN_ERRORS} ("Stopped Application Pool": 503, "Confirm that the Application Pool isn't in the Stopped state")`,
    examples: {
      match: ['the app pool is stopped again after the deploy', 'Application pool stopped by itself at 10:15', 'our app pool keeps stopping every few minutes'],
      noMatch: ["the app pool isn't stopped, it's running", 'we recycled the app pool', 'the app pool stopped responding under load'],
    },
  },
];
