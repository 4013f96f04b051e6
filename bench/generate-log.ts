/**
 * Writes a large, realistic IIS W3C log for the CLI benchmark: the IIS 10 header block, then rows
 * in the default field order with a traffic mix of a busy ASP.NET Core site that has a bad day
 * (mostly 200/304, some 404, a few 500, 502.3 timeouts near 120 s, 502.3 connection resets and
 * 502.5 start failures). Deterministic (seeded), so two runs write the same bytes.
 */
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';

/** Bump when the generated content changes, so a stale file is rebuilt. */
const GENERATOR_VERSION = 2;

/** mulberry32: a tiny seeded PRNG; Math.random cannot be seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const USER_AGENTS = [
  'Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/130.0.0.0+Safari/537.36',
  'Mozilla/5.0+(iPhone;+CPU+iPhone+OS+17_5+like+Mac+OS+X)+AppleWebKit/605.1.15',
  'okhttp/4.12.0',
  'curl/8.5.0',
  'Go-http-client/1.1',
  'AlwaysOn',
  'HealthCheck/1.0',
  'python-requests/2.32.3',
];
const UA_WEIGHTS = [0.22, 0.1, 0.18, 0.1, 0.12, 0.1, 0.1, 0.08];

const STATIC = ['/', '/css/site.css', '/js/site.js', '/lib/bootstrap/dist/css/bootstrap.min.css', '/favicon.ico', '/images/logo.svg'];
const API = ['/api/orders', '/api/products', '/api/cart', '/api/customers', '/api/reports/monthly', '/api/reports/yearly', '/api/search', '/health'];

interface Outcome {
  status: string;
  time: (r: () => number) => number;
  weight: number;
}
// Times in ms: fast successes, timeouts just past ANCM's default requestTimeout (2 min).
const OUTCOMES: Outcome[] = [
  { status: '200 0 0', weight: 0.8, time: (r) => Math.floor(5 + r() * r() * 900) },
  { status: '304 0 0', weight: 0.08, time: (r) => Math.floor(1 + r() * 4) },
  { status: '404 0 2', weight: 0.04, time: (r) => Math.floor(2 + r() * 20) },
  { status: '500 0 0', weight: 0.02, time: (r) => Math.floor(30 + r() * 400) },
  { status: '502 3 12002', weight: 0.02, time: (r) => Math.floor(120000 + r() * 60) },
  { status: '502 3 12030', weight: 0.03, time: (r) => Math.floor(1 + r() * 2500) },
  { status: '502 5 0', weight: 0.01, time: (r) => Math.floor(r() * 3) },
];

function pick<T>(items: readonly T[], weights: readonly number[], x: number): T {
  let acc = 0;
  for (let i = 0; i < items.length; i += 1) {
    acc += weights[i] ?? 0;
    if (x < acc) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Writes `rows` rows to `path` (a file is rewritten only when missing or stale). Returns its size. */
export async function ensureLog(path: string, rows: number): Promise<{ bytes: number; reused: boolean }> {
  const meta = `${path}.meta.json`;
  const wanted = { version: GENERATOR_VERSION, rows };
  if (existsSync(path) && existsSync(meta)) {
    try {
      const known = JSON.parse(readFileSync(meta, 'utf8')) as { version: number; rows: number; bytes: number };
      if (known.version === wanted.version && known.rows === rows && statSync(path).size === known.bytes) {
        return { bytes: known.bytes, reused: true };
      }
    } catch {
      // A broken meta file means: write the log again.
    }
  }
  const r = prng(502);
  const out = createWriteStream(path);
  const header =
    '#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: 2026-11-20 00:00:00\r\n' +
    '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n';
  let buffer = header;
  const weights = OUTCOMES.map((o) => o.weight);
  for (let i = 0; i < rows; i += 1) {
    const seconds = Math.floor((i / rows) * 86399);
    const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
    const outcome = pick(OUTCOMES, weights, r());
    const isApi = r() < 0.6;
    const base = isApi ? (API[Math.floor(r() * API.length)] ?? '/api') : (STATIC[Math.floor(r() * STATIC.length)] ?? '/');
    // Ids in API paths: a few thousand distinct URLs, like a real app.
    const url = isApi && base !== '/health' && r() < 0.5 ? `${base}/${Math.floor(r() * 400)}` : base;
    const query = isApi && r() < 0.2 ? `page=${1 + Math.floor(r() * 9)}` : '-';
    const method = isApi && r() < 0.25 ? 'POST' : 'GET';
    const ua = pick(USER_AGENTS, UA_WEIGHTS, r());
    const client = `203.0.113.${1 + Math.floor(r() * 250)}`;
    const referer = r() < 0.15 ? 'https://www.contoso.com/' : '-';
    buffer += `2026-11-20 ${time} 10.0.0.4 ${method} ${url} ${query} 443 - ${client} ${ua} ${referer} ${outcome.status} ${outcome.time(r)}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  const bytes = statSync(path).size;
  writeFileSync(meta, JSON.stringify({ ...wanted, bytes }));
  return { bytes, reused: false };
}
