/**
 * A native fault killed the process: an access violation, a fail-fast, heap corruption or a DLL
 * that could not load. The faulting module says where to look (a NuGet package's native DLL, the
 * runtime, an IIS module, Windows itself).
 */
import type { EvidenceRef } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { codes, refsOf } from './query';
import { crashesWithCode, eventName, faultingApplication, faultingModule, inFlightFailureRefs } from './support/crash-events';

/** Native exception codes and what each means for the hunt. */
const NATIVE_CODES: Record<string, string> = {
  '0xc0000005': 'access violation (STATUS_ACCESS_VIOLATION): native code read or wrote memory it does not own',
  '0xc0000409': 'fail-fast / stack buffer overrun (STATUS_STACK_BUFFER_OVERRUN): code called abort() or __fastfail, or a security check found a corrupted stack',
  '0xc0000374': 'heap corruption (STATUS_HEAP_CORRUPTION): something wrote past a native allocation earlier',
  '0xc0000135': 'a DLL the process needs could not be found (STATUS_DLL_NOT_FOUND), often the Visual C++ runtime',
  '0x80131506': 'the .NET runtime hit a fatal internal error (ExecutionEngineException): often memory corrupted by native interop or a profiler',
};
const WANTED = Object.keys(NATIVE_CODES);

interface NativeCrashFacts {
  /** The native exception code (0xc0000005...), lower case, and what it means. */
  code: string;
  meaning: string;
  /** The faulting module and application, from the crash event. */
  module?: string;
  application?: string;
  /** The crash event, in words. */
  event?: string;
  /** Requests were in flight when it died. */
  inFlight: boolean;
}

