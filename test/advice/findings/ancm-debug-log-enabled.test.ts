import ancmDebugLogEnabled from '../../../src/advice/findings/ancm-debug-log-enabled';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(ancmDebugLogEnabled, {
  valid: [
    { name: 'the debugLevel handler setting', text: webConfig(attributes({}), '      <handlerSettings>\n        <handlerSetting name="debugLevel" value="FILE,TRACE" />\n      </handlerSettings>'), line: 9, mentions: ['debugLevel="FILE,TRACE"'] },
    { name: 'ASPNETCORE_MODULE_DEBUG', text: webConfig(attributes({}), '      <environmentVariables>\n        <environmentVariable name="ASPNETCORE_MODULE_DEBUG" value="1" />\n      </environmentVariables>'), line: 9, mentions: ['ASPNETCORE_MODULE_DEBUG="1"'], count: 1 },
  ],
  invalid: [
    { name: 'another handler setting', text: webConfig(attributes({}), '      <handlerSettings>\n        <handlerSetting name="stackSize" value="0x200000" />\n      </handlerSettings>') },
    { name: 'an empty debugLevel', text: webConfig(attributes({}), '      <handlerSettings>\n        <handlerSetting name="debugLevel" value="" />\n      </handlerSettings>') },
  ],
});
