/**
 * `diag502 [FILE...]`: diagnoses log files, event exports, configs or stdin, as text, Markdown or
 * JSON. With `--memory PATH` it also recalls (and with `--confirm`/`--wrong` records) the team's
 * memory in that file; `diag502 memory` and `diag502 forget ID` list and change it. Files are streamed chunk by chunk into the evidence collector, so a 130 MB W3C log is read
 * with memory that does not grow with the file.
 *
 * Exit codes: 0 a cause was found, 1 no 502 evidence was recognized, 2 usage or read error.
 *
 * `diag502 rules check DIR`: runs every house rule of DIR on its sample lines and reports.
 * Exit codes: 0 all samples pass, 1 a sample failed, 2 a rule file is invalid (or usage).
 */
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs, TextDecoder } from 'node:util';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import { EvidenceCollector, looksBinary } from './evidence/collector';
import { EVIDENCE_KINDS, KINDS } from './evidence/kinds';
import { diagnoseEvidence, houseOptions } from './diagnose';
import type { HouseRule } from './evidence/house';
import type * as RulesLoader from './rules/load';
import { renderText } from './render/text';
import { renderMarkdown } from './render/markdown';
import { userInfo } from 'node:os';
import type { Diagnosis } from './contract';
import { chartFormatOf, type ChartFormat } from './chart/format';
import type * as ChartRender from './chart/render';

/**
 * The house rule loader (zod and a YAML parser) is loaded only when rules are asked for, so a
 * plain diagnosis starts as fast as before.
 */
function rulesLoader(): typeof RulesLoader {
  // A plain require: the CLI is CommonJS, and jest runs it in-process without ESM loading.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./rules/load') as typeof RulesLoader;
}
import type { Recalled } from './conversation/replies';
import { FileMemory, MemoryFileError } from './conversation/store/file-memory';
import { LOCAL_TEAM, memoryEntryOf, recallFor } from './conversation/memory';
import { cleanText } from './evidence/clean-text';
import { forgotText, memoryLines, memoryListText } from './render/reply-text';

export const EXIT = { found: 0, nothing: 1, usage: 2 } as const;

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** One line per evidence kind, from the kinds registry: what it is and a line that announces it. */
function kindsHelp(): string {
  const width = Math.max(...EVIDENCE_KINDS.map((k) => k.length));
  return EVIDENCE_KINDS.map((k) => {
    const sample = KINDS[k].sample;
    return `  ${k.padEnd(width)}  ${KINDS[k].label}, e.g.\n  ${' '.repeat(width)}    ${sample.length > 88 ? `${sample.slice(0, 85)}...` : sample}`;
  }).join('\n');
}

export const USAGE = `Usage: diag502 [options] [FILE...]
       diag502 memory --memory PATH       list the team's memory
       diag502 forget ID --memory PATH    remove one entry from it

Diagnoses HTTP 502 Bad Gateway failures of ASP.NET Core apps (IIS/ANCM, ARR, nginx,
Cloudflare, AWS ALB, Azure Application Gateway / Front Door) from the evidence you have:
IIS W3C logs, ANCM stdout logs, Event Viewer text, FREB traces, response headers,
error pages, web.config. Reads stdin when no FILE is given or FILE is "-".

Options:
  -f, --format <text|markdown|json>  output format (default: text)
      --json                         same as --format json
      --rules <DIR>                  also use your team's house rules (*.yaml, *.yml,
                                     *.json in DIR); they are checked before use
  -v, --verbose                      show every evidence line
      --chart <FILE.png|FILE.svg>    also draw the timeline (requests per minute by status,
                                     p95 time-taken, dated events) to FILE; PNG or SVG by
                                     its extension
      --memory PATH                  the team's memory file (JSON; created on first use): an
                                     incident confirmed before is said first ("Seen before")
      --confirm "WHAT FIXED IT"      with --memory: remember this diagnosis as confirmed
      --wrong                        with --memory: remember this diagnosis as wrong
  -h, --help                         show this help
  -V, --version                      show the version

Evidence it reads (in any mix, in one file or many; Slack escaping, Markdown fences
and prose around the lines are fine):
${kindsHelp()}

Exit codes: 0 a cause was found, 1 no 502 evidence recognized, 2 usage or read error.
(memory: 0; forget: 0 forgotten, 1 no such entry; 2 when the memory file cannot be used.)
Memory entries are forgotten MEMORY_TTL_DAYS (default 180) after they were last recorded.
A file named "memory" or "forget" is read as evidence when written ./memory.

House rules:
  diag502 rules check DIR   run every rule of DIR on its sample lines and report
                            (exit 0 all pass, 1 a sample failed, 2 an invalid file)

Examples:
  diag502 u_ex261120.log web.config
  curl -sv https://example.com/api 2>&1 | diag502
  diag502 --chart incident.png u_ex261120.log app-events.txt
  diag502 --json C:\\inetpub\\logs\\LogFiles\\W3SVC1\\u_ex261120.log > diagnosis.json
  diag502 --rules ./rules f5.log u_ex261120.log
`;

interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

class UsageError extends Error {}

interface CliOptions {
  format: Format;
  verbose: boolean;
  files: string[];
  rules?: string;
  /** Where to draw the timeline chart, and in which format. */
  chart?: { path: string; format: ChartFormat };
  help: boolean;
  version: boolean;
  memory?: string;
  confirm?: string;
  wrong: boolean;
  /** `diag502 memory` or `diag502 forget ID`. */
  action?: { name: 'memory' } | { name: 'forget'; id: string };
}

function parseOptions(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        json: { type: 'boolean' },
        rules: { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        chart: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
        memory: { type: 'string' },
        confirm: { type: 'string' },
        wrong: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(optionError(error as NodeJS.ErrnoException));
  }
  const { values, positionals } = parsed;
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}". Use one of: ${FORMATS.join(', ')}.`);
  }
  let chart: CliOptions['chart'];
  if (values.chart !== undefined) {
    const chartFormat = chartFormatOf(values.chart);
    if (!chartFormat) throw new UsageError(`--chart draws PNG or SVG, chosen by the file's extension: "${values.chart}" ends in neither (use e.g. --chart incident.png).`);
    chart = { path: values.chart, format: chartFormat };
  }
  const options: CliOptions = {
    format: format as Format,
    verbose: values.verbose ?? false,
    files: positionals,
    ...(values.rules === undefined ? {} : { rules: values.rules }),
    ...(chart ? { chart } : {}),
    help: values.help ?? false,
    version: values.version ?? false,
    wrong: values.wrong ?? false,
  };
  if (values.memory !== undefined) {
    if (values.memory.trim() === '') throw new UsageError('--memory needs the path of a memory file.');
    options.memory = values.memory;
  }
  if (values.confirm !== undefined) options.confirm = values.confirm;
  if ((options.confirm !== undefined || options.wrong) && !options.memory) throw new UsageError('--confirm and --wrong record in the team\'s memory: add --memory PATH.');
  if (options.confirm !== undefined && options.wrong) throw new UsageError('--confirm and --wrong contradict each other: give one.');
  const [first, ...rest] = positionals;
  if (first === 'memory' || first === 'forget') {
    if (!options.memory) throw new UsageError(`"${first}" works on a memory file: add --memory PATH (a file named ${first} is read as ./${first}).`);
    if (first === 'memory' && rest.length === 0) options.action = { name: 'memory' };
    else if (first === 'forget' && rest.length === 1 && /^[0-9a-f]{8}$/i.test(rest[0]!)) options.action = { name: 'forget', id: rest[0]!.toLowerCase() };
    else throw new UsageError(first === 'memory' ? '"memory" takes no other argument.' : '"forget" takes one entry id (8 hex characters, as "diag502 memory" lists them).');
  }
  return options;
}

