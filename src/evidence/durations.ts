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
  minuten: 60_000,
  sekunden: 1000,
  secondes: 1000,
  minuti: 60_000,
  secondi: 1000,
};

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10, thirty: 30, sixty: 60 };

/**
 * Chinese numerals as people write a short wait ("两分钟", "三十秒", "一百秒"): in Chinese the
 * number is a word too, and it touches its unit.
 */
const CJK_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 十: 10, 二十: 20, 三十: 30, 四十: 40, 五十: 50, 六十: 60, 九十: 90, 一百: 100, 一百二十: 120 };
/** The same, for the patterns: longest first, joined from strings (see OTHER_SCRIPT_UNITS). */
const CJK_NUMBER_WORDS = Object.keys(CJK_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Units in other scripts, longest first where one starts another. They are joined into the patterns
 * below from strings rather than written in regex literals: the CLI bundle must be pure ASCII
 * (bin/load-bundle.js reads it as latin1), and esbuild escapes strings but not regex literals.
 */
const OTHER_SCRIPT_UNITS = ['秒', '分钟', 'секунды', 'секунд', 'минут'].join('|');

/** A number (digits or a small word) and a unit, the unit ending at a word boundary. */
const DURATION = new RegExp(
  `(?<![\\w.])(\\d{1,7}(?:[.,]\\d{1,3})?|one|two|three|four|five|ten|thirty|sixty|${CJK_NUMBER_WORDS})\\s{0,2}(milliseconds?|msec|ms|seconds?|secs?|sec|s|minutes?|mins?|min|hours?|hrs?|h|${OTHER_SCRIPT_UNITS}|minutos|segundos|minuten|sekunden|secondes|minuti|secondi)(?![a-z])`,
  'gi',
);

/**
 * Cheap test before the pattern: the end of a number (a digit or a number word) and, at most two
 * spaces on, the first letter of a unit (every unit above starts with m, s, h, 秒, 分, с or м).
 * DURATION is large and case-insensitive, so V8 takes about a millisecond to compile it; most
 * lines never need it.
 */
const NUMBER_THEN_UNIT = new RegExp(`(?:\\d|one|two|three|four|five|ten|thirty|sixty|${CJK_NUMBER_WORDS})\\s{0,2}(?:[msh]|${['秒', '分', 'с', 'м', 'С', 'М'].join('|')})`, 'i');

/** Words that put a time after them: "after 500s", "took 400s", "timeout=500s" reads as a time; "lots of 504s" does not. */
const TIME_LEAD = /(?:\b(?:after|took|takes|taking|for|in|than|about|around|over|under|within)|~|=|:)\s{0,2}$/i;

/** Longer than any timeout a gateway has: beyond this a number is not a request duration. */
const MAX_MS = 48 * 3_600_000;

/**
 * Waits written in .NET code, as people paste their repro: `TimeSpan.FromMinutes(5)`,
 * `Task.Delay(300000)`, `Thread.Sleep(130_000)` (the last two in milliseconds).
 */
const CODE_SPAN = /\bFrom(Milliseconds|Seconds|Minutes|Hours)\(\s{0,2}(\d{1,7}(?:\.\d{1,3})?)\s{0,2}\)/g;
const CODE_WAIT = /\b(?:Task\.Delay|Thread\.Sleep)\(\s{0,2}(\d{1,3}(?:_?\d{3}){0,3})\s{0,2}[,)]/g;
const SPAN_UNITS: Record<string, number> = { Milliseconds: 1, Seconds: 1000, Minutes: 60_000, Hours: 3_600_000 };

/**
 * A time-taken field of a gateway's log without a unit: Application Gateway's `timeTaken`
 * (JSON, or `timeTaken_d` in Log Analytics) is in seconds with a fraction (`20.004`); IIS's and
 * FREB's `time-taken`/`timeTaken` are whole milliseconds. The fraction tells them apart.
 */
const TIME_FIELD = /\btime[_-]?taken(?:_[a-z])?["']?[\s:=|,"']{1,5}(\d{1,7})(?:\.(\d{1,6}))?(?![\w.])/gi;

function codeAndFieldDurations(line: string, out: number[]): void {
  if (line.includes('From') || line.includes('Delay') || line.includes('Sleep')) {
    for (const m of line.matchAll(CODE_SPAN)) out.push(Number(m[2]) * SPAN_UNITS[m[1]!]!);
    for (const m of line.matchAll(CODE_WAIT)) out.push(Number(m[1]!.replaceAll('_', '')));
  }
  if (/time[_-]?taken/i.test(line)) {
    for (const m of line.matchAll(TIME_FIELD)) out.push(m[2] === undefined ? Number(m[1]) : Number(`${m[1]}.${m[2]}`) * 1000);
  }
}

/** Every duration in the line, in milliseconds: waits in code and time-taken fields first, then the others in line order. */
export function durationsIn(line: string): number[] {
  const out: number[] = [];
  codeAndFieldDurations(line, out);
  if (!NUMBER_THEN_UNIT.test(line)) return within(out);
  for (const m of line.matchAll(DURATION)) {
    const raw = m[1]!.toLowerCase();
    const amount = NUMBER_WORDS[raw] ?? CJK_NUMBERS[raw] ?? Number(raw.replace(',', '.'));
    const unit = UNITS[m[2]!.toLowerCase()];
    if (unit === undefined || !Number.isFinite(amount)) continue;
    // A bare "s" after a number is a duration when it touches it ("100s"), or when a word before
    // the number asks for a time ("after 120 s", "took 30.5 s"); not in "5 s of the file".
    const lead = line.slice(Math.max(0, m.index - 12), m.index);
    if (m[2]!.toLowerCase() === 's' && /\s/.test(m[0]!) && !TIME_LEAD.test(lead)) continue;
    // "we get random 502s": the plural of a status, unless a word before it asks for a time ("after 500s").
    if (m[2] === 's' && /^[45]\d\d$/.test(raw) && !TIME_LEAD.test(lead)) continue;
    out.push(amount * unit);
  }
  return within(out);
}

/** The durations a request can have run: more than nothing, at most MAX_MS. */
function within(durations: number[]): number[] {
  return durations.filter((ms) => ms > 0 && ms <= MAX_MS);
}
