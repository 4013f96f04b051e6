import fc from 'fast-check';
import {
  dllNameOf,
  errorCodeOf,
  findStatus,
  hasSpecificStartupReason,
  quoted,
  startupExceptions,
} from '../../../src/causes/support/ancm-evidence';
import { collect } from '../../helpers/cause-tester';
import { expectLinearTime } from '../../helpers/linear-time';
import { ancmPage, eventText, events, iisLog } from '../startup-fixtures';

describe('quoted', () => {
  it('reads the value between a prefix and the next single quote', () => {
    const m = "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Shop.dll' at stage 'CreateProcessW'";
    expect(quoted(m, "Application '")).toBe('/LM/W3SVC/2/ROOT');
    expect(quoted(m, "physical root '")).toBe('C:\\inetpub\\shop\\');
    expect(quoted(m, "commandline '")).toBe('dotnet .\\Shop.dll');
    expect(quoted(m, "at stage '")).toBe('CreateProcessW');
  });

  it('returns undefined for a missing prefix, an unclosed quote or an empty value', () => {
    expect(quoted('no such text', "stage '")).toBeUndefined();
    expect(quoted("at stage 'CreateProcessW", "stage '")).toBeUndefined();
    expect(quoted("at stage ''", "stage '")).toBeUndefined();
  });
});

describe('errorCodeOf', () => {
  it.each([
    ["failed to start process with commandline 'x', ErrorCode = '0x80070002 : 0.", '0x80070002'],
    ["at stage 'PostStartCheck', ErrorCode = '0x8027025B', assigned port 1", '0x8027025b'],
    ["Failed to start application '/LM/W3SVC/6/ROOT/', ErrorCode '0x800700c1'.", '0x800700c1'],
  ])('%s → %s', (message, code) => {
    expect(errorCodeOf(message)).toBe(code);
  });

  it('returns undefined without an ErrorCode', () => {
    expect(errorCodeOf("Application '/LM/W3SVC/2/ROOT' started successfully.")).toBeUndefined();
  });
});

describe('dllNameOf', () => {
  it.each([
    ['.\\Contoso.Shop.dll', 'Contoso.Shop.dll'],
    ['"C:\\Program Files\\dotnet\\dotnet.exe" .\\Contoso.Shop.dll', 'Contoso.Shop.dll'],
    ['C:/sites/shop/Shop.Web.DLL --urls x', 'Shop.Web.DLL'],
  ])('%s → %s', (text, name) => {
    expect(dllNameOf(text)).toBe(name);
  });

  it('returns undefined when no DLL is named', () => {
    expect(dllNameOf('run')).toBeUndefined();
    expect(dllNameOf(undefined)).toBeUndefined();
    expect(dllNameOf('.dll')).toBeUndefined();
  });
});

describe('findStatus', () => {
  it('ranks what a server wrote above what a person typed', () => {
    const evidence = collect({ 'slack.txt': 'we see HTTP Error 502.5 since noon', 'u_ex261120.log': iisLog([[502, 5, 0, 3000, '/']]) });
    const hit = findStatus(evidence, 502, 5);
    expect(hit.direct).toBe(true);
    expect(hit.proseOnly).toBe(false);
    expect(hit.refs[0]?.source).toBe('u_ex261120.log');
  });

  it('says when a status was only typed in prose', () => {
    const hit = findStatus(collect({ 'slack.txt': 'we see HTTP Error 502.5 since noon' }), 502, 5);
    expect(hit.proseOnly).toBe(true);
  });
});

describe('startupExceptions', () => {
  const thrown = "Unhandled exception. System.InvalidOperationException: Unable to resolve service for type 'Contoso.IClock' while attempting to activate 'Contoso.Clock'.";

  it('counts an exception captured inside an ANCM start-failure event', () => {
    const evidence = collect({
      'application-events.txt': eventText(1035, `Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' has exited from Program.Main with exit code = '1'. First 30KB characters of captured stdout and stderr logs:\n${thrown}`),
    });
    expect(startupExceptions(evidence).map((s) => s.id)).toEqual(expect.arrayContaining(['unhandled-exception', 'di-resolution-failure']));
  });

  it('ignores an exception logged after "Application started." in the same log', () => {
    const evidence = collect({ 'stdout.log': `info: Microsoft.Hosting.Lifetime[0]\n      Application started. Press Ctrl+C to shut down.\n${thrown}` });
    expect(startupExceptions(evidence)).toEqual([]);
  });

  it('ignores a 1018 crash unless an in-process start failure is beside it', () => {
    const crash = eventText(1018, `Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' hit unexpected managed exception, exception code = '0xe0434352'. First 30KB characters of captured stdout and stderr logs:\n${thrown}`);
    expect(startupExceptions(collect({ 'application-events.txt': crash }))).toEqual([]);
    expect(startupExceptions(collect({ 'application-events.txt': crash, 'page.html': ancmPage(500, 30, 'ASP.NET Core app failed to start') })).length).toBeGreaterThan(0);
  });
});

describe('hasSpecificStartupReason', () => {
  it('is false for a bare start failure and true once a reason is named', () => {
    const bare = eventText(1020, "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Shop.dll' with multiple retries. Failed to bind to port '24567'. First 30KB characters of captured stdout and stderr logs from multiple retries:\nProcess Id: 4242.");
    expect(hasSpecificStartupReason(collect({ 'application-events.txt': bare }))).toBe(false);
    const named = events(bare, eventText(1010, "Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x80070002'."), eventText(1000, "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Shop.dll' at stage 'CreateProcessW', ErrorCode = '0x80070002', assigned port 24567, retryCounter '0'.", { level: 'Warning' }));
    expect(hasSpecificStartupReason(collect({ 'application-events.txt': named }))).toBe(true);
  });
});

describe('linear-time helpers on hostile input', () => {
  it('never throw and stay fast on arbitrary 16 KB messages', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        const text = s.repeat(Math.max(1, Math.floor(16000 / Math.max(1, s.length))));
        expectLinearTime((t) => {
          quoted(t, "commandline '");
          errorCodeOf(t);
          dllNameOf(t);
        }, text);
      }),
      { numRuns: 100 },
    );
  });

  it('handles a 16 KB run of quotes and dots quickly', () => {
    const hostile = `ErrorCode ${"'".repeat(8000)}${'.dll'.repeat(2000)}`;
    expect(
      expectLinearTime((t) => {
        const code = errorCodeOf(t);
        dllNameOf(t);
        quoted(t, "'");
        return code;
      }, hostile),
    ).toBeUndefined();
  });
});
