import { defineFinding } from './define-finding';

export default defineFinding({
  id: 'ancm-v1-module',
  severity: 'warning',
  on: 'web-config',
  checks: 'No handler uses the original ASP.NET Core Module (V1), which is no longer serviced.',
  quotes: 'each handler line with modules="AspNetCoreModule"',
  find(config) {
    return config.handlers
      .filter((handler) => handler.modules?.trim().toLowerCase() === 'aspnetcoremodule')
      .map((handler) => ({
        line: handler.line,
        message: `The handler${handler.name ? ` "${handler.name}"` : ''} uses modules="${handler.modules ?? ''}", the original ASP.NET Core Module (V1), which is no longer serviced and supports out-of-process hosting only. Use modules="AspNetCoreModuleV2" (installed by the current .NET Hosting Bundle).`,
      }));
  },
});
