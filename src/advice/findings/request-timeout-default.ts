import { defineFinding } from './define-finding';
import { requestTimeoutOf } from './support';

export default defineFinding({
  id: 'request-timeout-default',
  severity: 'info',
  on: 'web-config',
  checks: 'Out-of-process hosting states its requestTimeout rather than relying on the 2-minute default.',
  quotes: 'the <aspNetCore> element',
  find(config) {
    const timeout = requestTimeoutOf(config);
    if (!timeout || timeout.model !== 'outofprocess' || timeout.attribute) return [];
    return [
      {
        line: timeout.line,
        message: `No requestTimeout is set, so ANCM waits the default 2 minutes (00:02:00) for Kestrel and then answers 502.3. Set requestTimeout="00:02:00" explicitly, or longer only if some requests legitimately run longer.`,
      },
    ];
  },
});
