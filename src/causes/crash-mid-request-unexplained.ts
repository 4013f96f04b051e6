/** The process died or dropped connections while serving, reason not visible yet. */
import { defineFamilyAnswer } from './family-answer';

export default defineFamilyAnswer({
  family: 'crash-mid-request',
  title: 'The app process died or dropped the connection mid-request',
  description: 'The gateway saw the connection to the app closed or reset while it waited for an answer, which is what a crash (or a kill) looks like from outside. What killed it is not in the evidence yet.',
  layer: 'app',
  steps: [
    'Read Event Viewer > Application around the failure time: "Application Error" 1000 (faulting module and exception code: 0xc00000fd is a stack overflow, 0xc0000005 an access violation) and ".NET Runtime" 1026 (the unhandled exception and its stack).',
    'Read System log WAS events 5009/5011 (worker terminated) with the same time, and the app\'s own log for the last request before it.',
    'If it repeats, capture a crash dump: "dotnet-dump collect" needs the process alive; for a crash use ProcDump ("procdump -ma -e -x <folder> w3wp.exe") or WER LocalDumps for w3wp.exe/dotnet.exe.',
  ],
  fix: { summary: 'Find the exception or exception code of the crash (event 1000/1026 or a dump) and fix what it names; paste it here to narrow it down.' },
  wants: ['event-log', 'stdout-log', 'iis-log'],
  references: ['https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis', 'https://learn.microsoft.com/dotnet/core/diagnostics/collect-dumps-crash'],
});
