/**
 * The app threw while starting (Program.cs, a configuration file, DI, a database call at startup),
 * so ANCM never got a listening server: 502.5 out-of-process, 500.30 in-process.
 */
import type { Signal } from '../evidence/types';
import { CONFIDENCE, boosted } from './confidence';
import { defineCause } from './define-cause';
import { aspNetCoreAttribute, refsOf, signals } from './query';
import { appPoolName, eventHolding, findStatus, quoteMessage, seen, startupContext, startupExceptions } from './support/ancm-evidence';

/** Which kind of startup exception, most actionable first. */
const PRIORITY: Signal['id'][] = ['sql-login-failed', 'config-file-missing', 'di-resolution-failure', 'sql-connection-failure', 'dll-not-found', 'assembly-load-failure', 'unhandled-exception'];

interface StartupExceptionFacts {
  /** The most telling startup failure seen (one of PRIORITY). */
  kind: Signal['id'];
  /** The exception that ended startup: its type and (clipped) message. */
  exceptionType?: string;
  exceptionMessage?: string;
  /** What that failure names: the missing settings file, the service DI could not build, the SQL login refused, the SQL error, the missing library. */
  file?: string;
  service?: string;
  sqlUser?: string;
  sqlDetail?: string;
  library?: string;
  /** ASPNETCORE_ENVIRONMENT as the host printed it. */
  environment?: string;
  pool?: string;
}

