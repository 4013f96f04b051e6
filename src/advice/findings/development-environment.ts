import { valueNamed } from '../../evidence/config-facts';
import { defineFinding } from './define-finding';

/** The variables that name the environment, in the order ASP.NET Core reads them. */
const ENVIRONMENT_VARIABLES = ['ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT'];

export default defineFinding({
  id: 'development-environment',
  severity: 'warning',
  on: 'web-config',
  checks: 'The app does not run in the Development environment, which shows stack traces to visitors.',
  quotes: 'each environment variable set to Development',
  find(config) {
    const variables = config.aspNetCore?.environmentVariables;
    return ENVIRONMENT_VARIABLES.flatMap((name) => {
      const env = valueNamed(variables, name);
      if (!env || env.value.trim().toLowerCase() !== 'development') return [];
      return [
        {
          line: env.line,
          message: `The environment variable ${env.name}="${env.value}" runs the app in Development: the developer exception page shows stack traces to visitors and development-only settings apply. Remove it (the default is Production) or set the real environment name.`,
        },
      ];
    });
  },
});
