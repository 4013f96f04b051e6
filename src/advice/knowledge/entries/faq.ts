/**
 * The questions people ask about 502s on ASP.NET Core behind IIS, answered from the seed articles
 * and the verified facts (shared/reference/kb-facts.md), in this project's own words.
 */
import { describeStatus } from '../../../evidence/codes';
import { DOCS } from '../references';
import { bullets, paragraphs, titledList } from '../text';
import type { KnowledgeEntry } from '../types';

const what502: KnowledgeEntry = {
  id: 'faq-what-is-502',
  title: 'What a 502 Bad Gateway means for ASP.NET Core on IIS',
  phrasings: [
    'what does 502 mean',
    'what is a 502 bad gateway',
    'why do I get 502 bad gateway',
    'what causes a 502',
    'explain 502 errors',
    'what is a bad gateway error on IIS',
    'causes of 502',
    'what is ANCM, the ASP.NET Core Module',
  ],
  keywords: ['gateway', 'upstream', 'proxy'],
  answer: () => ({
    text: paragraphs(
      'A 502 is always reported by something that forwards requests: it passed the request on and got nothing usable back. The connection was refused or dropped, the reply was not valid HTTP, or (for IIS and ARR) the wait ran out.',
      'With ASP.NET Core on IIS the forwarder is the ASP.NET Core Module (ANCM) and what sits behind it is your app: Kestrel in a child process (out-of-process) or the .NET runtime inside w3wp.exe (in-process). A CDN, a load balancer or a reverse proxy in front of IIS can also answer 502 on its own, without IIS ever seeing the request.',
      titledList(
        'The exact code decides where to look:',
        bullets([
          `502.5 = ${describeStatus(502, 5)}.`,
          `502.3 = ${describeStatus(502, 3)}.`,
          `500.30 = ${describeStatus(500, 30)} (the in-process cousin of 502.5).`,
          'A 502 with no substatus often comes from a proxy or CDN in front of IIS: the response headers say which layer answered.',
        ]),
      ),
      'Paste the error page, the IIS log rows or the response headers and I will narrow it down.',
    ),
    references: [DOCS.rfc502, DOCS.troubleshootIis],
  }),
};

const vs504: KnowledgeEntry = {
  id: 'faq-502-vs-504',
  title: '502 Bad Gateway versus 504 Gateway Timeout',
  phrasings: [
    '502 vs 504',
    'difference between 502 and 504',
    "what's the difference between bad gateway and gateway timeout",
    'is 504 the same as 502',
    'why 502 and not 504',
    'gateway timeout vs bad gateway',
  ],
  keywords: ['timeout', 'upstream'],
  answer: () => ({
    text: paragraphs(
      'Both are answers from a gateway (CDN, load balancer, reverse proxy, or IIS with ANCM) about the server behind it. The difference is what went wrong:',
      bullets([
        '502 Bad Gateway: the upstream answer was unusable or never came: connection refused or reset, process crashed mid-response, malformed or oversized headers.',
        '504 Gateway Timeout: the gateway waited as long as it was configured to and gave up.',
      ]),
      titledList(
        'In practice the line is blurry, because each product reports timeouts its own way:',
        bullets([
          'IIS with ANCM (out-of-process) and ARR report their timeouts as 502.3 with Win32 code 12002, never as 504. On IIS you will see 502s far more often than 504s.',
          'nginx answers 504 when proxy_read_timeout or proxy_connect_timeout (60 s by default) fires, and 502 for everything else.',
          'AWS ALB answers 504 when the target does not respond within the idle timeout (60 s by default); Application Gateway v1 answers 502 on its 20 s request timeout, v2 tries another backend and then answers 504.',
          'Cloudflare uses 524 for an origin that connected but did not answer in time, and 522 for a connection that never completed.',
        ]),
      ),
      'A useful reading: a timeout (504, 502.3 with 12002, Cloudflare 524) means "find what is slow or stuck"; a 502 with a refused or reset connection means "find what crashed or is not listening".',
    ),
    references: [DOCS.rfc502, DOCS.rfc504, DOCS.arr502],
  }),
};

