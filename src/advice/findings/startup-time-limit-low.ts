import { defineFinding } from './define-finding';
import { attributeOf } from './support';

/** The seed's startup limit, and ANCM's default. */
const STARTUP_LIMIT_S = 120;

export default defineFinding({
  id: 'startup-time-limit-low',
  severity: 'info',
  on: 'web-config',
  checks: `startupTimeLimit gives the app at least ${STARTUP_LIMIT_S} s to start.`,
  quotes: 'the startupTimeLimit attribute',
  find(config) {
    const startup = attributeOf(config, 'startupTimeLimit');
    const seconds = startup ? Number(startup.value.trim()) : undefined;
    if (!startup || seconds === undefined || !Number.isFinite(seconds) || seconds >= STARTUP_LIMIT_S) return [];
    return [
      {
        line: startup.line,
        message: `${startup.name}="${startup.value}" gives the app ${startup.value} s to start; an app that runs migrations or warms caches at startup can exceed that and fail with 502.5 / 500.37. The default and recommended value is startupTimeLimit="120".`,
      },
    ];
  },
});
