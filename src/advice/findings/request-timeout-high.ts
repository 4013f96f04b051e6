import { defineFinding } from './define-finding';
import { validRequestTimeout } from './support';

/** Above this, the proxies in front give up long before ANCM does and hung requests pile up. */
const REQUEST_TIMEOUT_HIGH_S = 20 * 60;

export default defineFinding({
  id: 'request-timeout-high',
  severity: 'info',
  on: 'web-config',
  checks: `An out-of-process requestTimeout is not above ${REQUEST_TIMEOUT_HIGH_S / 60} minutes.`,
  quotes: 'the requestTimeout attribute',
  find(config) {
    const timeout = validRequestTimeout(config);
    if (!timeout || timeout.seconds <= REQUEST_TIMEOUT_HIGH_S) return [];
    const { name, value } = timeout.attribute;
    return [
      {
        line: timeout.line,
        message: `${name}="${value}" lets a request hold a connection for ${Math.round(timeout.seconds / 60)} minutes; proxies in front (Cloudflare waits about 100-120 s, an AWS ALB 60 s by default) give up long before, and hung requests pile up. Keep requestTimeout near "00:02:00" and move long work to a background job.`,
      },
    ];
  },
});
