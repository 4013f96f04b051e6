/** The text `/diag502 help` (or an empty `/diag502`) answers with. */
export const USAGE = [
  '*diag502* diagnoses HTTP 502 Bad Gateway errors from what you paste.',
  '',
  '*Usage*',
  '• `/diag502 <evidence>`: paste IIS log lines, an error page, Event Viewer text, response headers or a web.config; the diagnosis is posted here and the team can follow up in its thread.',
  '• `/diag502 private <evidence>`: the diagnosis is shown only to you.',
  '• `/diag502 memory`: what the team confirmed or marked wrong before, with ids; `/diag502 forget <id>` removes one (both answered only to you).',
  '• `/diag502 help`: this message.',
  '',
  '*Examples*',
  '• `/diag502 HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure`',
  '• `/diag502 2026-11-20 10:15:02 10.0.0.5 GET /api/orders - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12029 30012`',
  '• `/diag502 private <paste of web.config>`',
  '',
  'In a thread, mention @diag502 or use the message shortcut "Diagnose 502" (slash commands do not work in threads). Values that look like secrets (passwords, keys, tokens, connection strings) are masked before anything is stored or shown; check what you paste all the same.',
].join('\n');
