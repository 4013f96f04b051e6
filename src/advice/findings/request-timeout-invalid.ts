import { defineFinding } from './define-finding';
import { REQUEST_TIMEOUT_MAX_S, requestTimeoutOf } from './support';

export default defineFinding({
  id: 'request-timeout-invalid',
  severity: 'warning',
  on: 'web-config',
  checks: 'An out-of-process requestTimeout is a timespan ANCM accepts (hh:mm:ss, at most 360:00:00).',
  quotes: 'the requestTimeout attribute',
  find(config) {
    const timeout = requestTimeoutOf(config);
    if (!timeout?.attribute || timeout.model !== 'outofprocess') return [];
    if (timeout.seconds !== undefined && timeout.seconds <= REQUEST_TIMEOUT_MAX_S) return [];
    const { name, value } = timeout.attribute;
    return [
      {
        line: timeout.line,
        message: `${name}="${value}" is not a timespan ANCM accepts (hh:mm:ss, at most 360:00:00); the configuration fails to load. Use a value such as requestTimeout="00:02:00".`,
      },
    ];
  },
});
