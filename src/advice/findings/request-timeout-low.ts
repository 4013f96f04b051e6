import { defineFinding } from './define-finding';
import { validRequestTimeout } from './support';

/** Below this a slow database call or a cold start is enough to hit the timeout. */
const REQUEST_TIMEOUT_LOW_S = 30;

export default defineFinding({
  id: 'request-timeout-low',
  severity: 'info',
  on: 'web-config',
  checks: `An out-of-process requestTimeout is not below ${REQUEST_TIMEOUT_LOW_S} s.`,
  quotes: 'the requestTimeout attribute',
  find(config) {
    const timeout = validRequestTimeout(config);
    if (!timeout || timeout.seconds >= REQUEST_TIMEOUT_LOW_S) return [];
    const { name, value } = timeout.attribute;
    return [
      {
        line: timeout.line,
        message: `${name}="${value}" cuts every request off after ${timeout.seconds} s with a 502.3 (ERROR_WINHTTP_TIMEOUT); a slow database call or a cold start is enough to hit it. The default is requestTimeout="00:02:00".`,
      },
    ];
  },
});
