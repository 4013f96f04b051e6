/**
 * A stack overflow (STATUS_STACK_OVERFLOW, 0xc00000fd) kills a .NET process outright: it cannot be
 * caught, no 500 is written, and every request in flight fails. Almost always unbounded recursion.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { codes, refsOf, signals } from './query';
import { crashesWithCode, eventName, faultingApplication, faultingModule, inFlightFailureRefs } from './support/crash-events';

const STACK_OVERFLOW = '0xc00000fd';
/** HRESULT_FROM_WIN32(ERROR_STACK_OVERFLOW): the exit code WAS reports for a worker that overflowed its stack. */
const ERROR_STACK_OVERFLOW_HRESULT = '0x800703e9';

interface StackOverflowFacts {
  /** The crash event, in words. */
  event?: string;
  /** The faulting application and module, from Application Error 1000 or WER. */
  application?: string;
  module?: string;
  /** The app's own output says "Stack overflow." (with the frames). */
  fromOutput: boolean;
  /** Requests were in flight when it died. */
  inFlight: boolean;
}

export default defineCause<StackOverflowFacts>({
  id: 'stack-overflow',
  title: 'A stack overflow (runaway recursion) killed the app process',
  family: 'crash-mid-request',
  layer: 'app',
  clues: {
    'dotnet.stack-overflow': 'proves',
    // ERROR_STACK_OVERFLOW (0x800703E9) is the exit code WAS reports for it: the code names the
    // death wherever it is written, a 5009 event or a sentence about one.
    'win32.1001': 'proves',
    // The frames of a debugger's call stack or a dump repeating: what older runtimes leave instead
    // of "Stack overflow." (they print nothing before dying).
    'dotnet.frames-recurse': 'strong',
  },
  description:
    'The process overflowed its stack (0xc00000fd). .NET cannot catch a stack overflow, so the process dies on the spot and every request it was serving fails. The cause is nearly always unbounded recursion: self-referencing object graphs in serialization or mapping, a property that calls itself, recursive middleware or DI.',
  match(evidence) {
    const output = signals(evidence, 'stack-overflow');
    const crashes = crashesWithCode(evidence, [STACK_OVERFLOW]);
    const exitOverflow = crashesWithCode(evidence, [ERROR_STACK_OVERFLOW_HRESULT]);
    const loose = codes(evidence, STACK_OVERFLOW, 1001);
    if (output.length === 0 && crashes.length === 0 && exitOverflow.length === 0 && loose.length === 0) return undefined;

    let base: number;
    if (output.length > 0 || crashes.length > 0) base = CONFIDENCE.strong;
    else if (exitOverflow.length > 0) base = CONFIDENCE.likely + 0.05;
    else base = CONFIDENCE.possible + 0.1;

    const inFlight = inFlightFailureRefs(evidence);
    const sources = (output.length > 0 ? 1 : 0) + new Set([...crashes, ...exitOverflow].map((c) => c.kind)).size;
    const boosts: number[] = [];
    if (inFlight.length > 0) boosts.push(0.1);
    if (sources >= 2) boosts.push(0.08);

    const withModule = crashes.find((c) => c.kind === 'application-error-1000' || c.kind === 'wer');
    const first = crashes[0] ?? exitOverflow[0];
    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([...output.map((s) => s.ref), ...crashes.map((c) => c.event.ref), ...exitOverflow.map((c) => c.event.ref), ...loose.map((c) => c.ref), ...inFlight]),
      facts: {
        event: first ? eventName(first.event) : undefined,
        application: withModule ? faultingApplication(withModule.event) : undefined,
        module: withModule ? faultingModule(withModule.event) : undefined,
        fromOutput: output.length > 0,
        inFlight: inFlight.length > 0,
      },
    };
  },
  steps({ facts }) {
    const where = facts.application ? ` in ${facts.application}` : '';
    const steps = [
      `A stack overflow${where}${facts.event ? ` (${facts.event})` : ''} ended the process${facts.module ? `; the faulting module ${facts.module} is only where the stack ran out, not the bug` : ''}.${facts.inFlight ? ' The 502.3/abandoned requests are the ones that were running at that moment.' : ''}`,
    ];
    if (!facts.fromOutput) {
      steps.push(
        'Turn on stdout logging (stdoutLogEnabled="true") and wait for the next crash: .NET 5+ prints "Stack overflow." followed by the frames, with "Repeat N times:" around the recursive part. That names the method.',
      );
    } else {
      steps.push('Read the frames after "Stack overflow." in the output: the block under "Repeat N times:" is the recursion; the first frame from your own code in it is the bug.');
    }
    steps.push(
      `Capture a dump at the overflow: "procdump -accepteula -ma -e 1 -f C00000FD <PID> C:\\dumps" on the ${facts.application || 'w3wp.exe or dotnet.exe'} process, then "dotnet-dump analyze <dump>" and "clrstack": look for the same frames repeating thousands of times.`,
      'Usual suspects: System.Text.Json/Newtonsoft serializing an entity graph with back-references (Order.Customer.Orders...), AutoMapper mapping a self-referencing type, a property getter or ToString()/Equals() that calls itself, a middleware or DI registration that resolves itself.',
      'Reproduce on a dev machine with the same request (the IIS log row just before the crash names the URL) under the debugger: it breaks at the overflow.',
    );
    return steps;
  },
  fix() {
    return {
      summary: 'Break the recursion: stop serializing/mapping cyclic graphs (return DTOs, ReferenceHandler.IgnoreCycles, AutoMapper MaxDepth/PreserveReferences) or add the missing base case.',
      language: 'csharp',
      snippet: [
        '// Serialize DTOs, or at least do not follow back-references forever',
        'builder.Services.ConfigureHttpJsonOptions(o =>',
        '    o.SerializerOptions.ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles);',
        'builder.Services.AddControllers().AddJsonOptions(o =>',
        '    o.JsonSerializerOptions.ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles);',
        '',
        '// AutoMapper: self-referencing types need a depth limit',
        'cfg.CreateMap<Category, CategoryDto>().MaxDepth(3);',
      ].join('\n'),
    };
  },
  wants: ['event-log', 'stdout-log', 'iis-log'],
  references: [
    'https://learn.microsoft.com/dotnet/api/system.stackoverflowexception',
    'https://learn.microsoft.com/sysinternals/downloads/procdump',
    'https://github.com/dotnet/aspnetcore/issues/54645',
  ],
});
