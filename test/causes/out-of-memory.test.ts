import cause from '../../src/causes/out-of-memory';
import { runCauseTests } from '../helpers/cause-tester';
import { dotnetRuntime1026, events, was5009 } from './support/windows-evidence';

const RECYCLE_5117 = {
  log: 'System' as const,
  source: 'Microsoft-Windows-WAS',
  id: 5117,
  level: 'Information',
  message: ["A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because it reached its private bytes memory limit."],
};

runCauseTests(cause, {
  valid: [
    {
      name: 'a scheduled time recycle (5074) says nothing about memory',
      evidence: {
        'system-events.txt': events({
          log: 'System',
          source: 'Microsoft-Windows-WAS',
          id: 5074,
          level: 'Information',
          message: ["A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because the worker process reached its allowed processing time limit."],
        }),
      },
    },
    {
      name: 'a worker crash with a managed exception code is not an OOM by itself',
      evidence: { 'system-events.txt': events(was5009('ShopPool', 4242, '0xe0434352')) },
    },
  ],
  invalid: [
    {
      name: '.NET Runtime 1026 with OutOfMemoryException',
      evidence: {
        'application-events.txt': events(dotnetRuntime1026('w3wp.exe', ["Exception Info: System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.", '   at System.IO.MemoryStream.set_Capacity(Int32 value)'])),
      },
      minConfidence: 0.8,
      mentions: ['dotnet-gcdump collect', 'GC Heap Size'],
    },
    {
      name: 'a private bytes recycle alone points at memory growth, weakly', trails: "A memory-limit recycle is first a recycle (app-pool-recycle); out-of-memory is the reason to check.", behind: 'app-pool-recycle',
      evidence: { 'system-events.txt': events(RECYCLE_5117), 'applicationHost.config': ['<add name="ShopPool" managedRuntimeVersion="" enable32BitAppOnWin64="true">', '  <recycling>', '    <periodicRestart privateMemory="1048576" />', '  </recycling>', '</add>'].join('\n') },
      maxConfidence: 0.35,
      evidenceLines: ['system-events.txt:4'],
      mentions: ["pool 'ShopPool'", 'private bytes', '1024 MB', '32-bit'],
    },
  ],
});
