import { valueNamed } from '../../evidence/config-facts';
import { defineFinding } from './define-finding';
import { isTrue } from './support';

export default defineFinding({
  id: 'detailed-errors-enabled',
  severity: 'warning',
  on: 'web-config',
  checks: 'ASPNETCORE_DETAILEDERRORS is not left on: it shows startup exception details to anyone.',
  quotes: 'the ASPNETCORE_DETAILEDERRORS environment variable',
  find(config) {
    const detailed = valueNamed(config.aspNetCore?.environmentVariables, 'ASPNETCORE_DETAILEDERRORS');
    if (!detailed || !isTrue(detailed.value)) return [];
    return [
      {
        line: detailed.line,
        message: `The environment variable ${detailed.name}="${detailed.value}" shows startup exception details to anyone who hits the site. Useful while diagnosing; remove it afterwards.`,
      },
    ];
  },
});
