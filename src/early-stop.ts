/**
 * Imported first by main.ts, before the modules that take a while to load: until a mode takes over
 * its own stopping, SIGTERM or SIGINT end the process at once and cleanly (exit 0). Nothing is in
 * flight yet; anything already accepted is in the store and is resumed at the next start. Without
 * this, a stop during start-up (a rolling deploy, a crash loop being stopped) would kill the
 * process by signal before the bot had a handler.
 */
function stopWhileStarting(signal: NodeJS.Signals): void {
  process.stderr.write(`diag502: ${signal} received while starting; stopped\n`);
  process.exit(0);
}

process.once('SIGTERM', stopWhileStarting);
process.once('SIGINT', stopWhileStarting);

/** Called by the mode that now handles stopping itself (the bot's graceful stop, the console's Ctrl-C). */
export function takeOverStopping(): void {
  process.removeListener('SIGTERM', stopWhileStarting);
  process.removeListener('SIGINT', stopWhileStarting);
}
