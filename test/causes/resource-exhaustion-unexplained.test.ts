/**
 * The family-level answer of resource-exhaustion: it leads when the evidence points at the family but at no
 * specific cause in it, and steps back as soon as a specific cause (or another family) is named.
 * The evidence is what people type into Slack when they have no log at hand yet.
 */
import cause from '../../src/causes/resource-exhaustion-unexplained';
import { runCauseTests } from '../helpers/cause-tester';

runCauseTests(cause, {
  valid: [
    { name: "Kestrel's heartbeat warning names thread-pool starvation", evidence: { 'message.txt': "warn: Microsoft.AspNetCore.Server.Kestrel[22]\n      As of \"11/20/2026 10:14:05 +00:00\", the heartbeat has been running for \"00:00:07.2134567\" which is longer than \"00:00:01\". This could be caused by thread pool starvation." } },
    { name: "a crash described in words is another family", evidence: { 'message.txt': "The app crashes under traffic and the connection is dropped mid-request" } },
  ],
  invalid: [
    { name: "a starved app described in words", evidence: { 'message.txt': "Under heavy load the app stops responding and requests pile up, the thread pool seems exhausted" } },
    { name: 'a busy CPU and a growing queue, told in words', evidence: { 'message.txt': 'Under heavy traffic the CPU goes to 100% and the requests pile up until IIS answers 502' } },
    // Kestrel's ConnectionRejected warning (KestrelTrace event 24): MaxConcurrentConnections reached.
    { name: 'Kestrel turns connections away at its connection limit', evidence: { 'stdout.log': 'warn: Microsoft.AspNetCore.Server.Kestrel.Connections[24]\n      Connection id "0HN8B6M6V5T1K" rejected because the maximum number of concurrent connections has been reached.' } },
    // nginx error.log alerts (ngx_get_connection; EMFILE on socket()) in front of the app.
    { name: 'nginx out of worker connections and file descriptors', evidence: { 'error.log': '2026/11/20 10:15:02 [alert] 1234#1234: 768 worker_connections are not enough while connecting to upstream, client: 10.0.0.7, server: shop.example.com\n2026/11/20 10:15:03 [alert] 1234#1234: *58 socket() failed (24: Too many open files) while connecting to upstream' } },
    // IIS's own substatus for appConcurrentRequestLimit (kb-facts: 503.2 APP_CONCURRENT).
    { name: 'IIS 503.2, the concurrent request limit', evidence: { 'message.txt': 'Under load IIS answers HTTP Error 503.2 - Service Unavailable for most requests' } },
  ],
  messy: {
    valid: [
      {
        // SqlClient's pool timeout (Strings.resx ADP_PooledOpenTimeout) retold: names the connection pool.
        name: 'the pool timeout retold',
        form: 'paraphrased',
        evidence: { 'message.txt': 'under load we get timeout expired prior to obtaining a connection from the pool, max pool size was reached' },
      },
      {
        // Kestrel's heartbeat template (KestrelTrace.General) without its category line: names starvation.
        name: 'the heartbeat warning without its category line',
        form: 'header-less',
        evidence: { 'stdout.txt': '      As of "11/20/2026 10:14:05 +00:00", the heartbeat has been running for "00:00:07.2134567" which is longer than "00:00:01". This could be caused by thread pool starvation.' },
      },
    ],
    invalid: [
      {
        // A slow leak told in words: CPU that creeps up until a restart empties it.
        name: 'CPU creeping up over days until the gateway times out',
        form: 'in prose',
        evidence: { 'message.txt': 'Since the upgrade the CPU usage slowly increases over a few days, and nginx answers 504 until the container restarts.' },
      },
      {
        // A ceiling on concurrent connections told in words (IIS on a client Windows serves 10 at a time).
        name: 'a maximum number of connections reached, told in words',
        form: 'in prose',
        evidence: { 'message.txt': 'Under IIS on Windows 10 the maximum number of connections seems to be 10: the 11th WebSocket client stays in Connecting.' },
      },
      {
        // The family's report retold.
        name: 'retold: the app freezes under load, requests pile up',
        form: 'paraphrased',
        evidence: { 'message.txt': 'under heavy load the app just stops responding, requests pile up and nothing is logged, it seems starved of resources' },
      },
      {
        // The same report in Spanish.
        name: 'Spanish: the app stops responding under load',
        form: 'other language',
        evidence: { 'mensaje.txt': 'Con mucha carga la aplicación deja de responder y las peticiones se acumulan; parece que el thread pool está agotado (thread pool exhausted).' },
      },
      {
        // A Slack quote (escaped &gt;) of the same report.
        name: 'a quoted report, Slack-escaped',
        form: 'slack-escaped',
        slack: true,
        evidence: { 'slack.txt': '&gt; under load the app stops responding and requests pile up, the thread pool seems exhausted\nfrom the support ticket' },
      },
      {
        // dotnet-counters output (System.Runtime counters) in a fence with prose.
        name: 'dotnet-counters numbers in a fence with prose',
        form: 'fenced',
        evidence: { 'slack.txt': 'under load the app stops responding:\n```\n[System.Runtime]\n    ThreadPool Queue Length                          1,842\n    ThreadPool Thread Count                            312\n```' },
      },
    ],
  },
});
