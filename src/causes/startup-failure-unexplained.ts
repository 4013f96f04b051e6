/** A startup failure whose reason the evidence does not show yet. */
import { defineFamilyAnswer } from './family-answer';

export default defineFamilyAnswer({
  family: 'startup-failure',
  title: 'The app failed to start; the reason is not visible yet',
  description: 'The evidence says the app never came up (502.5, 500.30, a failed start event), but not why. The reason is in what the app wrote while it started: the stdout log or the event that carries it.',
  layer: 'app',
  steps: [
    'Run the app by hand on the server, from its folder, as the app pool would: "dotnet .\\YourApp.dll" (or ".\\YourApp.exe"). The exception it prints is usually the whole answer.',
    'Turn stdout logging on for one start: stdoutLogEnabled="true" stdoutLogFile=".\\logs\\stdout" in web.config, create the logs folder, grant the app pool identity (IIS AppPool\\<pool>) write access, reproduce, read logs\\stdout_*.log, then turn it off again.',
    'Read Event Viewer > Windows Logs > Application, source "IIS AspNetCore Module V2": events 1000, 1010, 1020, 1035 carry the error code and up to 30 KB of the app\'s output.',
    'Check the usual suspects: the .NET runtime the app targets is installed ("dotnet --list-runtimes"), appsettings.json and connection strings are deployed, the database and Key Vault are reachable from the server.',
  ],
  fix: { summary: 'Find the startup exception first (stdout log or event 1020/1035), then fix what it names; paste it here to confirm the cause.' },
  wants: ['stdout-log', 'event-log', 'web-config'],
  references: ['https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis', 'https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference'],
});
