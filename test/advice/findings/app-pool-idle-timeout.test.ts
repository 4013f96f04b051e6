import appPoolIdleTimeout from '../../../src/advice/findings/app-pool-idle-timeout';
import { pool, runFindingTests } from '../../helpers/finding-tester';

runFindingTests(appPoolIdleTimeout, {
  valid: [
    { name: 'the 20-minute default', text: pool({ idleTimeout: '00:20:00' }), line: 3, mentions: ['idleTimeout="00:20:00"', 'idleTimeout="00:00:00"'] },
  ],
  invalid: [
    { name: 'never', text: pool() },
    { name: 'a value that is not a timespan', text: pool({ idleTimeout: 'never' }) },
  ],
});
