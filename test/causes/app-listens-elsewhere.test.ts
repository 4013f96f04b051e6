import cause from '../../src/causes/app-listens-elsewhere';
import { runCauseTests } from '../helpers/cause-tester';
import { NGINX, nginxError } from './edge-samples';

/** Serilog's console format of Microsoft.Hosting.Lifetime[14], as in exceptionless/Exceptionless#1473 (.NET 8 image on 8080). */
const SERILOG_8080 = '[09:26:23 INF] Now listening on: http://[::]:8080 <Microsoft.Hosting.Lifetime>';

/** nginx's refused connect (ngx_event_connect.c, action string of ngx_http_upstream.c) to the old port 80 of a compose service. */
const NGINX_REFUSED_80 =
  '2026/11/20 10:15:02 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1, server: _, request: "GET /api/orders HTTP/1.1", upstream: "http://172.18.0.3:80/api/orders", host: "localhost"';

/** docker compose logs of the two services: the app's start-up line and Traefik v3's dial error (proxy.go, Go net dial error). */
const COMPOSE_TRAEFIK = [
  'api-1      | info: Microsoft.Hosting.Lifetime[14]',
  'api-1      |       Now listening on: http://[::]:8080',
  'traefik-1  | 2026-11-20T10:15:02Z DBG github.com/traefik/traefik/v3/pkg/proxy/httputil/proxy.go:113 > 502 Bad Gateway error="dial tcp 172.18.0.5:80: connect: connection refused"',
].join('\n');

/** Ocelot's responder (ThreeMammals/Ocelot ResponderMiddleware, ConnectionToDownstreamServiceError) refused at the port registered in service discovery. */
const OCELOT_REFUSED =
  'warn: Ocelot.Responder.Middleware.ResponderMiddleware[0] requestId: 0HN8J4K2Q1ABC:00000002, previousRequestId: no previous request id, message: Error Code: ConnectionToDownstreamServiceError Message: Error connecting to downstream service, exception: System.Net.Http.HttpRequestException: Connection refused (servicec.openapi:9300)';

