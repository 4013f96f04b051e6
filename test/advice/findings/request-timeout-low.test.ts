import requestTimeoutLow from '../../../src/advice/findings/request-timeout-low';
import { attributes, runFindingTests, webConfig } from '../../helpers/finding-tester';

runFindingTests(requestTimeoutLow, {
  valid: [
    { name: '15 seconds', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:00:15' })), line: 7, mentions: ['requestTimeout="00:00:15"', '15 s', 'requestTimeout="00:02:00"'] },
    // Shorter than the 2-minute default, even if not absurdly short (issue 9).
    { name: 'exactly 30 seconds', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:00:30' })), line: 7, mentions: ['requestTimeout="00:00:30"', '30 s', '2-minute default', 'requestTimeout="00:02:00"'] },
    { name: 'one minute', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:01:00' })), line: 7, mentions: ['requestTimeout="00:01:00"', '60 s (1 min)', '2-minute default'] },
    { name: '119 seconds', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:01:59' })), line: 7, mentions: ['119 s (1 min 59 s)'] },
    { name: 'plain seconds below the default', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '90' })), line: 7, mentions: ['requestTimeout="90"', '90 s (1 min 30 s)'] },
    { name: 'no hostingModel (out-of-process by default)', text: webConfig(attributes({ hostingModel: undefined, requestTimeout: '00:01:00' })), line: 7 },
  ],
  invalid: [
    { name: 'the default 2 minutes', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:02:00' })) },
    { name: 'longer than the default', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '00:05:00' })) },
    { name: 'no requestTimeout (the default applies)', text: webConfig(attributes({ hostingModel: 'outofprocess' })) },
    { name: '15 seconds in-process', text: webConfig(attributes({ requestTimeout: '00:00:15' })) },
    { name: 'one minute in-process', text: webConfig(attributes({ requestTimeout: '00:01:00' })) },
    { name: 'a value that is not a timespan', text: webConfig(attributes({ hostingModel: 'outofprocess', requestTimeout: '15s' })) },
  ],
});
