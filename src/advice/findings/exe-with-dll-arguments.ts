import { defineFinding } from './define-finding';
import { hostingModelOf, processPathOf } from './support';

export default defineFinding({
  id: 'exe-with-dll-arguments',
  severity: 'warning',
  on: 'web-config',
  checks: "An in-process app started by its own .exe does not pass a .dll as well (that mixes the framework-dependent and self-contained forms).",
  quotes: 'the arguments attribute',
  find(config) {
    const process = processPathOf(config);
    if (!process || process.placeholders || process.isDotnet) return [];
    const { path, args } = process;
    if (!/\.exe$/i.test(process.program) || hostingModelOf(config).value !== 'inprocess' || !args || !/\.dll\b/i.test(args.value)) return [];
    return [
      {
        line: args.line,
        message: `processPath="${path.value}" starts the app's own executable, yet arguments="${args.value}" passes a .dll as well: that mixes the framework-dependent form (processPath="dotnet" arguments=".\\YourApp.dll") with the self-contained one (processPath=".\\YourApp.exe" arguments=""). Pick one.`,
      },
    ];
  },
});
