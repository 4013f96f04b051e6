import { defineFinding } from './define-finding';
import { attributeOf } from './support';

/** The seed's shutdown limit; ANCM's default is 10 s. */
const SHUTDOWN_LIMIT_S = 20;
const ANCM_DEFAULT_S = 10;

export default defineFinding({
  id: 'shutdown-time-limit-low',
  severity: 'info',
  on: 'web-config',
  checks: `shutdownTimeLimit (default ${ANCM_DEFAULT_S} s) leaves at least ${SHUTDOWN_LIMIT_S} s for a graceful shutdown.`,
  quotes: 'the shutdownTimeLimit attribute, or the <aspNetCore> element without one',
  find(config) {
    const element = config.aspNetCore;
    if (!element) return [];
    const shutdown = attributeOf(config, 'shutdownTimeLimit');
    const seconds = shutdown ? Number(shutdown.value.trim()) : ANCM_DEFAULT_S;
    if (!Number.isFinite(seconds) || seconds >= SHUTDOWN_LIMIT_S) return [];
    return [
      {
        line: shutdown?.line ?? element.startLine,
        message: shutdown
          ? `${shutdown.name}="${shutdown.value}" leaves ${shutdown.value} s for a graceful shutdown; a worker still finishing requests is killed and those requests fail. Recommended: shutdownTimeLimit="20".`
          : `No shutdownTimeLimit is set, so ANCM allows the default 10 s for a graceful shutdown; a worker still finishing requests is killed after that. Recommended: shutdownTimeLimit="20".`,
      },
    ];
  },
});