const worksLocally: KnowledgeEntry = {
  id: 'faq-works-locally-not-iis',
  title: 'It works with dotnet run but not on IIS',
  phrasings: [
    'works with dotnet run but 502 on IIS',
    'it works locally but not on IIS',
    'works on my machine but not on the server',
    'runs fine in visual studio but fails when deployed to IIS',
    'why does dotnet run work but IIS gives 502',
    'works in kestrel but not in IIS',
    'app works locally but not after publish',
  ],
  keywords: ['development', 'laptop'],
  answer: () => ({
    text: paragraphs(
      'dotnet run starts Kestrel directly, as you, with the Development environment and whatever SDKs and files your machine has. Under IIS the ASP.NET Core Module starts the app instead: as the application pool identity, in the Production environment, with only the runtime and files installed on the server. A 502 (or 502.5 / 500.30) on IIS usually means one of those differences stopped the app from starting.',
      titledList(
        'The usual suspects:',
        bullets([
          'The server lacks the .NET / ASP.NET Core runtime version the app targets, or the ASP.NET Core Hosting Bundle (which installs ANCM) was never installed. Install the Hosting Bundle, then restart IIS (net stop was /y, net start w3svc).',
          'Settings that only exist on your machine: appsettings.Development.json, user secrets, environment variables Program.cs reads at startup, a connection string to a local database.',
          'The application pool identity (IIS AppPool\\<pool>) cannot read the site folder, reach the database, open a certificate or write where the app writes.',
          'The application pool ".NET CLR version" should be "No Managed Code" for ASP.NET Core.',
          'Bitness: an app published for x86 in a 64-bit pool, or the reverse ("Enable 32-Bit Applications").',
          'processPath and arguments in the published web.config do not match the files that were actually deployed.',
        ]),
      ),
      'To see the real exception: turn on stdout logging (ask me "how do I enable stdout logging"), or read Event Viewer > Windows Logs > Application for "IIS AspNetCore Module V2" events, which carry the first 30 KB of the startup output. Running "dotnet .\\YourApp.dll" from the site folder on the server also shows the startup exception directly.',
    ),
    references: [DOCS.troubleshootIis, DOCS.hostingBundle, DOCS.iisErrors],
  }),
};

const hostingModels: KnowledgeEntry = {
  id: 'faq-inprocess-vs-outofprocess',
  title: 'In-process or out-of-process hosting',
  phrasings: [
    'in-process or out-of-process',
    'whats the difference between inprocess and outofprocess',
    'should I use in-process hosting to avoid 502',
    'in-process vs out-of-process hosting model',
    'which hosting model should I use',
    'what does hostingModel do',
    'why 500.30 instead of 502.5',
  ],
  keywords: ['w3wp', 'kestrel'],
  answer: () => ({
    text: paragraphs(
      'The hostingModel attribute of <aspNetCore> in web.config decides where your app runs. If the attribute is missing, ANCM uses out-of-process.',
      titledList(
        'In-process (hostingModel="inprocess"):',
        bullets([
          'The app runs inside the IIS worker process (w3wp.exe); there is no second process and no proxy hop, so it is faster and uses less memory.',
          `A startup failure shows as 500.30 (${describeStatus(500, 30)}), or a more specific 500.31 to 500.38, not as 502.5.`,
          'A crash takes the IIS worker down with it; requestTimeout does not apply.',
          'Only one in-process app per application pool (500.35), and apps sharing a pool cannot mix hosting models (500.34).',
        ]),
      ),
      titledList(
        'Out-of-process (hostingModel="outofprocess"):',
        bullets([
          'ANCM starts dotnet YourApp.dll (or YourApp.exe) as a child process and forwards every request to Kestrel over localhost HTTP.',
          `A startup failure shows as 502.5 (${describeStatus(502, 5)}).`,
          'A forwarded request that breaks or runs too long shows as 502.3 with a Win32 code; requestTimeout (2 minutes by default) caps each request.',
        ]),
      ),
      'For most apps in-process is the better default: one layer fewer that can fail, and its failures (500.30) are a little easier to read. Out-of-process still makes sense for self-contained or AOT-compiled executables, for several apps in one pool, or when you need IIS modules that do not work in-process. Switching models changes the codes you see, not the underlying bug: a startup exception is a startup exception either way.',
    ),
    references: [DOCS.inProcess, DOCS.outOfProcess, DOCS.ancm],
  }),
};

const cloudflareOrOrigin: KnowledgeEntry = {
  id: 'faq-cloudflare-or-origin',
  title: 'Did the 502 come from Cloudflare or from my origin?',
  phrasings: [
    'is this cloudflare or us',
    'is it cloudflare or my origin',
    'did the 502 come from cloudflare or IIS',
    'which layer returned the 502',
    'who answered the 502 cdn or origin',
    'how do I know if cloudflare generated the error',
    'is the error from the load balancer or from IIS',
  ],
  keywords: ['ray', 'awselb', 'x-azure-ref', 'server header'],
  answer: () => ({
    text: paragraphs(
      'Three things tell you which layer produced the 502: the response headers, the look of the error page, and whether your origin logged the request at all.',
      titledList(
        'Headers (curl -sv -o /dev/null https://your.site/path 2>&1, or the browser DevTools Network tab):',
        bullets([
          '"server: cloudflare" plus a "cf-ray" header: the response went through Cloudflare. Server: awselb/2.0 means an AWS load balancer answered; X-Azure-Ref means Azure Front Door.',
          'Neither, and "Server: Microsoft-IIS/10.0": IIS itself answered.',
        ]),
      ),
      titledList(
        'The page:',
        bullets([
          'A Cloudflare page with a Ray ID and an error code from 520 to 526 (or 530): Cloudflare could not get a good answer from your origin; the code says what failed (ask me about any of them).',
          'A Cloudflare-branded "Bad gateway" or "Gateway timeout" page (Error code 502 or 504 with a Ray ID): per Cloudflare\'s documentation your origin itself answered 502 or 504 and Cloudflare showed its own page for it. Look at IIS.',
          'A bare "502 Bad Gateway" page with only the word "cloudflare" under it: Cloudflare produced it itself (for example the origin sent a broken compressed body or a wrong Content-Length, or traffic was being moved between data centers).',
          'A page that does not mention Cloudflare at all, such as an IIS or ANCM page naming 502.3 or 502.5: your origin (or hosting provider) answered.',
        ]),
      ),
      'Finally, the origin\'s IIS log: if there is no row for the failing request at that time (IIS times are UTC), it never reached IIS and the problem sits in front of it (DNS, firewall blocking the CDN\'s addresses, TLS between the CDN and the origin). If IIS logged it with 502, the origin is where to dig.',
      'Paste the headers or the page and I will name the layer.',
    ),
    references: [DOCS.cloudflare502, DOCS.cloudflareHeaders, DOCS.cloudflare5xx],
  }),
};

