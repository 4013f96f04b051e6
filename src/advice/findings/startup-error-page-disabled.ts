import { defineFinding } from './define-finding';
import { attributeOf, isTrue } from './support';

export default defineFinding({
  id: 'startup-error-page-disabled',
  severity: 'info',
  on: 'web-config',
  checks: "ANCM's own error page, which names the exact failure, is not replaced by the generic IIS page.",
  quotes: 'the disableStartUpErrorPage attribute',
  find(config) {
    const errorPage = attributeOf(config, 'disableStartUpErrorPage');
    if (!errorPage || !isTrue(errorPage.value)) return [];
    return [
      {
        line: errorPage.line,
        message: `${errorPage.name}="${errorPage.value}" replaces ANCM's error page (which names the exact failure, such as 502.5 or 500.30) with the generic IIS page. Fine in production if the event log is watched; set it to "false" while diagnosing.`,
      },
    ];
  },
});
