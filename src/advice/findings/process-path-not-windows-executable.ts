import { defineFinding } from './define-finding';
import { hostingModelOf, processPathOf } from './support';

/** What Windows starts by itself; `.bat`/`.cmd`/`.com` are rare here but do start out-of-process. */
const WINDOWS_PROGRAMS = new Set(['exe', 'bat', 'cmd', 'com']);
/** Scripts of other systems: a file Windows cannot start either. */
const OTHER_PROGRAMS = new Set(['sh', 'bash', 'py', 'pl', 'rb', 'js', 'ps1']);

/**
 * The extension of the program's file name, lower case: one of the known ones above or `dll`, and
 * '' for anything else, because app names have dots (`Contoso.Web` is the Linux executable of
 * Contoso.Web.dll, not a file of type "web").
 */
function extensionOf(program: string): string {
  const name = program.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return WINDOWS_PROGRAMS.has(ext) || OTHER_PROGRAMS.has(ext) || ext === 'dll' ? ext : '';
}

/**
 * The app's path without extension, in Windows form, for the example values of the message:
 * `./MyApp` → `.\MyApp`, `.\bin\Contoso.Web` → `.\bin\Contoso.Web`, `.\Shop.dll` → `.\Shop`.
 */
function appPath(program: string, ext: string): string {
  const name = program.split(/[\\/]/).pop() ?? '';
  const folder = program.slice(0, program.length - name.length).replace(/\//g, '\\') || '.\\';
  return `${folder}${(ext ? name.slice(0, -(ext.length + 1)) : name) || 'YourApp'}`;
}

export default defineFinding({
  id: 'process-path-not-windows-executable',
  severity: 'warning',
  on: 'web-config',
  checks: 'processPath names dotnet or a Windows executable (.exe), not the extension-less executable of an app published for Linux or macOS, nor a .dll.',
  quotes: 'the processPath attribute',
  find(config) {
    const process = processPathOf(config);
    if (!process || process.placeholders || process.isDotnet || process.program === '') return [];
    const ext = extensionOf(process.program);
    if (WINDOWS_PROGRAMS.has(ext)) return [];
    const { path } = process;
    const app = appPath(process.program, ext);
    const inProcess = hostingModelOf(config).value === 'inprocess';
    const fix = `Publish for Windows (dotnet publish -r win-x64, then processPath="${app}.exe"), or framework-dependent (processPath="dotnet" arguments="${app}.dll").`;
    if (ext === '') {
      // In-process ANCM adds .exe to a name without an extension and refuses any other extension.
      const failure = !inProcess
        ? 'Windows cannot run it and ANCM answers 502.5 (ANCM Out-Of-Process Startup Failure)'
        : /\.[^.\\/]*$/.test(process.program)
          ? `in-process ANCM refuses it ("Process path '...' doesn't have '.exe' extension", HTTP 500.0)`
          : `in-process ANCM looks for ${app}.exe, which such a publish does not have ("Executable was not found", HTTP 500.0)`;
      return [
        {
          line: path.line,
          message: `processPath="${path.value}" has no .exe: that is the web.config dotnet publish writes for an app published for Linux or macOS (RID linux-x64, osx-x64...), whose executable cannot start under IIS; ${failure}. ${fix}`,
        },
      ];
    }
    if (ext === 'dll') {
      return [
        {
          line: path.line,
          message: `processPath="${path.value}" names a .dll, which is not a program: ${inProcess ? `ANCM refuses it ("Process path '...' doesn't have '.exe' extension", HTTP 500.0)` : 'Windows cannot start it and ANCM answers 502.5'}. A framework-dependent app is started by dotnet: processPath="dotnet" arguments="${path.value}".`,
        },
      ];
    }
    return [
      {
        line: path.line,
        message: `processPath="${path.value}" is not a Windows executable (.${ext}); IIS cannot start it${inProcess ? ` and in-process hosting accepts only an .exe ("Process path '...' doesn't have '.exe' extension", HTTP 500.0)` : ' and ANCM answers 502.5'}. ${fix}`,
      },
    ];
  },
});
