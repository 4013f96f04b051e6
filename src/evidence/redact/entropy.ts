/**
 * The fallback for setting values whose names say nothing: does the value look like a generated
 * key? Only setting values are asked (environment variables, appsettings values, `<add value>`,
 * command-line option values), never log text, where request ids and hashes carry the diagnosis.
 *
 * A generated key is long, has no spaces, mixes lower case, upper case and digits, and is not
 * made of words. The last test tells `Kq3vN8xR2mT7wYp4Lz9aB1cD` from `System.ComponentModel.Win32Exception`,
 * which has as much Shannon entropy per character: in a random string the letters change case
 * every two letters or so, in names they run on in words of five or more.
 */

/** Shorter values are too short to tell apart from names and codes. */
const MIN_LENGTH = 20;
/** Longest value judged; longer values are judged on this much (a key is far shorter). */
const MAX_JUDGED = 512;
/** Bits per character below which a value repeats itself too much to be random. */
const MIN_ENTROPY = 3;
/** Average letters per camelCase word at or above which a value reads as words (random: about 2). */
const WORD_LENGTH = 3.2;

/** Values that look mixed but are not secrets: GUIDs, versions, numbers, codes, paths, URLs. */
const NOT_RANDOM = [
  /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i, // GUID
  /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.-]*)?$/i, // version
  /^(?:0x)?[0-9a-f]+$/i, // number, hex code, hash
  /^(?:[A-Za-z]:[\\/]|\\\\|[.~]{0,2}\/|%[A-Za-z_]+%)/, // path, %ENV% reference
  /\\|:\/\//, // Windows path, URL (credentials in it are masked by the URL rule)
];

function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Letters per word, words split as in camelCase: `XMLHttpRequest` has three, `aB3dE` has three. */
function averageWordLength(value: string): number {
  let letters = 0;
  let words = 0;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (!isLower(code) && !isUpper(code)) continue;
    letters += 1;
    const prev = i > 0 ? value.charCodeAt(i - 1) : 0;
    const next = i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
    const startsWord =
      (!isLower(prev) && !isUpper(prev)) || (isLower(prev) && isUpper(code)) || (isUpper(prev) && isUpper(code) && isLower(next));
    if (startsWord) words += 1;
  }
  return words === 0 ? 0 : letters / words;
}

/** A setting value that looks like a generated key, token or password. */
export function looksRandom(value: string): boolean {
  if (value.length < MIN_LENGTH) return false;
  const judged = value.slice(0, MAX_JUDGED);
  let lower = false;
  let upper = false;
  let digit = false;
  for (let i = 0; i < judged.length; i += 1) {
    const code = judged.charCodeAt(i);
    if (code <= 32) return false;
    lower ||= isLower(code);
    upper ||= isUpper(code);
    digit ||= isDigit(code);
  }
  if (!(lower && upper && digit)) return false;
  if (NOT_RANDOM.some((shape) => shape.test(judged))) return false;
  return averageWordLength(judged) < WORD_LENGTH && entropy(judged) >= MIN_ENTROPY;
}
