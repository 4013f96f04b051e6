/**
 * Snippets follow the user's setup (issue 9): a fix never shows a hostingModel the pasted
 * web.config does not use, a fix for an out-of-process app stays out-of-process, and a fix that
 * suggests in-process hosting says it is a change of model when the paste runs out-of-process.
 */
import { diagnose, type EvidenceInput } from '../../src/diagnose';
import { CAUSES } from '../../src/causes';
import type { CauseContext, CauseDefinition } from '../../src/causes/define-cause';
import { EvidenceCollector } from '../../src/evidence/collector';
import type { DiagnosedCause } from '../../src/contract';
import { patchAspNetCore } from '../../src/advice/patch';

type Model = 'inprocess' | 'outofprocess';
const MODELS: Model[] = ['outofprocess', 'inprocess'];

/** A whole web.config whose <aspNetCore> is on line 4. */
function config(attributes: string): string {
  return ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <system.webServer>', `    <aspNetCore processPath="dotnet" arguments=".\\Shop.dll" ${attributes} />`, '  </system.webServer>', '</configuration>'].join('\n');
}

/** The same with its </aspNetCore> missing after a hand edit: not well-formed, so no diff can be made. */
function brokenConfig(model: Model): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <system.webServer>',
    `    <aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" hostingModel="${model}">`,
    '      <environmentVariables>',
    '        <environmentVariable name="ASPNETCORE_ENVIRONMENT" value="Production" />',
    '      </environmentVariables>',
    '  </system.webServer>',
    '</configuration>',
  ].join('\n');
}

const PAGE_500_19 = 'HTTP Error 500.19 - Internal Server Error\nError Code 0x8007000d\nConfig Error Configuration file is not well-formed XML';
const EVENT_1005 = "Warning\t8/12/2020 2:37:05 AM\tIIS AspNetCore Module V2\t1005\tNone\tFailed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/SHOP'.";
const IIS_120S = [
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
  '2026-11-20 10:15:01 10.0.0.4 POST /api/reports - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120015',
  '2026-11-20 10:19:22 10.0.0.4 POST /api/reports - 443 - 203.0.113.9 Mozilla/5.0 - 502 3 12002 120031',
].join('\n');

function top(inputs: EvidenceInput[], id: string): DiagnosedCause {
  const cause = diagnose(inputs).causes.find((c) => c.id === id);
  if (!cause) throw new Error(`${id} was not diagnosed`);
  return cause;
}

/** The hostingModel values a text sets (`hostingModel="..."`), lower case. */
function modelsIn(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/hostingModel\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!.toLowerCase());
}

/** The hostingModel values a diff adds (its `+` lines). */
function modelsAdded(diff: string | undefined): string[] {
  return modelsIn((diff ?? '').split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).join('\n'));
}

describe.each(MODELS)('fix snippets with a pasted hostingModel="%s"', (model) => {
  it('a malformed web.config gets a corrected file in its own hosting model', () => {
    const fix = top([{ source: 'web.config', text: brokenConfig(model) }, { source: 'page.txt', text: PAGE_500_19 }], 'malformed-web-config').fix;
    expect(fix.diff).toBeUndefined();
    expect(modelsIn(fix.snippet)).toEqual([model]);
  });

  it('a shutdown-time fix that cannot be a diff keeps the hosting model', () => {
    // 600 s is the most ANCM accepts: the recommended value equals the current one, so no diff.
    const fix = top([{ source: 'events.txt', text: EVENT_1005 }, { source: 'web.config', text: config(`hostingModel="${model}" shutdownTimeLimit="600"`) }], 'app-shutting-down').fix;
    expect(fix.diff).toBeUndefined();
    expect(fix.snippet).toContain('shutdownTimeLimit="600"');
    expect(modelsIn(fix.snippet)).toEqual([model]);
  });

  it('a shutdown-time fix as a diff never adds a hosting model', () => {
    const fix = top([{ source: 'events.txt', text: EVENT_1005 }, { source: 'web.config', text: config(`hostingModel="${model}" shutdownTimeLimit="5"`) }], 'app-shutting-down').fix;
    expect(fix.diff).toContain('+    <aspNetCore');
    expect(modelsAdded(fix.diff)).toEqual([model]);
    expect(modelsIn(fix.snippet)).toEqual([model]);
  });
});

describe('the requestTimeout fix follows the hosting model', () => {
  it('out-of-process: raises requestTimeout in the user\'s element, which stays out-of-process', () => {
    const fix = top([{ source: 'u_ex.log', text: IIS_120S }, { source: 'web.config', text: config('hostingModel="outofprocess"') }], 'ancm-request-timeout').fix;
    expect(fix.diff).toContain('requestTimeout="00:04:00"');
    expect(modelsAdded(fix.diff)).toEqual(['outofprocess']);
    expect(modelsIn(fix.snippet)).toEqual(['outofprocess']);
    expect(fix.summary).not.toMatch(/inprocess|in-process/);
  });

  it('no hostingModel attribute (out-of-process): the fix adds none', () => {
    const fix = top([{ source: 'u_ex.log', text: IIS_120S }, { source: 'web.config', text: config('stdoutLogEnabled="false"') }], 'ancm-request-timeout').fix;
    expect(fix.diff).toContain('requestTimeout="00:04:00"');
    expect(modelsIn(fix.diff)).toEqual([]);
    expect(modelsIn(fix.snippet)).toEqual([]);
  });

  it('in-process: no requestTimeout diff (ANCM ignores it there), and no move to out-of-process', () => {
    const fix = top([{ source: 'u_ex.log', text: IIS_120S }, { source: 'web.config', text: config('hostingModel="inprocess"') }], 'ancm-request-timeout').fix;
    expect(fix.diff).toBeUndefined();
    expect(fix.snippet ?? '').not.toContain('requestTimeout=');
    expect(modelsIn(fix.snippet)).not.toContain('outofprocess');
    expect(fix.summary).toMatch(/in-process, where ANCM ignores it/);
  });
});

