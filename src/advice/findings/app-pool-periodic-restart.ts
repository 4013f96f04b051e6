import { timespanSeconds } from '../../evidence/config-facts';
import { defineFinding } from './define-finding';
import { poolLabel } from './support';

const DAY_S = 86_400;

export default defineFinding({
  id: 'app-pool-periodic-restart',
  severity: 'warning',
  on: 'app-pool',
  checks: 'The pool is not recycled on a timer shorter than a day (during business hours).',
  quotes: 'the periodicRestart time attribute',
  find(pool) {
    const restart = pool.periodicRestartTime;
    const seconds = timespanSeconds(restart?.value);
    if (!restart || seconds === undefined || seconds <= 0 || seconds >= DAY_S) return [];
    return [
      {
        line: restart.line,
        message: `${poolLabel(pool)} recycles every ${restart.value} (periodicRestart time), during business hours; requests in flight at each recycle can fail. Use time="00:00:00" (off) or at least a day, or a fixed off-peak <schedule> time.`,
      },
    ];
  },
});
