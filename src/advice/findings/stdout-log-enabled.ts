import { defineFinding } from './define-finding';
import { attributeOf, isTrue } from './support';

export default defineFinding({
  id: 'stdout-log-enabled',
  severity: 'warning',
  on: 'web-config',
  checks: 'The stdout log is not left on: it is never rotated and slows every request.',
  quotes: 'the stdoutLogEnabled attribute',
  find(config) {
    const stdout = attributeOf(config, 'stdoutLogEnabled');
    if (!stdout || !isTrue(stdout.value)) return [];
    return [
      {
        line: stdout.line,
        message: `${stdout.name}="${stdout.value}" is left on. The stdout log is never rotated, grows until the disk is full and adds work to every request; turn it off once the startup problem is diagnosed (${stdout.name}="false").`,
      },
    ];
  },
});