describe('a suggested switch to in-process hosting is never silent', () => {
  const PINNED = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <system.webServer>',
    '    <aspNetCore processPath="dotnet" arguments=".\\Contoso.Shop.dll" hostingModel="outofprocess">',
    '      <environmentVariables>',
    '        <environmentVariable name="ASPNETCORE_PORT" value="5000" />',
    '      </environmentVariables>',
    '    </aspNetCore>',
    '  </system.webServer>',
    '</configuration>',
  ].join('\n');
  const BIND = 'System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.';

  it('port-in-use on an out-of-process paste says the switch is a change of hosting model', () => {
    const fix = top([{ source: 'stdout.log', text: BIND }, { source: 'web.config', text: PINNED }], 'port-in-use').fix;
    expect(fix.summary).toContain('change of hosting model');
    expect(fix.summary).toContain('your web.config runs the app out-of-process');
    expect(modelsIn(fix.snippet)).toEqual(['outofprocess']);
  });

  it('without a paste, the switch is still offered plainly', () => {
    const fix = top([{ source: 'stdout.log', text: BIND }], 'port-in-use').fix;
    expect(fix.summary).toContain('Or switch to hostingModel="inprocess", which uses no port at all.');
  });
});

describe('every cause', () => {
  /** What diagnose() passes a cause the ranking chose from its clues alone: the evidence, no facts. */
  function contextOf(model: Model | undefined): CauseContext {
    const collector = new EvidenceCollector();
    collector.addText('web.config', config(model ? `hostingModel="${model}"` : 'stdoutLogEnabled="false"'));
    return { evidence: collector.finish(), match: { confidence: 0.5, evidence: [], facts: {} }, facts: {} };
  }

  /**
   * The hosting models a cause shows the reader, where it shows them: its snippet, the attributes
   * its change sets, the lines the diff of the pasted web.config adds (as diagnose() makes it), and
   * its steps; and the .csproj property a snippet or a step may set (`<AspNetCoreHostingModel>InProcess`).
   */
  function modelsShown(cause: CauseDefinition, context: CauseContext): { cause: string; snippet: string[]; project: string[]; set: string[]; diff: string[]; steps: string[] } {
    const fix = cause.fix(context);
    const config = context.evidence.webConfigs.find((c) => c.aspNetCore !== undefined)!;
    const set = Object.entries(fix.change?.set ?? {}).filter(([name]) => name.toLowerCase() === 'hostingmodel').map(([, value]) => String(value).toLowerCase());
    const patch = fix.change ? patchAspNetCore(config, fix.change) : undefined;
    const steps = cause.steps(context).join('\n');
    return { cause: cause.id, snippet: modelsIn(fix.snippet), project: projectModelsIn(fix.snippet), set, diff: modelsAdded(patch?.diff), steps: [...modelsIn(steps), ...projectModelsIn(steps)] };
  }

  /** `<AspNetCoreHostingModel>InProcess</AspNetCoreHostingModel>`: the .csproj's way of choosing the model, lower case. */
  function projectModelsIn(text: string | undefined): string[] {
    return [...(text ?? '').matchAll(/<AspNetCoreHostingModel>\s*([A-Za-z]+)\s*</gi)].map((m) => m[1]!.toLowerCase());
  }

  it.each(MODELS)('never shows a hostingModel other than the pasted %s in its fix, its change, its diff or its steps', (model) => {
    const context = contextOf(model);
    const other = (models: string[]): string[] => models.filter((m) => m !== model);
    for (const cause of CAUSES) {
      const fix = cause.fix(context);
      const shown = modelsShown(cause, context);
      expect({ ...shown, snippet: other(shown.snippet), project: other(shown.project), set: other(shown.set), diff: other(shown.diff), steps: other(shown.steps) }).toEqual({ cause: cause.id, snippet: [], project: [], set: [], diff: [], steps: [] });
      // Saying "switch to in-process" to an out-of-process app is a change of model, and says so.
      if (model === 'outofprocess' && /switch to hostingModel="inprocess"|consider hostingModel="inprocess"/i.test(fix.summary)) {
        expect({ cause: cause.id, summary: fix.summary }).toEqual({ cause: cause.id, summary: expect.stringContaining('change of hosting model') });
      }
    }
  });

  it('adds no hostingModel to a web.config that leaves it out, and never moves it in-process', () => {
    const context = contextOf(undefined);
    // Leaving hostingModel out means out-of-process: a change may at most write that down.
    const inProcess = (models: string[]): string[] => models.filter((m) => m !== 'outofprocess');
    for (const cause of CAUSES) {
      const shown = modelsShown(cause, context);
      expect({ ...shown, project: inProcess(shown.project), set: inProcess(shown.set), diff: inProcess(shown.diff) }).toEqual({ cause: cause.id, snippet: [], project: [], set: [], diff: [], steps: [] });
    }
  });
});

describe('without a pasted web.config', () => {
  it('the examples keep their own default model', () => {
    const fix = top([{ source: 'page.txt', text: PAGE_500_19 }], 'malformed-web-config').fix;
    expect(modelsIn(fix.snippet)).toEqual(['inprocess']);
  });
});
