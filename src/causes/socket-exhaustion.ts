/**
 * Outbound socket exhaustion: the app opens new outbound connections faster than Windows frees
 * them (a new HttpClient per request leaves sockets in TIME_WAIT), until no ephemeral port or
 * socket buffer is left (WSAENOBUFS 10055, WSAEADDRINUSE 10048 on connect). Calls to databases and
 * APIs then fail or hang, and the requests that make them time out at the gateway.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { codes, refsOf, signals } from './query';
import { hangRefs } from './support/hang-signs';

/** WSAENOBUFS: no buffer space / queue full, the classic symptom of exhausted ephemeral ports. */
const WSAENOBUFS = 10055;

interface SocketExhaustionFacts {
  /** The error as the app or the code table words it. */
  detail?: string;
  count: number;
  /** The evidence also shows timeouts (gateway or HttpClient). */
  hang: boolean;
}

export default defineCause<SocketExhaustionFacts>({
  id: 'socket-exhaustion',
  title: 'Outbound sockets exhausted (HttpClient created per request)',
  family: 'resource-exhaustion',
  layer: 'app',
  clues: {
    'net.address-in-use': 'strong',
    'net.no-buffer-space': 'proves',
    // People name the condition once a platform tool told them (App Service "SNAT Port Exhaustion").
    'net.port-exhaustion': 'strong',
    'narrative.connections-piling': 'supports',
    'narrative.outbound-failing': 'supports',
  },
  description:
    'The app ran out of outbound sockets or ephemeral ports, typically by creating a new HttpClient (or connection) per request: each disposed client leaves its socket in TIME_WAIT for minutes. New outbound calls then fail with SocketException 10055/10048 or hang, and the requests waiting on them time out.',
  match(evidence) {
    const found = signals(evidence, 'socket-exhaustion');
    const bare = codes(evidence, WSAENOBUFS);
    // "SNAT port exhaustion" said in words: App Service's detector and Azure's docs name it, and
    // people repeat the name. Strong, though it is the condition named rather than the error seen.
    const named = evidence.clues.filter((hit) => hit.clue === 'net.port-exhaustion' && !hit.narrative);
    if (found.length === 0 && bare.length === 0 && named.length === 0) return undefined;
    const hang = hangRefs(evidence);
    const clientTimeouts = signals(evidence, 'http-client-timeout');

    let base = found.length > 0 ? CONFIDENCE.likely : named.length > 0 ? CONFIDENCE.likely - 0.05 : CONFIDENCE.possible;
    const boosts: number[] = [];
    if (found.length > 0 && (hang.length > 0 || clientTimeouts.length > 0)) boosts.push(0.12);
    if (found.length >= 3) boosts.push(0.05);
    if (found.length === 0 && hang.length > 0) base += 0.1;

    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([...found.map((s) => s.ref), ...named.map((h) => h.ref), ...bare.map((c) => c.ref), ...clientTimeouts.map((s) => s.ref), ...hang]),
      facts: {
        detail: found[0]?.data.detail ?? bare[0]?.meaning,
        count: found.length + bare.length + named.length,
        hang: hang.length > 0 || clientTimeouts.length > 0,
      },
    };
  },
  steps({ facts }) {
    const count = facts.count ?? 0;
    const steps = [
      `The app failed to open outbound connections ${count > 1 ? `${count} times ` : ''}with a socket exhaustion error${facts.detail ? ` ("${facts.detail}")` : ''}: Windows had no free ephemeral port or socket buffer for a new connection.`,
      'Count the connections while it happens: "netstat -ano | find /c \\"TIME_WAIT\\"" (thousands means connections are opened and closed at a high rate) and "netstat -ano | findstr <PID>" for the app process; "Get-NetTCPConnection -State TimeWait | Group-Object RemoteAddress | Sort-Object Count -Descending" shows which remote service they go to.',
      'Search the code for "new HttpClient(" in request paths, "using (var client = new HttpClient())", SDK clients (SendGrid, Azure, AWS) constructed per request, and database connections opened without pooling.',
    ];
    if (facts.hang) steps.push('The evidence also shows timeouts: outbound calls that cannot connect keep request threads waiting until the gateway gives up, so this is a likely root of those 502/504s.');
    steps.push('Check MaxConnectionsPerServer / ServicePointManager.DefaultConnectionLimit: a too-low limit queues calls instead of failing them, which looks like a hang rather than an error.');
    return steps;
  },
  fix() {
    return {
      summary: 'Reuse connections: get HttpClient from IHttpClientFactory (or keep one static SocketsHttpHandler-based client with PooledConnectionLifetime), register SDK clients as singletons, and set a sensible MaxConnectionsPerServer.',
      language: 'csharp',
      snippet: [
        '// Program.cs: one pooled handler per named/typed client, recycled for DNS changes',
        'builder.Services.AddHttpClient<CatalogClient>(c => c.BaseAddress = new Uri("https://catalog.example.com/"))',
        '    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler',
        '    {',
        '        PooledConnectionLifetime = TimeSpan.FromMinutes(5),',
        '        MaxConnectionsPerServer = 100,',
        '    });',
        '',
        '// Use the injected client; never "new HttpClient()" per request',
        'public sealed class CatalogClient(HttpClient http)',
        '{',
        '    public Task<string> GetItemAsync(int id, CancellationToken ct) => http.GetStringAsync($"items/{id}", ct);',
        '}',
      ].join('\n'),
    };
  },
  wants: ['stdout-log', 'event-log', 'iis-log'],
  references: [
    'https://learn.microsoft.com/dotnet/fundamentals/networking/http/httpclient-guidelines',
    'https://learn.microsoft.com/aspnet/core/fundamentals/http-requests',
    'https://learn.microsoft.com/windows/win32/winsock/windows-sockets-error-codes-2',
  ],
});
