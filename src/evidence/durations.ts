/**
 * Durations said in words or numbers ("after 2 minutes", "more than 120 sec", "100s", "took
 * 30.5 s", "230 seconds", "120000 ms"): how long a request ran before a gateway gave up is often
 * the clue that tells one timeout from another, and people write it in prose. Each line is checked
 * with a literal pre-test first; the pattern itself is bounded.
 */

const UNITS: Record<string, number> = {
  ms: 1,
  msec: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  秒: 1000,
  分钟: 60_000,
  секунд: 1000,
  секунды: 1000,
  минут: 60_000,
  minutos: 60_000,
  segundos: 1000,
};

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10, thirty: 30, sixty: 60 };

/**
 * Units in other scripts, longest first where one starts another. They are joined into the patterns
 * below from strings rather than written in regex literals: the CLI bundle must be pure ASCII
 * (bin/load-bundle.js reads it as latin1), and esbuild escapes strings but not regex literals.
 */
const OTHER_SCRIPT_UNITS = ['秒', '分钟', 'секунды', 'секунд', 'минут'].join('|');

/** A number (digits or a small word) and a unit, the unit ending at a word boundary. */
const DURATION = new RegExp(
  `(?<![\\w.])(\\d{1,7}(?:[.,]\\d{1,3})?|one|two|three|four|five|ten|thirty|sixty)\\s{0,2}(milliseconds?|msec|ms|seconds?|secs?|sec|s|minutes?|mins?|min|hours?|hrs?|h|${OTHER_SCRIPT_UNITS}|minutos|segundos)(?![a-z])`,
  'gi',
);

/** Cheap test before the pattern: a digit or a number word, and something that may be a unit. */
const MAYBE = /\d|one|two|three|four|five|ten|thirty|sixty/i;
const UNIT_HINT = new RegExp(`ms|sec|s\\b|min|hour|hr|${OTHER_SCRIPT_UNITS}|segundos|minutos`, 'i');

/** Longer than any timeout a gateway has: beyond this a number is not a request duration. */
const MAX_MS = 48 * 3_600_000;

/** Every duration in the line, in milliseconds, in order. */
export function durationsIn(line: string): number[] {
  if (!MAYBE.test(line) || !UNIT_HINT.test(line)) return [];
  const out: number[] = [];
  for (const m of line.matchAll(DURATION)) {
    const raw = m[1]!.toLowerCase();
    const amount = NUMBER_WORDS[raw] ?? Number(raw.replace(',', '.'));
    const unit = UNITS[m[2]!.toLowerCase()];
    if (unit === undefined || !Number.isFinite(amount)) continue;
    // A bare "s" after a number is a duration only when it touches it ("100s", not "5 s of the file").
    if (m[2]!.toLowerCase() === 's' && /\s/.test(m[0]!)) continue;
    const ms = amount * unit;
    if (ms > 0 && ms <= MAX_MS) out.push(ms);
  }
  return out;
}
