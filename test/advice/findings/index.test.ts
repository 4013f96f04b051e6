import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceCollector } from '../../../src/evidence/collector';
import { productionFindings } from '../../../src/advice/findings';
import type { Finding } from '../../../src/contract';
import { attributes, pool, webConfig } from '../../helpers/finding-tester';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/web-config', name), 'utf8');

function findings(text: string, source = 'web.config'): Finding[] {
  const collector = new EvidenceCollector();
  collector.addText(source, text);
  return productionFindings(collector.finish());
}

interface Case {
  id: string;
  severity: Finding['severity'];
  /** Configuration that must raise the finding... */
  bad: string;
  /** ...the line it must cite, and what the message must quote (value found, value recommended). */
  line: number;
  mentions: string[];
  /** Near misses that must not raise it. */
  good: string[];
}

const CASES: Case[] = [
  {
    id: 'malformed-web-config',
    severity: 'error',
    bad: fixture('malformed.web.config'),
    line: 8,
    mentions: ['line 8, column 3', '500.19'],
    // A cut paste is not a broken file.
    good: [webConfig(attributes({})), fixture('aspnetcore-17033.web.config').split('\n').slice(0, 8).join('\n')],
  },
  {
    id: 'ancm-v1-module',
    severity: 'warning',
    bad: fixture('iisintegration-903.web.config'),
    line: 5,
    mentions: ['modules="AspNetCoreModule"', 'AspNetCoreModuleV2'],
    good: [webConfig(attributes({}))],
  },
  {
    id: 'arr-setting-with-ancm-v2',
    severity: 'warning',
    bad: webConfig(attributes({ hostingModel: 'outofprocess', timeout: '00:10:00' })),
    line: 7,
    mentions: ['timeout="00:10:00"', "Unrecognized attribute 'timeout'", 'requestTimeout'],
    good: [webConfig(attributes({})), webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:02:00' }))],
  },
  {
    id: 'stdout-log-enabled',
    severity: 'warning',
    bad: webConfig(attributes({ stdoutLogEnabled: 'true' })),
    line: 7,
    mentions: ['stdoutLogEnabled="true"', 'stdoutLogEnabled="false"'],
    good: [webConfig(attributes({})), webConfig(attributes({ stdoutLogEnabled: undefined }))],
  },
  {
    id: 'request-timeout-default',
    severity: 'info',
    bad: webConfig(attributes({ hostingModel: 'outofprocess' })),
    line: 7,
    mentions: ['00:02:00'],
    good: [webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:02:00' })), webConfig(attributes({}))],
  },
  {
    id: 'request-timeout-low',
    severity: 'info',
    bad: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:00:15' })),
    line: 7,
    mentions: ['requestTimeout="00:00:15"', '15 s', 'requestTimeout="00:02:00"'],
    good: [webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:02:00' }))],
  },
  {
    id: 'request-timeout-high',
    severity: 'info',
    bad: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '01:00:00' })),
    line: 7,
    mentions: ['requestTimeout="01:00:00"', '60 minutes', '"00:02:00"'],
    good: [webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:05:00' }))],
  },
  {
    id: 'request-timeout-invalid',
    severity: 'warning',
    bad: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '2 minutes' })),
    line: 7,
    mentions: ['requestTimeout="2 minutes"', 'requestTimeout="00:02:00"'],
    good: [webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '1.00:00:00' }))],
  },
  {
    id: 'request-timeout-ignored-in-process',
    severity: 'info',
    bad: webConfig(attributes({ requestTimeout: '00:10:00' })),
    line: 7,
    mentions: ['requestTimeout="00:10:00"', 'in-process'],
    good: [webConfig(attributes({})), webConfig(attributes({ hostingModel: 'OutOfProcess', requestTimeout: '00:10:00' }))],
  },
  {
    id: 'startup-time-limit-low',
    severity: 'info',
    bad: webConfig(attributes({ startupTimeLimit: '60' })),
    line: 7,
    mentions: ['startupTimeLimit="60"', 'startupTimeLimit="120"'],
    good: [webConfig(attributes({ startupTimeLimit: '120' })), webConfig(attributes({}))],
  },
  {
    id: 'shutdown-time-limit-low',
    severity: 'info',
    bad: webConfig(attributes({ shutdownTimeLimit: '5' })),
    line: 7,
    mentions: ['shutdownTimeLimit="5"', 'shutdownTimeLimit="20"'],
    good: [webConfig(attributes({ shutdownTimeLimit: '20' })), webConfig(attributes({ shutdownTimeLimit: '60' }))],
  },
  {
    id: 'hosting-model-invalid',
    severity: 'warning',
    bad: webConfig(attributes({ hostingModel: 'InProc' })),
    line: 7,
    mentions: ['hostingModel="InProc"', 'hostingModel="inprocess"'],
    good: [webConfig(attributes({ hostingModel: 'InProcess' }))],
  },
  {
    id: 'out-of-process-hosting',
    severity: 'info',
    bad: webConfig(attributes({ hostingModel: 'OutOfProcess' })),
    line: 7,
    mentions: ['hostingModel="OutOfProcess"', 'hostingModel="inprocess"'],
    good: [webConfig(attributes({})), webConfig(attributes({ hostingModel: 'InProcess' }))],
  },
  {
    id: 'process-path-missing',
    severity: 'warning',
    bad: webConfig(attributes({ processPath: undefined })),
    line: 7,
    mentions: ['processPath', 'processPath="dotnet"'],
    good: [webConfig(attributes({}))],
  },
  {
    id: 'process-path-not-windows-executable',
    severity: 'warning',
    bad: webConfig(attributes({ processPath: '.\\Contoso.Web', arguments: '' })),
    line: 7,
    mentions: ['processPath=".\\Contoso.Web"', 'linux-x64', 'win-x64', 'processPath="dotnet" arguments=".\\Contoso.Web.dll"'],
    good: [webConfig(attributes({})), webConfig(attributes({ processPath: '.\\Contoso.Web.exe', arguments: '' }))],
  },
  {
    id: 'launcher-placeholders',
    severity: 'warning',
    bad: fixture('iisintegration-252.web.config'),
    line: 8,
    mentions: ['processPath="%LAUNCHER_PATH%"', 'processPath="dotnet"'],
    good: [webConfig(attributes({}))],
  },
  {
    id: 'process-path-arguments-mismatch',
    severity: 'warning',
    bad: webConfig(attributes({ arguments: '.\\Contoso.Web' })),
    line: 7,
    mentions: ['arguments=".\\Contoso.Web"', 'arguments=".\\YourApp.dll"'],
    good: [
      webConfig(attributes({})),
      webConfig(attributes({ processPath: 'C:\\Program Files\\dotnet\\dotnet.exe', arguments: '&quot;D:\\sites\\My App\\App.dll&quot; --urls http://localhost:5000' })),
    ],
  },
  {
    id: 'exe-with-dll-arguments',
    severity: 'warning',
    bad: webConfig(attributes({ processPath: '.\\Contoso.Web.exe', arguments: '.\\Contoso.Web.dll' })),
    line: 7,
    mentions: ['arguments=".\\Contoso.Web.dll"', 'arguments=""'],
    good: [webConfig(attributes({ processPath: '.\\Contoso.Web.exe', arguments: '' })), fixture('docs-10046.fragment.xml')],
  },
  {
    id: 'development-environment',
    severity: 'warning',
    bad: fixture('docs-10046.fragment.xml'),
    line: 3,
    mentions: ['ASPNETCORE_ENVIRONMENT="Development"', 'Production'],
    good: [webConfig(attributes({}), '      <environmentVariables>\n        <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />\n      </environmentVariables>')],
  },
  {
    id: 'detailed-errors-enabled',
    severity: 'warning',
    bad: webConfig(attributes({}), '      <environmentVariables>\n        <environmentVariable name="ASPNETCORE_DETAILEDERRORS" value="true" />\n      </environmentVariables>'),
    line: 9,
    mentions: ['ASPNETCORE_DETAILEDERRORS="true"'],
    good: [webConfig(attributes({}), '      <environmentVariables>\n        <environmentVariable name="ASPNETCORE_DETAILEDERRORS" value="0" />\n      </environmentVariables>')],
  },
  {
    id: 'ancm-debug-log-enabled',
    severity: 'warning',
    bad: webConfig(attributes({}), '      <handlerSettings>\n        <handlerSetting name="debugLevel" value="FILE,TRACE" />\n      </handlerSettings>'),
    line: 9,
    mentions: ['debugLevel="FILE,TRACE"'],
    good: [webConfig(attributes({}), '      <handlerSettings>\n        <handlerSetting name="stackSize" value="0x200000" />\n      </handlerSettings>')],
  },
  {
    id: 'startup-error-page-disabled',
    severity: 'info',
    bad: webConfig(attributes({ disableStartUpErrorPage: 'true' })),
    line: 7,
    mentions: ['disableStartUpErrorPage="true"', '"false"'],
    good: [webConfig(attributes({ disableStartUpErrorPage: 'false' }))],
  },
  {
    id: 'app-pool-managed-runtime',
    severity: 'warning',
    bad: pool({ add: 'managedRuntimeVersion="v4.0"' }),
    line: 2,
    mentions: ['"ContosoWeb"', 'managedRuntimeVersion="v4.0"', 'managedRuntimeVersion=""'],
    good: [pool()],
  },
  {
    id: 'app-pool-idle-timeout',
    severity: 'warning',
    bad: pool({ idleTimeout: '00:20:00' }),
    line: 3,
    mentions: ['idleTimeout="00:20:00"', 'idleTimeout="00:00:00"'],
    good: [pool()],
  },
  {
    id: 'app-pool-periodic-restart',
    severity: 'warning',
    bad: pool({ restart: 'time="08:00:00" memory="0" privateMemory="0"' }),
    line: 5,
    mentions: ['08:00:00', 'time="00:00:00"'],
    good: [pool(), pool({ restart: 'time="1.05:00:00"' })],
  },
  {
    id: 'app-pool-memory-limit',
    severity: 'warning',
    bad: pool({ restart: 'time="00:00:00" privateMemory="786432"' }),
    line: 5,
    mentions: ['786432 KB', '768 MB', '0 (off)'],
    good: [pool(), pool({ restart: 'time="00:00:00" privateMemory="4194304"' })],
  },
  {
    id: 'app-pool-rapid-fail-protection-off',
    severity: 'warning',
    bad: pool({ failure: 'rapidFailProtection="false"' }),
    line: 7,
    mentions: ['rapidFailProtection="false"', 'rapidFailProtection="true"'],
    good: [pool()],
  },
  {
    id: 'app-pool-32-bit',
    severity: 'info',
    bad: pool({ add: 'managedRuntimeVersion="" enable32BitAppOnWin64="true"' }),
    line: 2,
    mentions: ['enable32BitAppOnWin64="true"', 'win-x86'],
    good: [pool({ add: 'managedRuntimeVersion="" enable32BitAppOnWin64="false"' })],
  },
];

