import { defineFinding } from './define-finding';
import { firstArgument, processPathOf } from './support';

export default defineFinding({
  id: 'process-path-arguments-mismatch',
  severity: 'warning',
  on: 'web-config',
  checks: 'A framework-dependent app (processPath="dotnet") names its .dll in arguments.',
  quotes: 'the arguments attribute, or processPath without one',
  find(config) {
    const process = processPathOf(config);
    if (!process || process.placeholders || !process.isDotnet) return [];
    const { path, args } = process;
    const first = args ? firstArgument(args.value) : '';
    if (/\.dll$/i.test(first) || /\.dll\b/i.test(args?.value ?? '')) return [];
    return [
      {
        line: args?.line ?? path.line,
        message: `processPath="${path.value}" runs a framework-dependent app, so arguments must name the app's .dll (for example arguments=".\\YourApp.dll"); found ${args ? `arguments="${args.value}"` : 'no arguments'}. dotnet then looks for an SDK command and the app never starts ("Did you mean to run dotnet SDK commands?").`,
      },
    ];
  },
});