const cloudflareOriginUp: KnowledgeEntry = {
  id: 'faq-cloudflare-502-origin-up',
  title: 'Cloudflare returns 502 but my origin is up',
  phrasings: [
    'cloudflare returns 502 but my origin is up',
    'cloudflare 502 but the server is fine',
    'site works directly but not through cloudflare',
    'origin is healthy but cloudflare shows bad gateway',
    'bypassing cloudflare works',
  ],
  keywords: ['full strict'],
  answer: () => ({
    text: paragraphs(
      'When the origin answers fine from inside, Cloudflare is usually reaching it but not liking what comes back, or reaching it in a way your own tests do not.',
      titledList(
        'Check, in this order:',
        bullets([
          'Compare the same request in the origin IIS log: a 200 there with a 502 at Cloudflare points at the response (headers too large, a broken compressed body or a wrong Content-Length, a connection closed early). No row at all points at the path to the origin.',
          'SSL mode: with "Full (strict)" Cloudflare rejects an expired, self-signed or wrong-name origin certificate (that shows as 526 or 525); a test from your browser on the origin IP does not go through that check.',
          'Firewall: the origin must accept Cloudflare\'s IP ranges, not only your office.',
          'Timing: an origin that needs more than Cloudflare\'s proxy read timeout (120 s in current docs, 100 s in older ones) gets a 524 even though it eventually finishes.',
          'Cloudflare\'s dashboard and its error analytics name the reason per Ray ID (origin unreachable, origin TLS error, origin returned an error).',
        ]),
      ),
    ),
    references: [DOCS.cloudflare502, DOCS.cloudflare5xx],
  }),
};

const oneEndpoint: KnowledgeEntry = {
  id: 'faq-one-endpoint-site-down',
  title: 'One bad endpoint brings the whole site down',
  phrasings: [
    'one bad endpoint brings the whole site down',
    'how do I prevent a single endpoint from causing 502 everywhere',
    'one slow request makes every page fail',
    'all pages return 502 when one report runs',
    'one endpoint takes down the whole site',
  ],
  keywords: ['isolate', 'everything', 'entire'],
  answer: () => ({
    text: paragraphs(
      'A single route should only ever fail itself. When it drags every other URL down, it is doing one of two things:',
      bullets([
        'Exhausting something shared: blocking thread pool threads (sync over async, .Result, .Wait()), holding database connections, opening a new HttpClient per call until sockets run out, or eating memory until the worker is recycled. Under load the whole app stalls and every request times out.',
        'Crashing the process: an unhandled exception on a background thread, a stack overflow or an out-of-memory kills the worker, and every request in flight fails with it.',
      ]),
      'Tell them apart with the IIS log: many different URLs failing at the same moment with 502.3 12002 and long time-taken is exhaustion; a burst of 502.3 with 12030 or 64 (connection dropped) followed by a restart is a crash. Event Viewer confirms a crash (.NET Runtime 1026, Application Error 1000, WAS 5009).',
      'The fix is in the endpoint: make it async all the way down, dispose what it borrows, and move work that takes minutes to a background service with a status endpoint the client polls. Isolating it in its own application pool or site limits the blast radius while you fix it.',
    ),
    references: [DOCS.threadPoolStarvation, DOCS.hostedServices],
  }),
};

const hsts: KnowledgeEntry = {
  id: 'faq-hsts',
  title: 'Does UseHsts prevent 502s?',
  phrasings: [
    'does UseHsts help with 502',
    'should I enable hsts to prevent 502',
    'will https redirection fix bad gateway',
    'is hsts related to 502',
  ],
  keywords: ['usehsts', 'strict-transport-security', 'usehttpsredirection'],
  answer: () => ({
    text: paragraphs(
      'No. HSTS is a response header that tells browsers to use only HTTPS for your domain from then on; it changes nothing about how IIS, a proxy or a CDN talks to your app, so it can neither cause nor prevent a 502.',
      'Keep UseHsts for security reasons if you want it (outside Development). For 502s, find the failing layer and the exact code first, and apply the production settings for web.config and the application pool (ask me "what are the production settings").',
    ),
    references: [DOCS.hsts],
  }),
};

export const FAQ_ENTRIES: readonly KnowledgeEntry[] = [what502, vs504, worksLocally, hostingModels, cloudflareOrOrigin, cloudflareOriginUp, oneEndpoint, hsts];