/** parseArgs' errors in the product's words (its own name the internals and suggest `--`). */
function optionError(error: NodeJS.ErrnoException): string {
  const option = /'(?:-\w, )?(-{1,2}[\w-]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}. Run "diag502 --help" to see the options; a file whose name starts with "-" goes after "--".`.replace('option .', 'option.');
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (option === '--rules') return '--rules needs a value (the folder of your house rule files).';
      if (option === '--chart') return '--chart needs a file name ending in .png or .svg.';
      return option === '--format' || option === '-f' || option === undefined
        ? `${option ?? 'an option'} needs a value (--format text, markdown or json).`
        : `${option} needs a value.`;
    default:
      return `${error.message.split('\n')[0]}. Run "diag502 --help" to see the options.`;
  }
}

/** What the first bytes of a file say about how to read it. */
type Sniffed = 'empty' | 'binary' | 'utf-16le' | 'utf-16be' | 'text';

/**
 * Windows PowerShell 5 writes `>` redirects (Get-WinEvent | Format-List > events.txt) in UTF-16
 * with a byte-order mark: text, not a binary file. Anything else with NUL or many control bytes is
 * binary (a .evtx export, a zip, an image).
 */
function sniff(path: string): Sniffed {
  const head = Buffer.alloc(8192);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n === 0) return 'empty';
  if (n >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (n >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return looksBinary(head.subarray(0, n).toString('latin1')) ? 'binary' : 'text';
}

/**
 * Bytes to text for one input. Logs are nearly always pure ASCII, and for ASCII bytes latin1
 * decoding gives the same text as UTF-8 at a fraction of the cost; a chunk with other bytes goes
 * through a UTF-8 decoder that keeps characters split across chunks whole.
 */
class ChunkDecoder {
  private readonly utf8 = new StringDecoder('utf8');
  private pending = false;
  /** Set for UTF-16 files: every chunk goes through it (it keeps split characters whole). */
  private readonly utf16?: TextDecoder;

  constructor(encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8') {
    if (encoding !== 'utf-8') this.utf16 = new TextDecoder(encoding);
  }

  decode(bytes: Buffer): string {
    if (this.utf16) return this.utf16.decode(bytes, { stream: true });
    if (isAscii(bytes)) {
      const held = this.pending ? this.utf8.end() : '';
      this.pending = false;
      return held + bytes.toString('latin1');
    }
    this.pending = true;
    return this.utf8.write(bytes);
  }

  end(): string {
    if (this.utf16) return this.utf16.decode();
    return this.pending ? this.utf8.end() : '';
  }
}

/** How much of a file is read at a time: small enough to stay in the CPU cache. */
const FILE_CHUNK = 1 << 16;

/** Streams a readable (stdin) into a fresh input of the collector. */
async function readStreamInto(collector: EvidenceCollector, name: string, stream: Readable): Promise<number> {
  const reader = collector.open(name, { slack: 'auto', maxBytes: Infinity });
  const decoder = new ChunkDecoder();
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    reader.write(decoder.decode(buffer));
  }
  reader.write(decoder.end());
  reader.end();
  return bytes;
}

/**
 * Reads a file into a fresh input, chunk by chunk into one reused buffer. Synchronous on purpose:
 * the CLI has nothing else to do meanwhile, and waiting on asynchronous reads left the process
 * idle a quarter of the time on a large log.
 */
function readFileInto(collector: EvidenceCollector, name: string, path: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): void {
  const reader = collector.open(name, { slack: 'auto', maxBytes: Infinity });
  const decoder = new ChunkDecoder(encoding);
  // The byte-order mark is not evidence.
  let skip = encoding === 'utf-8' ? 0 : 2;
  const buffer = Buffer.allocUnsafe(FILE_CHUNK);
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, FILE_CHUNK, null);
      if (n === 0) break;
      reader.write(decoder.decode(buffer.subarray(skip, n)));
      skip = 0;
    }
  } finally {
    closeSync(fd);
  }
  reader.write(decoder.end());
  reader.end();
}

