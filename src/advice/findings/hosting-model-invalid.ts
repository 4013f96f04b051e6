import { defineFinding } from './define-finding';
import { hostingModelOf } from './support';

export default defineFinding({
  id: 'hosting-model-invalid',
  severity: 'warning',
  on: 'web-config',
  checks: 'hostingModel is one ANCM knows: inprocess or outofprocess.',
  quotes: 'the hostingModel attribute',
  find(config) {
    if (!config.aspNetCore) return [];
    const model = hostingModelOf(config);
    if (model.value !== 'invalid' || !model.attribute) return [];
    return [
      {
        line: model.attribute.line,
        message: `hostingModel="${model.attribute.value}" is not a hosting model ANCM knows; it fails to load the configuration (event 1034) and answers HTTP 500.0. Use hostingModel="inprocess" or hostingModel="outofprocess".`,
      },
    ];
  },
});
