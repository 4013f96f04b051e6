/**
 * 32-bit vs 64-bit: the worker (w3wp.exe, 32-bit when "Enable 32-Bit Applications" is on) and the
 * published app or its native pieces disagree, so the runtime cannot be loaded (500.32, 0x800700C1).
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { codes, refsOf, signals } from './query';
import { configRef, eventsWithText, findStatus, linesWithText, seen, startupContext, x86Signature } from './support/ancm-evidence';

interface BitnessMismatchFacts {
  /** The file a BadImageFormatException names. */
  assembly?: string;
  /** The application pool whose enable32BitAppOnWin64 was pasted, and its value ("true" or "false"). */
  pool?: string;
  enable32Bit?: string;
  /** The documented x86 signature (0x8007023E, "CLR worker thread exited prematurely", empty stdout) was seen. */
  x86Signature: boolean;
  /** The only sign is a BadImageFormatException, which has other reasons than bitness. */
  notOnlyBitness: boolean;
}

export default defineCause<BitnessMismatchFacts>({
  id: 'bitness-mismatch',
  title: 'App and IIS worker are built for different CPU architectures (32/64-bit)',
  family: 'startup-failure',
  layer: 'ancm',
  clues: {
    'ancm.bitness': 'proves',
    'status.500.32': 'proves',
    'dotnet.bad-image-format': 'strong',
    // A 32-bit pool is half of a bitness mismatch: the other half is the app's platform.
    'iis.pool-32bit': 'supports',
  },
  description:
    'The app (or a native library it loads) was published for x64 while the application pool runs 32-bit, or the other way round, so the .NET runtime or the app cannot be loaded: 500.32 in-process, 502.5 or 500.30 otherwise.',
  match(evidence) {
    const page = findStatus(evidence, 500, 32);
    const badExe = codes(evidence, 193);
    const badExeInEvent = badExe.filter((c) => evidence.events.some((e) => e.family === 'ancm' && e.id === 1010 && e.ref.source === c.ref.source && (e.ref.line === c.ref.line || e.message.includes(c.raw))));
    const textEvents = eventsWithText(evidence, ['bitness mismatch', 'published for a different bitness']);
    const textLines = textEvents.length === 0 ? linesWithText(evidence, ['bitness mismatch', 'published for a different bitness']) : [];
    const badImage = signals(evidence, 'bad-image-format');
    const x86 = x86Signature(evidence);
    if (!seen(page) && badExe.length === 0 && textEvents.length === 0 && textLines.length === 0 && badImage.length === 0 && x86.refs.length === 0) return undefined;

    let confidence: number;
    if (badExeInEvent.length > 0 || textEvents.length > 0) confidence = boosted(CONFIDENCE.strong, 0.05, page.direct ? 0.05 : 0);
    else if (page.direct) confidence = boosted(CONFIDENCE.strong, badExe.length > 0 ? 0.05 : 0);
    else if (textLines.length > 0) confidence = boosted(CONFIDENCE.strong, -0.05);
    else if (badImage.length > 0) confidence = boosted(CONFIDENCE.likely, 0.05, startupContext(evidence) ? 0.15 : 0);
    else if (badExe.length > 0) confidence = boosted(CONFIDENCE.likely, 0.1);
    else if (seen(page)) confidence = boosted(CONFIDENCE.likely, -0.05);
    else confidence = x86.hinted ? CONFIDENCE.likely : boosted(CONFIDENCE.possible, 0.05); // the documented x86 signature; 0x8007023E alone has other causes

    const pool = evidence.appPools.find((p) => p.enable32BitAppOnWin64 !== undefined);
    const refs: EvidenceRef[] = [...page.refs.slice(0, 2), ...badExeInEvent.map((c) => c.ref), ...textEvents.map((e) => e.messageRef), ...textLines, ...badImage.map((s) => s.ref), ...badExe.map((c) => c.ref), ...x86.refs];
    if (pool?.enable32BitAppOnWin64) {
      const ref = configRef(evidence, pool.source, pool.enable32BitAppOnWin64.line) ?? { source: pool.source, line: pool.enable32BitAppOnWin64.line, text: `enable32BitAppOnWin64="${pool.enable32BitAppOnWin64.value}"` };
      refs.push(ref);
    }
    return {
      confidence,
      evidence: refsOf(refs, 8),
      facts: {
        assembly: badImage.find((s) => s.data.assembly !== undefined)?.data.assembly,
        pool: pool?.name,
        enable32Bit: pool?.enable32BitAppOnWin64?.value.toLowerCase(),
        x86Signature: x86.refs.length > 0,
        notOnlyBitness: badImage.length > 0 && !seen(page) && badExe.length === 0 && textEvents.length === 0 && textLines.length === 0,
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const pool = facts.pool ?? '<pool>';
    if (facts.enable32Bit === 'true') {
      steps.push(`Application pool ${pool} has enable32BitAppOnWin64="true": its w3wp.exe is 32-bit, so an in-process app must be x86 (or AnyCPU without a RuntimeIdentifier) and the x86 runtime must be installed.`);
    } else if (facts.enable32Bit === 'false') {
      steps.push(`Application pool ${pool} runs 64-bit (enable32BitAppOnWin64="false"): an app published for win-x86, or with PlatformTarget x86, cannot load in it.`);
    } else {
      steps.push('Check the pool\'s bitness: `Get-ItemProperty IIS:\\AppPools\\<pool> -Name enable32BitAppOnWin64` (or IIS Manager > Application Pools > Advanced Settings > "Enable 32-Bit Applications").');
    }
    steps.push('Check the app\'s bitness: the publish profile\'s RuntimeIdentifier (win-x64 / win-x86) and <PlatformTarget> in the .csproj; `dumpbin /headers YourApp.exe | findstr machine` shows 14C (x86) or 8664 (x64) for the apphost.');
    if (facts.assembly !== undefined) {
      steps.push(`BadImageFormatException on ${facts.assembly}: that file is for the other architecture (or is a stale copy from an older publish). Delete the site folder's contents and publish again to a clean folder.`);
    }
    if (facts.notOnlyBitness === true) {
      steps.push('A BadImageFormatException also appears when a package ships only a Linux or an x86 native binary, or when a .NET Framework assembly is loaded by .NET: check which file the stack trace was loading.');
    }
    if (facts.x86Signature === true) {
      steps.push('0x8007023E with "CLR worker thread exited prematurely" and an empty stdout is the documented signature of an x86 app in a pool where 32-bit applications are not enabled (or the reverse). The ANCM debug log line "Current process bitness type detected as isX64=..." tells which way round.');
    }
    steps.push('On Azure App Service, the Platform setting (32/64 bit) plays the role of "Enable 32-Bit Applications", and only one runtime site extension of the matching bitness should be installed.');
    return steps;
  },
  fix({ facts }) {
    const pool = facts.pool ?? 'YourPool';
    const value = facts.enable32Bit === 'true' ? '$false' : facts.enable32Bit === 'false' ? '$true' : '$false';
    return {
      summary:
        facts.enable32Bit === 'true'
          ? `Make the pool and the app agree: publish the app for x64 and turn off "Enable 32-Bit Applications" on ${pool}, or keep the pool 32-bit and publish for win-x86.`
          : `Make the pool and the app agree: publish for win-x64 (most apps), or if the app must be 32-bit, turn on "Enable 32-Bit Applications" on ${pool} and install the x86 runtime.`,
      snippet: `# Match the pool to the app (here: ${value === '$true' ? '32-bit app' : '64-bit app'}), then restart it\nImport-Module WebAdministration\nSet-ItemProperty IIS:\\AppPools\\${pool} -Name enable32BitAppOnWin64 -Value ${value}\nRestart-WebAppPool ${pool}\n\n# Or publish the app for the pool's architecture\ndotnet publish -c Release -r win-x64 --self-contained false`,
      language: 'powershell',
    };
  },
  wants: ['event-log', 'web-config', 'stdout-log', 'error-page'],
  references: [
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#50032-ancm-failed-to-load-dll',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference#incorrect-processor-architecture',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference#platform-conflicts-with-rid',
  ],
});
