import appPoolMemoryLimit from '../../../src/advice/findings/app-pool-memory-limit';
import { pool, runFindingTests } from '../../helpers/finding-tester';

runFindingTests(appPoolMemoryLimit, {
  valid: [
    { name: '768 MB of private bytes', text: pool({ restart: 'time="00:00:00" privateMemory="786432"' }), line: 5, mentions: ['786432 KB', '768 MB', '0 (off)'] },
    { name: 'both limits low', text: pool({ restart: 'time="00:00:00" memory="524288" privateMemory="786432"' }), line: 5, mentions: ['memory (virtual memory)'], count: 2 },
  ],
  invalid: [
    { name: 'no limit', text: pool() },
    { name: '4 GB', text: pool({ restart: 'time="00:00:00" privateMemory="4194304"' }) },
  ],
});
