import startupErrorPageDisabled from '../../../src/advice/findings/startup-error-page-disabled';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(startupErrorPageDisabled, {
  valid: [
    { name: 'disableStartUpErrorPage="true"', text: webConfig(attributes({ disableStartUpErrorPage: 'true' })), line: 7, mentions: ['disableStartUpErrorPage="true"', '"false"'] },
  ],
  invalid: [
    { name: 'disableStartUpErrorPage="false"', text: webConfig(attributes({ disableStartUpErrorPage: 'false' })) },
    { name: 'no such attribute', text: webConfig(attributes({})) },
  ],
});
