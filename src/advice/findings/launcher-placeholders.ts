import { defineFinding } from './define-finding';
import { processPathOf } from './support';

export default defineFinding({
  id: 'launcher-placeholders',
  severity: 'warning',
  on: 'web-config',
  checks: "processPath and arguments hold no Visual Studio %LAUNCHER_PATH%/%LAUNCHER_ARGS% placeholder (publishing replaces them, IIS does not).",
  quotes: 'the processPath attribute',
  find(config) {
    const process = processPathOf(config);
    if (!process?.placeholders) return [];
    const { path, args } = process;
    return [
      {
        line: path.line,
        message: `processPath="${path.value}"${args ? ` arguments="${args.value}"` : ''} still holds Visual Studio's %LAUNCHER_PATH%/%LAUNCHER_ARGS% placeholders; publishing replaces them, IIS does not, so the process cannot start. Publish the app, or write processPath="dotnet" arguments=".\\YourApp.dll".`,
      },
    ];
  },
});
