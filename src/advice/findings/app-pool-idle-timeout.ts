import { timespanSeconds } from '../../evidence/config-facts';
import { defineFinding } from './define-finding';
import { poolLabel } from './support';

export default defineFinding({
  id: 'app-pool-idle-timeout',
  severity: 'warning',
  on: 'app-pool',
  checks: 'The worker is never shut down for being idle, so no visitor waits for a cold start.',
  quotes: 'the idleTimeout attribute',
  find(pool) {
    const idle = pool.idleTimeout;
    const seconds = timespanSeconds(idle?.value);
    if (!idle || seconds === undefined || seconds === 0) return [];
    return [
      {
        line: idle.line,
        message: `${poolLabel(pool)} has idleTimeout="${idle.value}": after that much quiet the worker shuts down and the next visitor waits for a cold start (or gets a 502 while it starts). Recommended: idleTimeout="00:00:00" (never), with startMode="AlwaysRunning".`,
      },
    ];
  },
});
