import appPool32Bit from '../../../src/advice/findings/app-pool-32-bit';
import { pool, runFindingTests } from '../../helpers/finding-tester';

runFindingTests(appPool32Bit, {
  valid: [
    { name: 'a 32-bit worker', text: pool({ add: 'managedRuntimeVersion="" enable32BitAppOnWin64="true"' }), line: 2, mentions: ['enable32BitAppOnWin64="true"', 'win-x86'] },
  ],
  invalid: [
    { name: 'a 64-bit worker', text: pool({ add: 'managedRuntimeVersion="" enable32BitAppOnWin64="false"' }) },
  ],
});