export default defineCause<StartupExceptionFacts>({
  id: 'startup-exception',
  title: 'The app threw an exception during startup',
  family: 'startup-failure',
  layer: 'ancm',
  clues: {
    // An exception after the host said it started is not a startup exception.
    'hosting.started': 'against',
    'dotnet.unhandled-exception': 'supports',
    'dotnet.config-file-missing': 'strong',
    'dotnet.di-failure': 'strong',
    'dotnet.config-error': 'strong',
    'dotnet.key-vault-or-identity': 'strong',
    'sql.unreachable': 'supports',
    'sql.login-failed': 'supports',
    'ancm.main-exited': 'supports',
    'dotnet.exception': 'hints',
    'dotnet.assembly-load-failed': 'supports',
    'dotnet.dll-not-found': 'supports',
  },
  description:
    'Program.cs or a service it builds threw before Kestrel or the IIS server started (a missing settings file, a database that refuses the login, a service that cannot be resolved), so the process exited and ANCM answered 502.5 or 500.30.',
  match(evidence) {
    const thrown = startupExceptions(evidence);
    if (thrown.length === 0) return undefined;
    const ordered = [...thrown].sort((a, b) => PRIORITY.indexOf(a.id) - PRIORITY.indexOf(b.id));
    const main = ordered[0]!;
    const embedded = thrown.some((s) => eventHolding(s, evidence.events)?.family === 'ancm');
    const page = [findStatus(evidence, 502, 5), findStatus(evidence, 500, 30)].find(seen);
    const context = startupContext(evidence);

    let confidence: number;
    if (embedded) confidence = boosted(CONFIDENCE.strong, page?.direct === true ? 0.1 : 0.05);
    else if (context) confidence = boosted(CONFIDENCE.strong, page?.direct === true ? 0.05 : 0);
    else confidence = boosted(CONFIDENCE.likely, -0.1); // an exception in a log that never says "Application started"

    const candidates = signals(evidence, 'unhandled-exception').filter((s) => thrown.includes(s));
    // The exception that ended the process says more than the ones a logger printed on the way.
    const exception = candidates.find((s) => s.data.fatal === true) ?? candidates[0];
    const environment = signals(evidence, 'host-environment')[0]?.data.environment;
    return {
      confidence,
      evidence: refsOf([...ordered.map((s) => s.ref), ...(page?.refs.slice(0, 2) ?? [])], 8),
      facts: {
        kind: main.id,
        exceptionType: exception?.data.type,
        exceptionMessage: exception ? clip(exception.data.message) : undefined,
        file: main.id === 'config-file-missing' ? (main as Signal<'config-file-missing'>).data.file : undefined,
        service: main.id === 'di-resolution-failure' ? (main as Signal<'di-resolution-failure'>).data.service : undefined,
        sqlUser: main.id === 'sql-login-failed' ? (main as Signal<'sql-login-failed'>).data.user : undefined,
        sqlDetail: main.id === 'sql-connection-failure' ? clip((main as Signal<'sql-connection-failure'>).data.detail) : undefined,
        library: main.id === 'dll-not-found' ? (main as Signal<'dll-not-found'>).data.name : main.id === 'assembly-load-failure' ? (main as Signal<'assembly-load-failure'>).data.assembly : undefined,
        environment,
        pool: appPoolName(evidence),
      },
    };
  },
  steps({ facts, evidence }) {
    const steps: string[] = [];
    const args = aspNetCoreAttribute(evidence, 'arguments')?.value;
    const command = args !== undefined && args.toLowerCase().includes('.dll') ? `dotnet ${args}` : 'dotnet .\\YourApp.dll';
    if (facts.exceptionType !== undefined) {
      const message = facts.exceptionMessage !== undefined && facts.exceptionMessage.length > 0 ? `: ${quoteMessage(facts.exceptionMessage)}` : '';
      steps.push(`The process died on ${facts.exceptionType}${message}. Read the stack trace below it: the first frame in your own namespace (Program.<Main>$, Startup.ConfigureServices, a hosted service's StartAsync) is where startup broke.`);
    }
    switch (facts.kind) {
      case 'sql-login-failed': {
        const user = facts.sqlUser ?? 'the app pool identity';
        steps.push(`SQL Server refused the login of ${user}. With Integrated Security the app connects as the app pool identity (IIS APPPOOL\\<pool>), not as you: create a login for it in SQL Server (or for the machine account DOMAIN\\SERVER$ when SQL runs elsewhere) and map it to a database user with the roles it needs.`);
        break;
      }
      case 'config-file-missing': {
        const file = facts.file ?? 'the settings file';
        steps.push(`${file} is not where the app looks. Check that it was published (Copy to Output Directory / the publish profile), that the content root is the site folder, and that the app pool identity can read it (icacls <site folder>).`);
        break;
      }
      case 'di-resolution-failure': {
        const service = facts.service ?? 'a service';
        steps.push(`The DI container could not build ${service}: a registration is missing or depends on something registered only in Development (check environment-specific code in Program.cs).`);
        break;
      }
      case 'sql-connection-failure':
        steps.push(`The database was unreachable at startup${facts.sqlDetail !== undefined ? ` (${facts.sqlDetail})` : ''}. Test from the server: \`Test-NetConnection <sqlhost> -Port 1433\`, and check the connection string that the Production configuration really uses.`);
        break;
      case 'dll-not-found':
      case 'assembly-load-failure':
        steps.push(`A dependency${facts.library !== undefined ? ` (${facts.library})` : ''} is missing from the published folder or needs a native runtime (VC++ redistributable, runtimes\\win-x64\\native): publish again with a clean output folder and compare it with the build output.`);
        break;
      default:
        break;
    }
    const { environment } = facts;
    steps.push(`"Works with dotnet run, not on IIS": IIS runs with ASPNETCORE_ENVIRONMENT=${environment ?? 'Production'} (Production unless set), so appsettings.Development.json, user secrets and developer connection strings are not loaded. Compare appsettings.${environment ?? 'Production'}.json and the environmentVariables in web.config with what you use locally.`);
    const pool = facts.pool ?? '<pool>';
    steps.push(`Reproduce on the server in a console from the site folder (\`${command}\`), and remember IIS runs as IIS APPPOOL\\${pool}: files, certificates and databases you can reach as yourself may be denied to it.`);
    return steps;
  },
  fix({ facts }) {
    const kind = facts.kind;
    if (kind === 'sql-login-failed') {
      const user = facts.sqlUser ?? `IIS APPPOOL\\${facts.pool ?? 'YourPool'}`;
      return {
        summary: `Give ${user} a SQL login and database user, and do not let an optional database call at startup take the whole app down (run migrations from the deployment, not from Program.cs).`,
        snippet: `-- On the SQL Server (same machine as IIS; use DOMAIN\\SERVER$ for a remote one)\nCREATE LOGIN [${user}] FROM WINDOWS;\nUSE [YourDatabase];\nCREATE USER [${user}] FOR LOGIN [${user}];\nALTER ROLE db_datareader ADD MEMBER [${user}];\nALTER ROLE db_datawriter ADD MEMBER [${user}];`,
        language: 'text',
      };
    }
    if (kind === 'config-file-missing') {
      return {
        summary: `Publish ${facts.file ?? 'the missing settings file'} with the app (or make the environment-specific file optional), and keep required secrets in environment variables rather than files that may not be deployed.`,
        snippet: 'builder.Configuration\n    .AddJsonFile("appsettings.json", optional: false, reloadOnChange: true)\n    .AddJsonFile($"appsettings.{builder.Environment.EnvironmentName}.json", optional: true, reloadOnChange: true)\n    .AddEnvironmentVariables();',
        language: 'csharp',
      };
    }
    return {
      summary: 'Fix the exception that startup throws, and make startup resilient: log it before the process dies, and defer optional external connections (databases, caches, remote APIs) to first use instead of Program.cs.',
      snippet:
        'try\n{\n    var builder = WebApplication.CreateBuilder(args);\n    // Register clients here, but do not call the database or remote APIs yet:\n    // connect lazily on first use, or retry in a hosted service.\n    var app = builder.Build();\n    app.Run();\n}\ncatch (Exception ex)\n{\n    Console.Error.WriteLine($"Host terminated during startup: {ex}");\n    throw;\n}',
      language: 'csharp',
    };
  },
  wants: ['stdout-log', 'event-log', 'web-config'],
  references: [
    'https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis#app-startup-errors',
    'https://learn.microsoft.com/aspnet/core/fundamentals/environments',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/advanced#application-pool-identity',
  ],
});

/** A message cut to a readable length for steps. */
function clip(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}
