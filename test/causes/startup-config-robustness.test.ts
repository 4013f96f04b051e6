/**
 * Property tests over the startup-failure and config-error causes: whatever fragments of ANCM,
 * IIS, .NET host and web.config text a paste mixes, with whatever values inside, a matcher never
 * throws, only cites lines that exist, stays in (0, 1], and never prints "undefined" or "NaN".
 */
import fc from 'fast-check';
import { startupFailureCauses } from '../../src/causes/lists/startup-failure';
import { configErrorCauses } from '../../src/causes/lists/config-error';
import { collect } from '../helpers/cause-tester';
import { ancmPage, eventText, iisDetailedError, webConfig } from './startup-fixtures';

const CAUSES = [...startupFailureCauses, ...configErrorCauses];

/** Message templates with holes for generated values (kb-facts §1.1). */
const TEMPLATES: ((v: string, n: number) => string)[] = [
  (v, n) => eventText(1000, `Application '/LM/W3SVC/${n}/ROOT' with physical root 'C:\\inetpub\\${v}\\' failed to start process with commandline '${v}' at stage '${v}', ErrorCode = '0x${n.toString(16)}', assigned port ${n}, retryCounter '${n}'.`, { level: 'Warning' }),
  (v, n) => eventText(1020, `Application '/LM/W3SVC/${n}/ROOT' with physical root '${v}' failed to start process with commandline '${v}' with multiple retries. Failed to bind to port '${n}'. First 30KB characters of captured stdout and stderr logs from multiple retries:\n${v}`),
  (v, n) => eventText(1007, `Application '/LM/W3SVC/${n}/ROOT' with physical root '${v}' failed to load coreclr. Exception message:\nManaged server didn't initialize after ${v} ms.`),
  (v) => eventText(1034, `Could not load configuration. Exception message:\n${v}`),
  (v, n) => eventText(1001, `Application '${v}' with physical root '${v}' failed to choose listen port '${n}' given port range '${v}', ErrorCode = '0x${v}'.`),
  (v) => eventText(1004, `Could not create stdoutLogFile ${v}, ErrorCode = '${v}'.`, { level: 'Warning' }),
  (v) => eventText(1027, `Could not find the assembly '${v}' referenced for the in-process application.`),
  (v) => eventText(1008, `Only one in-process application is allowed per IIS application pool. Please assign the application '${v}' to a different IIS application pool.`),
  (v, n) => eventText(1010, `Failed to start application '${v}', ErrorCode '0x${n.toString(16)}'.`),
  (v, n) => ancmPage(500, 30 + (n % 9), v),
  (_v, n) => ancmPage(502, 5, 'ANCM Out-Of-Process Startup Failure', [String(n)]),
  (v, n) => iisDetailedError(500, n % 2 === 0 ? 19 : 21, { 'Error Code': `0x${n.toString(16)}`, 'Config Error': v, 'Config File': v }, [`   ${n}: ${v}`]),
  (v) => webConfig(`<aspNetCore processPath="${v}" arguments="${v}" hostingModel="${v}" startupTimeLimit="${v}" stdoutLogFile="${v}" />`),
  (v) => `Unhandled exception. System.${v.replace(/[^A-Za-z]/g, '') || 'X'}Exception: ${v}`,
  (v) => `The framework 'Microsoft.AspNetCore.App', version '${v}' (x64) was not found.`,
  (v) => `System.IO.IOException: Failed to bind to address ${v}: address already in use.`,
  (v) => `Login failed for user '${v}'.`,
  (v) => v,
];

const VALUE = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("'", '"', '\\', '%LAUNCHER_PATH%', '', '0x', 'dotnet', '.dll', 'NaN', 'undefined'));

describe('startup-failure and config-error causes on generated evidence', () => {
  it('never throw, cite real lines, stay in (0, 1] and print no undefined/NaN', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(TEMPLATES.length - 1), VALUE, fc.nat(70000)), { minLength: 1, maxLength: 5 }),
        (parts) => {
          const text = parts.map(([t, v, n]) => TEMPLATES[t]!(v, n)).join('\n\n');
          const evidence = collect({ 'paste.txt': text });
          const total = text.split('\n').length;
          for (const cause of CAUSES) {
            const match = cause.match(evidence);
            if (!match) continue;
            expect(match.confidence).toBeGreaterThan(0);
            expect(match.confidence).toBeLessThanOrEqual(1);
            expect(match.evidence.length).toBeGreaterThan(0);
            for (const ref of match.evidence) {
              expect(ref.line).toBeGreaterThanOrEqual(1);
              expect(ref.line).toBeLessThanOrEqual(total);
            }
            const context = { evidence, match, facts: match.facts ?? {} };
            const shown = [...cause.steps(context), cause.fix(context).summary, cause.fix(context).snippet ?? ''].join('\n');
            // Generated values may themselves contain the words; only the engine's own gaps count.
            const own = parts.reduce((s, [, v]) => (v.length > 0 ? s.split(v).join('') : s), shown);
            expect(own).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
