import { defineFinding } from './define-finding';
import { hostingModelOf } from './support';

export default defineFinding({
  id: 'out-of-process-hosting',
  severity: 'info',
  on: 'web-config',
  checks: 'The app is hosted in-process, with no second hop from IIS to Kestrel that can fail with 502.3.',
  quotes: 'the hostingModel attribute, or the <aspNetCore> element without one',
  find(config) {
    const element = config.aspNetCore;
    if (!element) return [];
    const model = hostingModelOf(config);
    if (model.value !== 'outofprocess') return [];
    return [
      {
        line: model.attribute?.line ?? element.startLine,
        message: `${model.attribute ? `hostingModel="${model.attribute.value}"` : 'No hostingModel attribute (which means out-of-process)'} runs the app behind a second hop from IIS to Kestrel, one more place for a 502.3 to come from. In-process (hostingModel="inprocess") is the default for current apps and is faster; keep out-of-process only for native AOT apps or IIS modules that need it.`,
      },
    ];
  },
});
