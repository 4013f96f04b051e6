import { defineFinding } from './define-finding';
import { requestTimeoutOf } from './support';

export default defineFinding({
  id: 'request-timeout-ignored-in-process',
  severity: 'info',
  on: 'web-config',
  checks: 'requestTimeout is not set where it does nothing: in-process hosting ignores it.',
  quotes: 'the requestTimeout attribute',
  find(config) {
    const timeout = requestTimeoutOf(config);
    if (!timeout?.attribute || timeout.model !== 'inprocess') return [];
    const { name, value } = timeout.attribute;
    return [
      {
        line: timeout.line,
        message: `${name}="${value}" has no effect in-process: ANCM only applies it to the IIS-to-Kestrel hop of out-of-process hosting. Long requests in-process are limited by the client, proxies and the app itself.`,
      },
    ];
  },
});
