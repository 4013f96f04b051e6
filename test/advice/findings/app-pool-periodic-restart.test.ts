import appPoolPeriodicRestart from '../../../src/advice/findings/app-pool-periodic-restart';
import { pool, runFindingTests } from '../../helpers/finding-tester';

runFindingTests(appPoolPeriodicRestart, {
  valid: [
    { name: 'every 8 hours', text: pool({ restart: 'time="08:00:00" memory="0" privateMemory="0"' }), line: 5, mentions: ['08:00:00', 'time="00:00:00"'] },
  ],
  invalid: [
    { name: 'off', text: pool() },
    { name: 'more than a day', text: pool({ restart: 'time="1.05:00:00"' }) },
  ],
});
