/**
 * IIS cannot read the site's web.config (HTTP 500.19): malformed XML, an element IIS does not know,
 * a duplicate entry, a locked section or a file the pool cannot read. The worker is never started.
 */
import type { EvidenceRef } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { aspNetCoreAttribute, refsOf, signals } from './query';
import { configLineRef } from '../evidence/config-facts';
import { brokenConfigs, dllNameOf, findStatus, quoteMessage, seen } from './support/ancm-evidence';
import { hostingModelAttribute } from './support/hosting-model';

/** What the 500.19 error codes mean for a web.config. */
const CONFIG_ERRORS: Record<string, string> = {
  '0x8007000d': 'the file is not well-formed XML, or holds an element IIS has no schema for',
  '0x80070003': 'IIS cannot find the configuration file or its folder (wrong physical path, a redirected folder that is missing)',
  '0x80070005': 'the app pool identity (or IUSR) cannot read web.config or its folder',
  '0x80070021': 'a section is locked at server level (overrideModeDefault="Deny" in applicationHost.config)',
  '0x800700b7': 'an entry is added twice (a duplicate <add>, often inherited from a parent site)',
  '0x80070032': 'a section is declared nowhere (its module or schema is not installed)',
  '0x8007052e': 'the identity used to read a UNC content path was refused',
};


interface MalformedWebConfigFacts {
  /** The pasted web.config that does not parse, and where and why its XML breaks. */
  source?: string;
  line?: number;
  column?: number;
  xmlError?: string;
  /** The 500.19 page's Error Code (CONFIG_ERRORS says what it means). */
  errorCode?: string;
  /** The file and line the 500.19 page names ("Config File", "Config Source"). */
  configFile?: string;
  configLine?: number;
  /** The app's DLL, from the arguments attribute. */
  dll?: string;
}

