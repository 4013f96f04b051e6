import { valueNamed } from '../../evidence/config-facts';
import { defineFinding } from './define-finding';

export default defineFinding({
  id: 'ancm-debug-log-enabled',
  severity: 'warning',
  on: 'web-config',
  checks: 'The ASP.NET Core Module debug log (handler setting debugLevel, or ASPNETCORE_MODULE_DEBUG) is off.',
  quotes: 'each setting that turns it on',
  find(config) {
    const element = config.aspNetCore;
    if (!element) return [];
    const settings = [valueNamed(element.handlerSettings, 'debugLevel'), valueNamed(element.environmentVariables, 'ASPNETCORE_MODULE_DEBUG')];
    return settings.flatMap((debug) => {
      if (!debug || debug.value.trim() === '') return [];
      return [
        {
          line: debug.line,
          message: `The ASP.NET Core Module debug log is on (${debug.name}="${debug.value}"). It writes on every request and its file grows without limit; remove the setting once the problem is found.`,
        },
      ];
    });
  },
});
