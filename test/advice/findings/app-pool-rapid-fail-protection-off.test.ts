import appPoolRapidFailProtectionOff from '../../../src/advice/findings/app-pool-rapid-fail-protection-off';
import { pool, runFindingTests } from '../../helpers/finding-tester';

runFindingTests(appPoolRapidFailProtectionOff, {
  valid: [
    { name: 'rapidFailProtection="false"', text: pool({ failure: 'rapidFailProtection="false"' }), line: 7, mentions: ['rapidFailProtection="false"', 'rapidFailProtection="true"'] },
  ],
  invalid: [
    { name: 'on', text: pool() },
    { name: 'not said', text: pool({ failure: 'rapidFailProtectionMaxCrashes="5"' }) },
  ],
});
