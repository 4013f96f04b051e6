/**
 * How questions and entries are cut into search terms. The same function runs on both sides, so
 * "turn on stdout log", "enable stdout logging" and "std-out logs on" all become `enable stdout
 * log`. It does three things MiniSearch's default tokenizer cannot know about:
 *
 * - joins the multi-word names of this domain into one term ("in-process" -> `inprocess`,
 *   "app pool" -> `apppool`, "failed request tracing" -> `freb`), so that a question's meaning does
 *   not hinge on small words;
 * - keeps codes whole ("502.3", "0x80072ee2", "error_winhttp_timeout") and splits "502.3.12002"
 *   into the status and the Win32 code, the way people paste IIS log tails;
 * - drops the words every question has ("what", "how", "is", "my", "error"), folds a handful of
 *   inflections and synonyms, and strips plural "s".
 *
 * Every pattern is a bounded alternation anchored on word boundaries: linear on any input.
 */

/** Multi-word names and spellings folded into one term, applied in order to lower-cased text. */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\basp\.?\s?net\s?core\s?module(?:\s?v2)?\b|\baspnetcoremodule(?:v2)?\b/g, ' ancm '],
  [/\bout[\s-]?of[\s-]?proc(?:ess)?\b|\bout[\s-]?proc\b/g, ' outofprocess '],
  [/\bin[\s-]?proc(?:ess)?\b/g, ' inprocess '],
  [/\b(?:turn|switch)(?:ed|ing|s)?\s(?:it\s|this\s|that\s)?on\b/g, ' enable '],
  [/\b(?:turn|switch|shut)(?:ed|ing|s)?\s(?:it\s|this\s|that\s)?off\b/g, ' disable '],
  [/\bwhere\s(?:do|should|can|shall)\s(?:i|we)\s(?:start|begin)\b|\bwhere\sto\s(?:start|begin)\b|\bstarting\spoint\b/g, ' wheretostart '],
  [/\bshut(?:s|ting)?[\s-]?down\b/g, ' shutdown '],
  [/\bapp(?:lication)?[\s-]?pools?\b/g, ' apppool '],
  [/\bevent[\s-]?(?:viewer|logs?)\b|\beventvwr\b|\bwindows\sevents?\b/g, ' eventviewer '],
  [/\bfailed[\s-]?request[\s-]?(?:tracing|traces?|logs?)\b/g, ' freb '],
  [/\bstd[\s-]out\b/g, ' stdout '],
  [/\bweb\.config\b|\bweb[\s-]config\b/g, ' webconfig '],
  [/\bapp(?:lication)?[\s-]?gateway\b|\bappgw\b/g, ' appgateway '],
  [/\bfront[\s-]?door\b|\bafd\b/g, ' frontdoor '],
  [/\bload[\s-]?balancers?\b/g, ' loadbalancer '],
  [/\bbad[\s-]gateway\b/g, ' 502 '],
  [/\bgateway[\s-]time[\s-]?out\b/g, ' 504 '],
  [/\btime[\s-]outs?\b|\btimed[\s-]out\b/g, ' timeout '],
  [/\bcloud[\s-]flare\b/g, ' cloudflare '],
  [/\bhttp[\s-]client\b/g, ' httpclient '],
  [/\bapp[\s_-]offline(?:\.htm)?\b/g, ' appoffline '],
  [/\b(?:memory|crash|hang|process)[\s-]dumps?\b|\bdump[\s-]files?\b/g, ' dump '],
  [/\bdotnet\.exe\b/g, ' dotnet '],
  [/\bw3wp\.exe\b/g, ' w3wp '],
];

/**
 * Words that carry no topic. Interrogatives, auxiliaries and pronouns go, and so do the words every
 * 502 question contains ("error", "asp.net core", "mean"): a question that is only these words is
 * not about anything the base knows.
 */
const STOP_WORDS = new Set(
  (
    'a an the and or but nor so if then than as at by for from in into of on onto to with without about over under ' +
    'is are was were be been being am do does did doing done have has had having can could should would will shall may might must ' +
    'i me my mine we our ours you your yours he she him her his they them their it its this that these those there here ' +
    'what whats which who whom whose when where how whether wat wht hw ' +
    'not no yes ok okay please pls plz thanks thank thx hi hey hello also just really very some any all ' +
    'get got getting go going gets one ones thing things stuff way ' +
    'error errors issue issues problem problems help mean means meaning meant even actually exactly basically anyway though ' +
    'asp asp.net aspnet aspnetcore net core app application site website server ' +
    'im ive id ill dont doesnt didnt cant isnt wont whats hows thats lets s t down'
  ).split(' '),
);