function describeReadError(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `cannot read "${file}": no such file`;
    case 'EISDIR':
      return `cannot read "${file}": it is a directory (pass the log files inside it)`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read "${file}": permission denied`;
    default:
      return `cannot read "${file}": ${error.message}`;
  }
}

/** The diagnosis, with what the team's memory recalls first (JSON: a `memory` field, only then). */
function renderDiagnosis(d: Diagnosis, format: Format, verbose = false, recalled?: Recalled): string {
  if (format === 'json') return `${JSON.stringify(recalled ? { ...d, memory: recalled } : d, null, 2)}\n`;
  const lines = memoryLines(recalled);
  if (format === 'markdown') return `${lines.length > 0 ? `${lines.map((l) => `> ${l}`).join('\n>\n')}\n\n` : ''}${renderMarkdown(d)}`;
  const seen = lines.length > 0 ? `${lines.join('\n')}\n\n` : '';
  return `${seen}${renderText(d, { verbose, fullReport: 'Running again with --verbose' })}`;
}

/** Runs the CLI; returns the exit code instead of exiting so tests can drive it in-process. */
export async function runCli(argv: string[], io: CliIo = process, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // A subcommand, not a file: a log file literally named "rules" is passed as ./rules.
  if (argv[0] === 'rules') return rulesCommand(argv.slice(1), io, rulesLoader());
  let options: CliOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    io.stderr.write(`diag502: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  if (options.help) {
    io.stdout.write(USAGE);
    return EXIT.found;
  }
  if (options.version) {
    io.stdout.write(`${readVersion()}\n`);
    return EXIT.found;
  }
  try {
    return await runDiagnosis(options, io, env);
  } catch (error) {
    // A memory file that cannot be used is said in one line, like any other input that cannot be read.
    if (error instanceof MemoryFileError || error instanceof UsageError) {
      io.stderr.write(`diag502: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

/**
 * MEMORY_TTL_DAYS as the bot reads it (config.ts), checked here by hand: the CLI starts without
 * the configuration schema, to start fast.
 */
function memoryTtlMs(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.MEMORY_TTL_DAYS?.trim();
  if (!text) return undefined;
  const days = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(days >= 1 && days <= 3650)) throw new UsageError('MEMORY_TTL_DAYS must be a number of days from 1 to 3650.');
  return days * 24 * 60 * 60 * 1000;
}

async function runDiagnosis(options: CliOptions, io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const ttl = options.memory ? memoryTtlMs(env) : undefined;
  const memory = options.memory ? new FileMemory(options.memory, ttl === undefined ? {} : { memoryTtlMs: ttl }) : undefined;
  if (memory && options.action?.name === 'memory') {
    io.stdout.write(memoryListText(await memory.listMemory(LOCAL_TEAM)));
    return EXIT.found;
  }
  if (memory && options.action?.name === 'forget') {
    const found = await memory.forget(LOCAL_TEAM, options.action.id);
    (found ? io.stdout : io.stderr).write(forgotText(options.action.id, found));
    return found ? EXIT.found : EXIT.nothing;
  }
  const files = options.files.length > 0 ? options.files : ['-'];
  if (files.filter((f) => f === '-').length > 1) {
    io.stderr.write('diag502: stdin ("-") can be read only once\n');
    return EXIT.usage;
  }
  if (files.includes('-') && 'isTTY' in io.stdin && (io.stdin as { isTTY?: boolean }).isTTY) {
    io.stderr.write('diag502: reading evidence from the terminal; paste it, then press Ctrl-D (Ctrl-Z Enter on Windows)\n');
  }

  // Said before a long log is read, not after.
  if (options.chart) {
    const problem = await unwritable(options.chart.path);
    if (problem) {
      io.stderr.write(`diag502: cannot write the chart to "${options.chart.path}": ${problem}\n`);
      return EXIT.usage;
    }
  }

  let rules: HouseRule[] | undefined;
  if (options.rules !== undefined) {
    const { loadRules, RulesError } = rulesLoader();
    try {
      rules = loadRules(options.rules);
    } catch (error) {
      if (!(error instanceof RulesError)) throw error;
      io.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
  }
  const collector = new EvidenceCollector(houseOptions({ rules }));
  let read = 0;
  for (const file of files) {
    try {
      if (file === '-') {
        if ((await readStreamInto(collector, 'stdin', io.stdin)) === 0) io.stderr.write('diag502: stdin was empty: nothing to diagnose\n');
        else read += 1;
        continue;
      }
      const info = statSync(file);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      const sniffed = sniff(file);
      // Said before anything else, so a wrong file is the first thing the user reads.
      if (sniffed === 'empty') {
        io.stderr.write(`diag502: ${basename(file)} is empty: nothing to diagnose in it\n`);
        continue;
      }
      if (sniffed === 'binary') {
        io.stderr.write(`diag502: ${basename(file)} looks like a binary file, not text evidence: skipped. Export logs and events as text (Event Viewer: Copy details as text; Get-WinEvent | Format-List).\n`);
        continue;
      }
      readFileInto(collector, basename(file), file, sniffed === 'text' ? 'utf-8' : sniffed);
      read += 1;
    } catch (error) {
      io.stderr.write(`diag502: ${describeReadError(file, error as NodeJS.ErrnoException)}\n`);
      return EXIT.usage;
    }
  }
  if (read === 0) {
    io.stderr.write(`diag502: no text evidence to read${files.length > 1 ? ' in any of the inputs' : ''}\n`);
    return EXIT.usage;
  }

  const diagnosis = diagnoseEvidence(collector.finish(), rules ? { rules } : {});
  const recalled = memory ? await recallFor(memory, LOCAL_TEAM, diagnosis.fingerprint, undefined) : undefined;
  io.stdout.write(renderDiagnosis(diagnosis, options.format, options.verbose, recalled));
  if (memory && (options.confirm !== undefined || options.wrong)) await record(memory, diagnosis, options, io);
  const found = diagnosis.causes.length > 0 ? EXIT.found : EXIT.nothing;
  if (options.chart && !(await writeChart(diagnosis, options.chart, io.stderr))) return EXIT.usage;
  return found;
}

/** Why a chart cannot be written at `path`, or undefined when its folder takes files. */
async function unwritable(path: string): Promise<string | undefined> {
  // node:fs/promises is loaded only for a chart: it costs a plain run ~2 ms of start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { access, stat } = require('node:fs/promises') as typeof FsPromises;
  try {
    if ((await stat(path)).isDirectory()) return 'it is a directory';
  } catch {
    // Not there yet: its folder must be.
  }
  const folder = dirname(resolve(path));
  try {
    if (!(await stat(folder)).isDirectory()) return `${folder} is not a directory`;
    await access(folder, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `the folder ${folder} does not exist` : code === 'EACCES' || code === 'EPERM' ? `no permission to write in ${folder}` : (error as Error).message;
  }
}

/**
 * Draws the timeline to the file, or says why not (on stderr, so JSON on stdout stays JSON).
 * The renderer is loaded only now: Vega and resvg cost start-up time the plain CLI need not pay.
 */
async function writeChart(diagnosis: Diagnosis, chart: NonNullable<CliOptions['chart']>, stderr: Writable): Promise<boolean> {
  if (!diagnosis.timeline) {
    stderr.write('diag502: no chart: nothing in the evidence carries a time (an IIS or HTTPERR log, dated events, stdout or proxy log lines), so there is no timeline to draw\n');
    return true;
  }
  let bytes: Buffer;
  try {
    // require, not import(): jest's VM runs the CLI in-process and has no dynamic import.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderTimeline } = require('./chart/render') as typeof ChartRender;
    bytes = await renderTimeline(diagnosis.timeline, chart.format);
  } catch (error) {
    // Drawn before the file is opened: a chart that cannot be drawn (no font) leaves no file behind.
    stderr.write(`diag502: cannot draw the chart for "${chart.path}": ${(error as Error).message}\n`);
    return false;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeFile } = require('node:fs/promises') as typeof FsPromises;
    await writeFile(chart.path, bytes);
  } catch (error) {
    stderr.write(`diag502: cannot write the chart to "${chart.path}": ${(error as Error).message}\n`);
    return false;
  }
  const notes = diagnosis.timeline.notes.map((n) => ` ${n}`).join('');
  stderr.write(`diag502: chart written to ${chart.path}${notes}\n`);
  return true;
}

/** `diag502 rules check DIR`: every rule on its samples, a line each, and what it all comes to. */
function rulesCommand(argv: string[], io: CliIo, { describeSample, formatProblem, readRules }: typeof RulesLoader): number {
  if (argv[0] !== 'check' || argv.length !== 2 || argv[1]!.startsWith('-')) {
    io.stderr.write('diag502: usage: diag502 rules check DIR (the folder of your house rule files). To diagnose a file named "rules", pass it as ./rules.\n');
    return EXIT.usage;
  }
  const dir = argv[1]!;
  const read = readRules(dir);
  const out: string[] = [`diag502 rules check ${dir}`];
  for (const file of read.files) {
    out.push('', file);
    const fileProblems = read.problems.filter((p) => p.file === file);
    for (const p of fileProblems) out.push(`  INVALID  ${formatProblem(p)}`);
    for (const rule of read.rules.filter((r) => r.file === file)) {
      const samples = read.samples.filter((s) => s.rule === rule.rule && s.file === file);
      const failed = samples.filter((s) => !s.passed);
      const matches = samples.filter((s) => s.expect === 'match').length;
      const misses = samples.length - matches;
      out.push(`  ${failed.length === 0 ? 'ok  ' : 'FAIL'}  ${rule.rule}: ${matches} sample${matches === 1 ? '' : 's'} to match, ${misses} near miss${misses === 1 ? '' : 'es'}`);
      for (const s of failed) out.push(`        ${formatProblem({ file: s.file, line: s.line, message: describeSample(s) })}`);
    }
  }
  // Problems not tied to one of the files read (the folder itself).
  for (const p of read.problems.filter((p) => !read.files.includes(p.file))) out.push('', `INVALID  ${formatProblem(p)}`);
  const failed = read.samples.filter((s) => !s.passed).length;
  const rules = read.rules.length;
  out.push(
    '',
    read.problems.length > 0
      ? `${read.problems.length} problem${read.problems.length === 1 ? '' : 's'} in the rule files: fix ${read.problems.length === 1 ? 'it' : 'them'} first; diag502 refuses this folder until then.`
      : failed > 0
        ? `${failed} of ${read.samples.length} samples failed: diag502 refuses this folder until they pass.`
        : `All ${read.samples.length} samples of ${rules} rule${rules === 1 ? '' : 's'} pass.`,
  );
  (read.problems.length > 0 || failed > 0 ? io.stderr : io.stdout).write(`${out.join('\n')}\n`);
  return read.problems.length > 0 ? EXIT.usage : failed > 0 ? EXIT.nothing : EXIT.found;
}

/** `--confirm` / `--wrong`: the diagnosis as the team judged it, in the memory file. */
async function record(memory: FileMemory, diagnosis: Diagnosis, options: CliOptions, io: CliIo): Promise<void> {
  const fingerprint = diagnosis.fingerprint;
  const top = diagnosis.causes[0];
  if (!fingerprint || !top) {
    io.stderr.write('diag502: nothing remembered: this evidence names no cause clearly enough to recognize it next time\n');
    return;
  }
  // The team's words are redacted like every paste before they are kept.
  const fixedBy = options.confirm !== undefined ? cleanText(options.confirm, false).text.trim() : '';
  const entry = memoryEntryOf({
    team: LOCAL_TEAM,
    thread: 'cli',
    fingerprint,
    verdict: options.wrong ? 'wrong' : 'confirmed',
    causeId: top.id,
    title: top.title,
    by: cliUser(),
    at: new Date().toISOString(),
    ...(fixedBy ? { fixedBy } : {}),
  });
  await memory.remember(entry);
  io.stderr.write(`diag502: remembered as ${entry.id} (${entry.verdict}) in ${options.memory}\n`);
}

function cliUser(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

function readVersion(): string {
  // package.json sits two levels up from dist/src and one up from src under ts-jest.
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require(candidate) as { version: string }).version;
    } catch {
      // try the next location
    }
  }
  return 'unknown';
}
