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
  messy: {
    valid: [
      {
        // WAS 5074 (kb-facts §5.1) in prose: a time recycle says nothing about memory.
        name: 'a time-limit recycle mentioned in prose',
        form: 'in prose',
        evidence: { 'message.txt': "checked the system log, only A worker process with process id of '4242' serving application pool 'ApiPool' has requested a recycle because the worker process reached its allowed processing time limit. around the time of the 502s" },
      },
    ],
    invalid: [
      {
        // .NET Runtime 1026 (kb-facts §5.2) with OutOfMemoryException (kb-facts §7), without its header.
        name: 'the 1026 text with OutOfMemoryException and no header',
        form: 'header-less',
        evidence: {
          'event.txt': [
            'Application: w3wp.exe',
            'CoreCLR Version: 8.0.824.36612',
            '.NET Version: 8.0.8',
            'Description: The process was terminated due to an unhandled exception.',
            "Exception Info: System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
            '   at System.IO.MemoryStream.set_Capacity(Int32 value)',
          ].join('\n'),
        },
      },
      {
        // The same exception in stdout, pasted in a code fence.
        name: 'an OutOfMemoryException in stdout, in a code fence',
        form: 'fenced',
        evidence: {
          'message.txt': [
            'process dies during the nightly export, stdout:',
            '```',
            "Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
            '   at System.Text.StringBuilder.ExpandByABlock(Int32 minBlockCharCount)',
            '   at Contoso.Api.Export.CsvWriter.WriteAll(IEnumerable`1 rows)',
            '```',
          ].join('\n'),
        },
      },
      {
        // The same exception inside a Japanese message.
        name: 'a Japanese report around an OutOfMemoryException',
        form: 'other language',
        evidence: { 'message.txt': "夜間バッチの後にプロセスが落ちて 502 になります。ログ: Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown. メモリ不足でしょうか。" },
      },
    ],
  },
});
