/**
 * The bot's log: one line per entry on stderr, through the redaction guard (a log is an exit like
 * any other: Bolt's own messages and Slack's error payloads can quote what people pasted). Bolt
 * and its receivers get this logger too, so nothing logs around it.
 */
import { LogLevel, type Logger } from '@slack/bolt';
import { guardText } from '../evidence/guard';

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

function line(parts: unknown[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p)))
    .join(' ')
    .replace(/\r?\n/g, ' | ');
}

export class GuardedLogger implements Logger {
  private level: LogLevel;
  private name = 'diag502';

  constructor(
    level: LogLevel = LogLevel.INFO,
    private readonly write: (text: string) => void = (text) => process.stderr.write(text),
  ) {
    this.level = level;
  }

  debug(...msg: unknown[]): void {
    this.log(LogLevel.DEBUG, msg);
  }
  info(...msg: unknown[]): void {
    this.log(LogLevel.INFO, msg);
  }
  warn(...msg: unknown[]): void {
    this.log(LogLevel.WARN, msg);
  }
  error(...msg: unknown[]): void {
    this.log(LogLevel.ERROR, msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.name = name;
  }

  private log(level: LogLevel, msg: unknown[]): void {
    if (ORDER[level] < ORDER[this.level]) return;
    this.write(`[${level.toUpperCase()}] ${this.name} ${guardText(line(msg))}\n`);
  }
}