export default defineCause<NativeCrashFacts>({
  id: 'native-crash',
  title: 'A native crash (access violation, fail-fast, heap corruption) killed the app process',
  family: 'crash-mid-request',
  layer: 'app',
  clues: {
    'dotnet.access-violation': 'strong',
    'dotnet.fail-fast': 'strong',
    'dotnet.heap-corruption': 'strong',
    'dotnet.faulting-app': 'supports',
    'dotnet.runtime-internal-error': 'strong',
    // ANCM's own module faulting is ANCM failing to load the app, a start failure (startup-failure).
    'ancm.module-faulted': 'against',
  },
  description:
    'The process died from a native fault rather than a .NET exception: an access violation, a fail-fast, heap corruption, or a missing native DLL. The faulting module in the crash event points at the component responsible.',
  match(evidence) {
    const crashes = crashesWithCode(evidence, WANTED);
    const loose = codes(evidence, ...WANTED);
    if (crashes.length === 0 && loose.length === 0) return undefined;

    const base = crashes.length > 0 ? CONFIDENCE.likely + 0.05 : CONFIDENCE.possible;
    const inFlight = inFlightFailureRefs(evidence);
    const kinds = new Set(crashes.map((c) => c.kind));
    const boosts: number[] = [];
    if (inFlight.length > 0 && crashes.length > 0) boosts.push(CONFIDENCE.strong - base);
    if (kinds.size >= 2) boosts.push(0.08);

    const withModule = crashes.find((c) => faultingModule(c.event) !== undefined);
    const code = crashes[0]?.code ?? loose[0]?.code.toLowerCase() ?? '';
    const evidenceRefs: EvidenceRef[] = [...crashes.map((c) => c.event.ref), ...loose.map((c) => c.ref), ...inFlight];
    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf(evidenceRefs),
      facts: {
        code,
        meaning: NATIVE_CODES[code] ?? 'a native fault',
        module: withModule ? faultingModule(withModule.event) : undefined,
        application: withModule ? faultingApplication(withModule.event) : undefined,
        event: crashes[0] ? eventName(crashes[0].event) : undefined,
        inFlight: inFlight.length > 0,
      },
    };
  },
  steps({ facts }) {
    const { module } = facts;
    // Without facts, list the native faults this cause covers and where their code is written.
    const fault = facts.code
      ? `${facts.code}, ${facts.meaning ?? 'a native fault'}`
      : "a native fault (access violation 0xc0000005, fail-fast 0xc0000409, heap corruption 0xc0000374, missing DLL 0xc0000135; the 'Application Error' 1000 event in the Application log names the code and the faulting module)";
    const steps = [
      `${facts.application || 'The app process'} died with ${fault}${module ? `, in ${module}` : ''}${facts.event ? ` (${facts.event})` : ''}.${facts.inFlight ? ' The failed requests in the evidence were in flight at that moment.' : ''}`,
    ];
    if (module) steps.push(moduleAdvice(module, facts.code ?? ''));
    steps.push(
      `Capture a dump at the crash: "procdump -accepteula -ma -e <PID> C:\\dumps" on the ${facts.application || 'w3wp.exe or dotnet.exe'} process (or a WER LocalDumps registry key for the exe), then open it in WinDbg and run "!analyze -v" and "kb" to see the native stack and the managed frames above it.`,
      'Note what changed before the crashes began (a Windows update, a NuGet package with native code, an agent/profiler/antivirus that injects DLLs into w3wp.exe) and check the vendor for a fixed version.',
    );
    if (facts.code === '0xc0000374') steps.push('For heap corruption the faulting module is usually innocent: enable full page heap for the exe on a test machine ("gflags /p /enable w3wp.exe /full") so the crash happens at the bad write instead.');
    return steps;
  },
  fix({ facts }) {
    const module = facts.module || 'the faulting module';
    return {
      summary:
        facts.code === '0xc0000135'
          ? 'Install the missing native dependency (usually the Visual C++ Redistributable of the right bitness) or publish the app with its native runtimes folder for the server\'s RID.'
          : `Update or remove ${module} (the NuGet package, agent or driver it belongs to), match native binaries to the process bitness and RID, and keep the .NET runtime and Hosting Bundle patched.`,
      language: 'powershell',
      snippet: [
        '# Keep a full dump of every crash of the IIS worker (Windows Error Reporting LocalDumps)',
        "$key = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\Windows Error Reporting\\LocalDumps\\w3wp.exe'",
        'New-Item -Path $key -Force | Out-Null',
        "Set-ItemProperty -Path $key -Name DumpFolder -Value 'C:\\dumps' -Type ExpandString",
        'Set-ItemProperty -Path $key -Name DumpType -Value 2 -Type DWord   # 2 = full dump',
        'Set-ItemProperty -Path $key -Name DumpCount -Value 5 -Type DWord',
      ].join('\n'),
    };
  },
  wants: ['event-log', 'stdout-log'],
  references: [
    'https://learn.microsoft.com/windows/win32/wer/collecting-user-mode-dumps',
    'https://learn.microsoft.com/sysinternals/downloads/procdump',
    'https://github.com/dotnet/aspnetcore/issues/7235',
    'https://github.com/dotnet/aspnetcore/issues/6834',
  ],
});

/** What the faulting module suggests, in one sentence. */
function moduleAdvice(module: string, code: string): string {
  const m = module.toLowerCase();
  if (m === 'coreclr.dll' || m === 'clr.dll' || m === 'clrjit.dll') {
    return `${module} is the .NET runtime: either a runtime bug (update to the latest patch of your .NET version) or memory corrupted earlier by native interop/unsafe code or a profiler (APM agents); reproduce without agents to tell them apart.`;
  }
  if (m === 'aspnetcorev2.dll' || m === 'aspnetcorev2_inprocess.dll' || m === 'aspnetcore.dll') {
    return `${module} is the ASP.NET Core Module: update the Hosting Bundle to the latest patch; if it persists, report it to dotnet/aspnetcore with the dump.`;
  }
  if (m === 'ucrtbase.dll' && code === '0xc0000409') {
    return 'ucrtbase.dll with 0xc0000409 is a fail-fast raised by the C runtime (abort(), an invalid parameter or a failed security check) on behalf of a caller: the native stack in a dump shows which module asked for it.';
  }
  if (m === 'ntdll.dll' || m === 'kernelbase.dll' || m === 'kernel32.dll') {
    return `${module} is Windows itself, which almost never is the bug: it is where a bad pointer or corrupted heap from another module was finally touched. The dump's native stack shows the real caller.`;
  }
  return `${module} is not part of .NET or IIS: find the NuGet package, agent or driver that ships it (look in the app folder and runtimes\\<rid>\\native), update it, and check that its bitness matches the worker process.`;
}
