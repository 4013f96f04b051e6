/** An IIS/ANCM configuration or installation problem whose exact setting is not visible yet. */
import { defineFamilyAnswer } from './family-answer';

export default defineFamilyAnswer({
  family: 'config-error',
  title: 'IIS or ANCM configuration keeps the app from being hosted',
  description: 'The evidence points at the hosting setup (web.config, the ASP.NET Core Module, the app pool) rather than the app itself, but not yet at the exact setting.',
  layer: 'iis',
  steps: [
    'Open the site in a browser on the server itself (detailed errors are shown locally): the page names the configuration file, the line and the error code (0x8007000d is an element IIS does not know, usually a missing hosting bundle).',
    'Check that the ASP.NET Core Hosting Bundle matching the app\'s .NET version is installed ("dotnet --list-runtimes", Programs and Features), and run "iisreset" after installing it.',
    'Check web.config: the handler must name AspNetCoreModuleV2, processPath must be "dotnet" (framework-dependent) or ".\\App.exe", arguments the app dll, hostingModel inprocess or outofprocess.',
    'Each in-process app needs its own application pool; an app pool may not mix in-process and out-of-process apps.',
  ],
  fix: { summary: 'Correct the setting the error page or event names (install or repair the hosting bundle, fix processPath/arguments, give the app its own pool), then recycle the pool.' },
  wants: ['error-page', 'web-config', 'event-log'],
  references: ['https://learn.microsoft.com/aspnet/core/host-and-deploy/azure-iis-errors-reference', 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/web-config'],
});