describe('productionFindings', () => {
  for (const c of CASES) {
    describe(c.id, () => {
      it('is raised, citing the line and quoting found and recommended values', () => {
        const all = findings(c.bad);
        const found = all.filter((f) => f.id === c.id);
        expect(found).toHaveLength(1);
        const finding = found[0];
        expect(finding?.severity).toBe(c.severity);
        expect(finding?.evidence).toHaveLength(1);
        expect(finding?.evidence[0]?.line).toBe(c.line);
        expect(finding?.evidence[0]?.text).toBe(c.bad.split('\n')[c.line - 1]);
        for (const m of c.mentions) expect(finding?.message).toContain(m);
        expect(finding?.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      });

      it('is not raised on the good configuration', () => {
        for (const text of c.good) expect(findings(text).map((f) => f.id)).not.toContain(c.id);
      });
    });
  }

  it('finds nothing in the seed\'s production-ready settings', () => {
    expect(findings(fixture('production-ready.web.config'))).toEqual([]);
  });

  it('finds every leftover of a diagnosis session in one file', () => {
    const ids = findings(fixture('diagnostic-leftovers.web.config')).map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'ancm-v1-module',
        'stdout-log-enabled',
        'request-timeout-low',
        'startup-time-limit-low',
        'shutdown-time-limit-low',
        'out-of-process-hosting',
        'process-path-arguments-mismatch',
        'development-environment',
        'detailed-errors-enabled',
        'ancm-debug-log-enabled',
        'startup-error-page-disabled',
      ]),
    );
  });

  it('judges each pool on its own and names it', () => {
    const all = findings(fixture('risky-apppools.applicationHost.xml'), 'applicationHost.config');
    expect(all.every((f) => f.message.includes('"ContosoWeb"'))).toBe(true);
    expect(all.map((f) => f.id).sort()).toEqual([
      'app-pool-32-bit',
      'app-pool-idle-timeout',
      'app-pool-managed-runtime',
      'app-pool-memory-limit',
      'app-pool-memory-limit',
      'app-pool-periodic-restart',
      'app-pool-rapid-fail-protection-off',
    ]);
    expect(all.every((f) => f.evidence[0]?.source === 'applicationHost.config' && (f.evidence[0]?.text.length ?? 0) > 0)).toBe(true);
  });

  it('flags the real V1 + .exe config of aspnet/IISIntegration#903 and the placeholders of #252', () => {
    expect(findings(fixture('iisintegration-903.web.config')).map((f) => f.id)).toEqual(
      expect.arrayContaining(['ancm-v1-module', 'out-of-process-hosting', 'request-timeout-default']),
    );
    expect(findings(fixture('iisintegration-252.web.config')).map((f) => f.id)).toEqual(expect.arrayContaining(['ancm-v1-module', 'launcher-placeholders']));
  });
});
