import { defineFinding } from './define-finding';
import { validRequestTimeout } from './support';

/** ANCM's default requestTimeout (00:02:00): anything shorter cuts off requests the default lets finish. */
const REQUEST_TIMEOUT_DEFAULT_S = 120;

/** Below this a slow database call or a cold start is enough to hit the timeout. */
const REQUEST_TIMEOUT_VERY_LOW_S = 30;

/** A duration as people say it: `45 s`, `90 s (1 min 30 s)`. */
function spoken(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `${seconds} s (${minutes} min${rest ? ` ${rest} s` : ''})`;
}

export default defineFinding({
  id: 'request-timeout-low',
  severity: 'info',
  on: 'web-config',
  checks: `An out-of-process requestTimeout is not shorter than ANCM's 2-minute default (${REQUEST_TIMEOUT_DEFAULT_S} s).`,
  quotes: 'the requestTimeout attribute',
  find(config) {
    const timeout = validRequestTimeout(config);
    if (!timeout || timeout.seconds >= REQUEST_TIMEOUT_DEFAULT_S) return [];
    const { name, value } = timeout.attribute;
    const risk =
      timeout.seconds < REQUEST_TIMEOUT_VERY_LOW_S
        ? 'a slow database call or a cold start is enough to hit it'
        : 'a request the default would let finish (a report, an upload, a slow first call after a deploy) fails instead';
    return [
      {
        line: timeout.line,
        message: `${name}="${value}" is shorter than ANCM's 2-minute default: it cuts every request off after ${spoken(timeout.seconds)} with a 502.3 (ERROR_WINHTTP_TIMEOUT), and ${risk}. The default is requestTimeout="00:02:00"; go below it only on purpose.`,
      },
    ];
  },
});