/** Inflections and synonyms folded into one spelling. */
const SYNONYMS: Readonly<Record<string, string>> = {
  cf: 'cloudflare',
  vs: 'versus',
  diff: 'difference',
  differ: 'difference',
  different: 'difference',
  differences: 'difference',
  logs: 'log',
  logging: 'log',
  logged: 'log',
  logfile: 'log',
  enabled: 'enable',
  enabling: 'enable',
  activate: 'enable',
  disabled: 'disable',
  disabling: 'disable',
  deactivate: 'disable',
  crashed: 'crash',
  crashing: 'crash',
  crashes: 'crash',
  recycled: 'recycle',
  recycling: 'recycle',
  recycles: 'recycle',
  restarted: 'restart',
  restarting: 'restart',
  fixed: 'fix',
  fixing: 'fix',
  fixes: 'fix',
  solve: 'fix',
  resolve: 'fix',
  solution: 'fix',
  failed: 'fail',
  failing: 'fail',
  failure: 'fail',
  failures: 'fail',
  fails: 'fail',
  configuration: 'config',
  configured: 'config',
  configure: 'config',
  settings: 'setting',
  exhausted: 'exhaustion',
  exhaust: 'exhaustion',
  starved: 'starvation',
  starving: 'starvation',
  starve: 'starvation',
  certificate: 'cert',
  certificates: 'cert',
  certs: 'cert',
  ssl: 'tls',
  sure: 'confident',
  confidence: 'confident',
  certain: 'confident',
  certainty: 'confident',
  inproc: 'inprocess',
  oop: 'outofprocess',
  outproc: 'outofprocess',
  crashdump: 'dump',
  minidump: 'dump',
  dumps: 'dump',
  start: 'start',
  started: 'start',
  starting: 'start',
  begin: 'start',
  checking: 'check',
  checked: 'check',
  slowness: 'slow',
  slower: 'slow',
  hanging: 'hang',
  hangs: 'hang',
  hung: 'hang',
  freezes: 'hang',
  frozen: 'hang',
  stuck: 'hang',
};

/** Terms that also stand for a more general one ("procdump" is a way to get a dump). */
const EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  procdump: ['procdump', 'dump'],
  threadpool: ['thread', 'pool'],
  // The <aspNetCore> attributes, typed in lower case as one word.
  requesttimeout: ['request', 'timeout'],
  stdoutlogenabled: ['stdout', 'log', 'enable'],
  stdoutlogfile: ['stdout', 'log', 'file'],
  hostingmodel: ['hosting', 'model'],
  startuptimelimit: ['startup', 'time', 'limit'],
  shutdowntimelimit: ['shutdown', 'time', 'limit'],
  processpath: ['process', 'path'],
  'dotnet-dump': ['dump'],
};

/** Longest question read: a question is short; a paste that long is evidence, not a question. */
export const MAX_QUESTION_CHARS = 400;

/** A token: a word, or a code with dots, underscores or dashes inside ("502.3", "error_winhttp_timeout"). */
const TOKEN = /[a-z0-9]+(?:[._-][a-z0-9]+)*/g;
/** `502.3.12002`: status, substatus and Win32 code from an IIS log tail. */
const STATUS_TRIPLE = /^([1-5]\d\d\.\d{1,3})\.(\d{1,5})$/;

function term(token: string): string[] {
  const triple = STATUS_TRIPLE.exec(token);
  if (triple) return [triple[1] ?? '', triple[2] ?? ''];
  if (/^[1-5]\d\d\.0$/.test(token)) return [token.slice(0, 3)];
  const expanded = EXPANSIONS[token];
  if (expanded) return [...expanded];
  // A dashed word ("rapid-fail", "x-forwarded-for") is its words; codes keep their dots and underscores.
  if (token.includes('-') && !/\d/.test(token)) return token.split('-').flatMap(term);
  if (STOP_WORDS.has(token)) return [];
  const single = singular(token);
  return [SYNONYMS[token] ?? SYNONYMS[single] ?? single];
}

/** Strips a plural "s" from words long enough to have one ("headers", not "iis" or "status"). */
function singular(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || !word.endsWith('s')) return word;
  if (/(?:ss|us|is|ys|os)$/.test(word)) return word;
  return word.slice(0, -1);
}

/** The search terms of a text: questions and indexed entries alike. */
export function searchTerms(text: string): string[] {
  // Mentions (<@U024BE7LH>, @diag502), channel links and URLs address or point; they ask nothing.
  const unaddressed = text.replace(/<[@#!][^>\s]{0,100}>|<https?:[^>]{0,2000}>|https?:\/\/\S+|(?<![\w.])@[\w.-]+/g, ' ');
  // Identifiers people paste ("stdoutLogEnabled", "requestTimeout", "UseHsts") are their words.
  let lower = unaddressed.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/[\u2018\u2019\u201b`]/g, "'");
  // "what's", "don't": the apostrophe joins, so the stop-word list sees "whats", "dont".
  lower = lower.replace(/'/g, '');
  for (const [pattern, replacement] of PHRASES) lower = lower.replace(pattern, replacement);
  const out: string[] = [];
  for (const match of lower.matchAll(TOKEN)) {
    for (const t of term(match[0])) if (t.length > 0) out.push(t);
  }
  return out;
}