runCauseTests(cause, {
  valid: [
    { name: 'a refused connection with no word from the app: it may simply be down', evidence: { 'error.log': nginxError(NGINX.refused) } },
    {
      name: 'refused on the very port the app listens on: it was down or restarting, not elsewhere',
      evidence: { 'api.log': 'info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://[::]:8080', 'error.log': nginxError(NGINX.refused, 'http://172.18.0.3:8080/') },
    },
    {
      name: "the app's database refusing the app is not the proxy's upstream (Npgsql, port 5432)",
      evidence: { 'api.log': 'Now listening on: http://[::]:8080\nNpgsql.NpgsqlException (0x80004005): Failed to connect to 172.18.0.2:5432\n ---> System.Net.Sockets.SocketException (111): Connection refused (db:5432)' },
    },
    {
      name: 'loopback on both sides is the same address: the app was down',
      evidence: { 'api.log': 'Now listening on: http://localhost:5000', 'error.log': nginxError(NGINX.refused, 'http://127.0.0.1:5000/') },
    },
    {
      name: 'a .NET 8 image told to listen on 80, refused on 80: the port agrees, the app is down',
      evidence: {
        'Dockerfile': 'FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nENV ASPNETCORE_HTTP_PORTS=80\nEXPOSE 80',
        'error.log': NGINX_REFUSED_80,
      },
    },
  ],
  invalid: [
    {
      name: '.NET 8 app on 8080 (Serilog format), nginx still on 80',
      evidence: { 'api.log': SERILOG_8080, 'error.log': NGINX_REFUSED_80 },
      minConfidence: 0.9,
      evidenceLines: ['error.log:1', 'api.log:1'],
      mentions: ['port 8080', 'to port 80', 'Since .NET 8', 'ASPNETCORE_HTTP_PORTS=80', 'proxy_pass http://api:8080'],
    },
    {
      name: 'Traefik dialing 80 while the app says 8080, Slack-escaped compose logs in a fence with prose',
      evidence: { 'slack.txt': ['after upgrading to net8 traefik only gives Bad Gateway:', '```', COMPOSE_TRAEFIK.replace(' > ', ' &gt; '), '```', 'any idea?'].join('\n') },
      minConfidence: 0.9,
      evidenceLines: [5],
      mentions: ['Traefik sends requests to port 80', 'docker network inspect'],
    },
    {
      name: 'Kestrel bound to localhost inside the container, nginx connecting to the container address',
      evidence: {
        'api.log': 'api-1  | info: Microsoft.Hosting.Lifetime[14] Now listening on: http://localhost:5000',
        'error.log': nginxError(NGINX.refused, 'http://172.18.0.4:5000/'),
        'notes.txt': 'everything runs with docker compose',
      },
      minConfidence: 0.85,
      mentions: ['loopback address only', 'ASPNETCORE_URLS=http://+:5000'],
    },
    {
      name: 'nginx trying ::1 first while Kestrel listens on 127.0.0.1 only (nginx 1.25+ connect() to wording)',
      evidence: {
        'journal.txt': 'Nov 20 10:15:01 web1 dotnet[912]: info: Microsoft.Hosting.Lifetime[14] Now listening on: http://127.0.0.1:5000',
        'error.log': '2026/11/20 10:15:02 [error] 1234#1234: *57 connect() to [::1]:5000 failed (111: Connection refused) while connecting to upstream, client: 10.0.0.7, server: shop.example.com, request: "GET / HTTP/1.1", upstream: "http://[::1]:5000/", host: "shop.example.com"',
      },
      minConfidence: 0.8,
      mentions: ['resolves to ::1 and 127.0.0.1', 'proxy_pass http://127.0.0.1:5000;'],
    },
    {
      name: "Vite's dev proxy resolving localhost to ::1 (Node 17+) while Kestrel listens on 127.0.0.1",
      evidence: {
        'vite.txt': '[vite] http proxy error at /api/weatherforecast:\nError: connect ECONNREFUSED ::1:5000\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
        'dotnet.txt': 'info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://127.0.0.1:5000',
      },
      minConfidence: 0.85,
      mentions: ['[::1]:5000', 'http://127.0.0.1:5000'],
    },
    {
      name: 'Ocelot refused at the registered port while the service listens on 8080: a hint, the line may be the gateway\'s',
      evidence: { 'gateway.log': OCELOT_REFUSED, 'servicec.log': 'info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://[::]:8080' },
      minConfidence: 0.6,
      maxConfidence: 0.7,
      mentions: ['port 9300', 'not the gateway\'s own'],
    },
    {
      name: 'Container Apps ingress (Envoy) refused, a .NET 8 image and no port setting: the 8080 default, a weaker reading',
      evidence: {
        'Dockerfile': 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled AS base\nWORKDIR /app\nCOPY --from=publish /app/publish .',
        // Envoy's local reply (router.cc) with the connect errno (connection_impl.cc "delayed connect error: 111").
        'curl.txt': 'upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: delayed connect error: 111',
      },
      minConfidence: 0.4,
      maxConfidence: 0.6,
      mentions: ['.NET 8 ASP.NET Core image', 'Now listening on: http://[::]:8080'],
    },
    {
      name: 'docker ps maps to container port 8000, the app listens on 8080 (dotnet/core#9075)',
      evidence: {
        'ps.txt': [
          'CONTAINER ID   IMAGE            COMMAND                  CREATED         STATUS         PORTS                    NAMES',
          'a05ce5eb81df   mymicroservice   "dotnet MyMicroservi…"   2 minutes ago   Up 2 minutes   0.0.0.0:3000->8000/tcp   mymicroservicecontainer',
        ].join('\n'),
        'logs.txt': 'info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://[::]:8080',
      },
      minConfidence: 0.85,
      evidenceLines: ['ps.txt:2'],
      mentions: ['to port 8000', 'ASPNETCORE_HTTP_PORTS=8080'],
    },
  ],
  messy: {
    valid: [
      {
        // The refused port equals the port the app says it listens on (GenericWebHostService "Now listening on:"): down, not elsewhere.
        name: 'refused on the same port the app listens on, in prose',
        form: 'in prose',
        evidence: { 'message.txt': 'the app logs Now listening on: http://[::]:8080 and nginx says connect() failed (111: Connection refused) while connecting to upstream, upstream: "http://172.18.0.3:8080/"' },
      },
    ],
    invalid: [
      {
        // Microsoft.Hosting.Lifetime[14] and nginx's refused connect (kb-facts NGX) in German prose.
        name: 'German prose: app on 8080, nginx on 80',
        form: 'other language',
        evidence: {
          'nachricht.txt': [
            'Nach dem Upgrade auf .NET 8 bekommen wir nur noch 502. Die App schreibt:',
            'info: Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:8080',
            'und nginx:',
            '2026/11/20 10:15:02 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1, server: _, request: "GET / HTTP/1.1", upstream: "http://172.18.0.3:80/", host: "localhost"',
          ].join('\n'),
        },
      },
      {
        // The start-up line without its "info: Microsoft.Hosting.Lifetime[14]" header, and nginx's line cut mid-line.
        name: 'the listening line without its category, the nginx line cut mid-line',
        form: 'header-less',
        evidence: {
          'paste.txt': [
            '      Now listening on: http://[::]:8080',
            'connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1, server: _, request: "GET /api/orders HTTP/1.1", upstream: "http://172.18.0.3:80/api/orders", host: "localhost"',
          ].join('\n'),
        },
      },
      {
        // Traefik's dial error (traefik proxy.go, Go net dial error) and the app's line, Slack-escaped (compose log prefix with &gt;).
        name: 'Traefik dialing 80 while the app listens on 8080, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: {
          'slack.txt': [
            'api-1      | Now listening on: http://[::]:8080',
            'traefik-1  | 2026-11-20T10:15:02Z DBG github.com/traefik/traefik/v3/pkg/proxy/httputil/proxy.go:113 &gt; 502 Bad Gateway error="dial tcp 172.18.0.5:80: connect: connection refused"',
          ].join('\n'),
        },
      },
    ],
  },
});

