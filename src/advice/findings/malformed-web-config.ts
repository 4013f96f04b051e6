import { defineFinding } from './define-finding';

export default defineFinding({
  id: 'malformed-web-config',
  severity: 'error',
  on: 'web-config',
  checks: 'The pasted web.config parses as XML. A partial paste (cut off inside an element) is not a broken file; anything else that fails to parse is.',
  quotes: 'the line where the XML stops being well-formed',
  find(config) {
    if (config.wellFormed || config.cutOff || !config.error) return [];
    const { line, column, message } = config.error;
    return [
      {
        line,
        message: `The web.config is not well-formed XML at line ${line}, column ${column}: ${message} IIS cannot read such a file and answers every request with HTTP 500.19 until it is fixed.`,
      },
    ];
  },
});
