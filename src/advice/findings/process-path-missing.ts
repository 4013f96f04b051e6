import { defineFinding } from './define-finding';
import { attributeOf } from './support';

export default defineFinding({
  id: 'process-path-missing',
  severity: 'warning',
  on: 'web-config',
  checks: 'The <aspNetCore> element names the process to start (processPath).',
  quotes: 'the <aspNetCore> element',
  find(config) {
    const element = config.aspNetCore;
    if (!element || attributeOf(config, 'processPath')) return [];
    return [
      {
        line: element.startLine,
        message:
          'The <aspNetCore> element has no processPath. ANCM cannot start anything and fails with "Attribute \'processPath\' is required" (HTTP 500.0). Use processPath="dotnet" arguments=".\\YourApp.dll" for a framework-dependent app, or processPath=".\\YourApp.exe" for a self-contained one.',
      },
    ];
  },
});