export default defineCause<MalformedWebConfigFacts>({
  id: 'malformed-web-config',
  title: "IIS cannot read the site's web.config (500.19)",
  family: 'config-error',
  layer: 'iis',
  // 500.19 is also what a missing ASP.NET Core Module gives (the <aspNetCore> section is
  // unknown): only a hint here; the matcher, which reads the config error and the pasted XML,
  // tells the two apart.
  clues: {
    'iis.config-invalid': 'hints',
    // IIS's own words that the XML does not parse: the file is broken, whatever else is installed.
    'iis.config-malformed': 'strong',
  },
  description:
    'IIS parses web.config before any module runs. When the XML is broken or holds something IIS cannot accept, every request fails with 500.19 and the ASP.NET Core process is never launched.',
  match(evidence) {
    const broken = brokenConfigs(evidence.webConfigs);
    const pages = signals(evidence, 'iis-error-page').filter((s) => s.data.status === 500 && s.data.substatus === 19);
    const status = findStatus(evidence, 500, 19);
    if (broken.length === 0 && !seen(status)) return undefined;

    const errorCode = pages.map((s) => s.data.errorCode?.toLowerCase()).find((c) => c !== undefined);
    const healthyWithModule = evidence.webConfigs.some((c) => c.wellFormed && c.aspNetCore !== undefined);
    // "Config Source: -1: 0:" on the page: IIS found no line to blame, the signature of a section it has no schema for.
    const noSourceLine = pages.some((s) => s.data.configLine !== undefined && s.data.configLine <= 0);
    let confidence: number;
    const wholeFile = broken.some((c) => !c.fragment);
    if (broken.length > 0) confidence = boosted(CONFIDENCE.likely, wholeFile ? 0.1 : -0.05, seen(status) ? 0.15 : 0);
    else if (errorCode === '0x8007000d' && (healthyWithModule || noSourceLine)) confidence = CONFIDENCE.possible - 0.1; // the file parses: an unknown <aspNetCore> section is more likely
    else if (errorCode === '0x8007000d') confidence = CONFIDENCE.possible + 0.05; // malformed XML and a missing module look alike here
    else if (errorCode !== undefined && errorCode in CONFIG_ERRORS) confidence = boosted(CONFIDENCE.likely, -0.05);
    else if (status.direct) confidence = boosted(CONFIDENCE.possible, 0.1);
    else confidence = CONFIDENCE.possible - 0.05; // 500.19 typed in prose

    const refs: EvidenceRef[] = [];
    const first = broken.find((c) => !c.fragment) ?? broken[0];
    if (first?.error) refs.push(configLineRef(first, first.error.line));
    else if (first) refs.push({ source: first.source, line: first.firstLine, text: first.lines[0] ?? '' });
    refs.push(...pages.map((s) => s.ref), ...status.refs);
    const page = pages[0]?.data;
    return {
      confidence,
      evidence: refsOf(refs, 6),
      facts: {
        source: first?.source,
        line: first?.error?.line,
        column: first?.error?.column,
        xmlError: first?.error?.message,
        errorCode,
        configFile: page?.configFile,
        dll: dllNameOf(aspNetCoreAttribute(evidence, 'arguments')?.value),
        configLine: page?.configLine,
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    if (facts.line !== undefined) {
      const at = facts.column !== undefined ? `line ${facts.line}, column ${facts.column}` : `line ${facts.line}`;
      steps.push(`The pasted ${facts.source ?? 'web.config'} does not parse at ${at}${facts.xmlError !== undefined ? `: ${quoteMessage(facts.xmlError)}` : ''}. IIS stops at the same place.`);
    }
    if (facts.errorCode !== undefined) {
      const meaning = CONFIG_ERRORS[facts.errorCode];
      steps.push(`Error Code ${facts.errorCode}${meaning !== undefined ? `: ${meaning}` : ''}.`);
    }
    if (facts.configFile !== undefined) {
      steps.push(`The page names the file: ${facts.configFile}${facts.configLine !== undefined ? `, line ${facts.configLine}` : ''}. Its "Config Source" box shows the lines around the error; the numbered line is where IIS gave up.`);
    } else {
      steps.push('Open the 500.19 page on the server itself (detailed errors are shown locally): "Config File" names the file and "Config Source" shows the offending line.');
    }
    steps.push('Common breakages: a missing closing tag or quote after a hand edit, an "&" that should be "&amp;", two <aspNetCore> or <handlers> entries after a merge, a typo in the DLL name, or a BOM/encoding problem from a deployment script.');
    steps.push('Validate before deploying: `[xml](Get-Content .\\web.config -Raw)` in PowerShell throws with the line and position of the first XML error.');
    if (facts.errorCode === '0x8007000d' && facts.line === undefined) {
      steps.push('If the XML is valid, 0x8007000d means IIS does not know an element in it, typically <aspNetCore> when the ASP.NET Core Module is not installed (see that cause) or <rewrite> without the URL Rewrite module.');
    }
    return steps;
  },
  fix({ evidence, facts }) {
    if (facts.errorCode === '0x80070005') {
      return {
        summary: 'Grant the application pool identity read access to the site folder and web.config.',
        snippet: 'icacls "C:\\inetpub\\YourSite" /grant "IIS AppPool\\YourPool:(OI)(CI)RX"\nicacls "C:\\inetpub\\YourSite" /grant "IUSR:(OI)(CI)RX"',
        language: 'powershell',
      };
    }
    const dll = facts.dll ?? 'YourApp.dll';
    return {
      summary: `Correct the web.config so it is well-formed and holds each section once; the minimal ASP.NET Core web.config is below${facts.dll !== undefined ? '' : ' (adjust the DLL name)'}.`,
      snippet:
        `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <location path="." inheritInChildApplications="false">\n    <system.webServer>\n      <handlers>\n        <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />\n      </handlers>\n      <aspNetCore processPath="dotnet" arguments=".\\${dll}" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout"${hostingModelAttribute(evidence, 'inprocess')} />\n    </system.webServer>\n  </location>\n</configuration>`,
      language: 'xml',
    };
  },
  wants: ['web-config', 'error-page', 'event-log'],
  references: [
    'https://learn.microsoft.com/troubleshoot/developer/webapps/iis/health-diagnostic-performance/http-error-500-19-webpage',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/web-config',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference',
  ],
});
