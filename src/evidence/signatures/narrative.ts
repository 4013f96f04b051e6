/**
 * Signatures of how people describe the problem, in English and in the other languages incident
 * threads are written in around English log lines. They are hints: the scoring module lets all
 * narrative cues together move a cause by one capped step per weight table (rank.ts), so a
 * sentence never outweighs a log line.
 */
import type { Signature } from './types';

const SOURCE = 'Phrasings seen in public incident threads (eval/corpus); the words, not the threads, are the signature';

/**
 * One signature per phrase of a narrative cue, case-insensitive. Each is tested on the first of
 * `examples` that uses it, or on a plain sentence around it.
 */
function cue(clue: string, phrases: readonly string[], examples: readonly string[], noMatch: readonly string[] = []): Signature[] {
  return phrases.map((phrase) => ({
    clue,
    all: [phrase],
    narrative: true,
    source: SOURCE,
    // Worked out when read: only the tests read examples, and finding one for each of some 500
    // phrases cost every start of the CLI about 2 ms.
    get examples() {
      const example = examples.find((e) => e.toLowerCase().includes(phrase.toLowerCase())) ?? `Since Monday: ${phrase}.`;
      return { match: [example], noMatch };
    },
  }));
}

export const SIGNATURES: readonly Signature[] = [
  ...cue(
    'narrative.after-deploy',
    ['after deploy', 'after the deploy', 'after publishing', 'after publish', 'since the deploy', 'since we deployed', 'after upgrading', 'after the upgrade', 'after updating to', 'after migrating', 'after we moved', 'new release', 'updated from', 'upgraded from', 'rolled back', 'rolling back', 'downgraded', 'back to the previous version', '部署后', '发布后', '升级后', 'после деплоя', 'после обновления', 'depois do deploy', 'após o deploy', 'después de publicar', 'después del despliegue', 'nach dem deployment', 'nach dem update', 'デプロイ後'],
    ['It started after deploy of version 2.3.', 'Everything broke after publishing from Visual Studio.', '部署后网站打不开'],
  ),
  ...cue(
    'narrative.during-deploy',
    ['while deploying', 'when deploying', 'when we deploy', "when we're deploying", 'when we are deploying', "while we're deploying", 'deploying a new version', 'on deployment', 'on deploys', 'every time we deploy', 'each time we deploy', 'whenever we deploy', 'every time we publish', 'each time we publish', 'whenever we publish', 'when we publish', 'every deploy', 'every deployment', 'during rollout', 'during a rollout', 'rolling deploy', 'during deploy', 'during deployment', 'during the deployment', 'during publish', 'while publishing', 'slot swap', 'swapping slots', 'swap slots', 'zero-downtime', 'zero downtime', 'rolling update', 'blue-green', '部署期间', '发布期间', 'во время деплоя', 'durante o deploy', 'durante el despliegue'],
    ['We see a few 502s while deploying a new version.', 'Errors during the deployment and the slot swap.'],
  ),
  ...cue(
    'narrative.offline-words',
    ['is offline', 'goes offline', 'taken offline', 'site is down for', 'blank 503', 'service unavailable', 'temporarily unavailable', '服务不可用', 'недоступен'],
    ['The site loads with the message "App service is offline".', 'It serves a blank 503 page.'],
  ),
  ...cue(
    'narrative.login-words',
    ['attempting to login', 'attempting to log in', 'after login', 'after logging in', 'after signing in', 'when logging in', 'when i log in', 'on login', 'signin-oidc', 'openid connect', 'openidconnect', 'identityserver', 'identity server', 'oauth', 'after authentication', '登录后', 'после входа', 'ao fazer login'],
    ['I am getting a 502 error upon attempting to login to Manager.', 'The callback to /signin-oidc returns 502.'],
  ),
  ...cue(
    'narrative.big-headers',
    ['cookie is too large', 'cookies are too large', 'large cookie', 'big cookie', 'too many cookies', 'cookie size', 'header too big', 'header too large', 'headers too large', 'large header', 'total all cookies', 'set-cookie header', 'proxy_buffer_size', 'proxy_buffers'],
    ['So if I total all cookies for me it is 9k.', 'The Set-Cookie header is huge after login.'],
  ),
  ...cue(
    'narrative.http2-words',
    ['protocol mismatch', 'grpc', 'http/2', 'http2', 'h2c', 'http 2'],
    ['was getting all the time HTTP/1.x protocol mismatch exceptions.', 'The gRPC service behind nginx returns 502.'],
  ),
  ...cue(
    'narrative.works-locally',
    ['works locally', 'works fine locally', 'working locally', 'works on my machine', 'works in visual studio', 'works with dotnet run', 'running dotnet', 'works in iis express', 'runs fine with dotnet', 'works on localhost', 'works on the server itself', 'runs fine locally', 'runs fine on localhost', 'runs fine as localhost', 'runs fine with dotnet', 'runs fine from the command line', 'works from the command line', '本地正常', '本地运行正常', 'локально работает', 'funciona localmente', 'funciona en local', 'lokal funktioniert'],
    ['The site works locally but not on the server.', 'It works with dotnet run from the publish folder.', '本地运行正常，发布到IIS就502'],
  ),
  ...cue(
    'narrative.under-load',
    ['under load', 'under heavy load', 'high load', 'load test', 'heavy traffic', 'when load increases', 'stress test', 'jmeter', 'bombardier', 'locust', 'many concurrent', 'concurrent users', 'concurrent requests', 'lots of requests', 'high traffic', 'traffic spike', 'peak hours', 'стресс-тест', 'под нагрузкой', '高并发', '压测', 'carga alta', 'sob carga', 'unter last', 'mucha carga', 'bajo carga', 'muita carga', 'sous charge', 'forte charge', 'hoher last', '高負荷'],
    ['Only happens under load, with about 200 concurrent users.', 'During the load test every request failed.'],
  ),
  ...cue(
    'narrative.sync-code',
    ['fully synchronous', 'synchronous blocking', 'synchronous api', 'synchronous calls', 'synchronous code', 'sync calls', 'sync over async', 'sync-over-async', 'calling .result', 'using .result', 'use .result', 'uses .result', '.result everywhere', 'blocking on async', 'block on async', 'blocking calls', 'waiting on task.result', 'waiting on .result', 'on task.result', '同步调用', '同步阻塞', 'синхронные вызовы', 'chamadas síncronas', 'llamadas síncronas'],
    ['The entire legacy code is fully synchronous blocking calls.', 'We are using the synchronous API.', 'There are sync calls to the database.'],
    ['The clocks are synchronized'],
  ),
  ...cue(
    'narrative.threads-growing',
    ['threads starting to climb', 'threads climb', 'thread count climbs', 'thread count keeps', 'thread count grows', 'thread count increases', 'number of threads keeps', 'number of threads grows', 'number of threads increases', 'amount of threads', 'threads keep growing', 'threads keep increasing', 'threads keeps climbing', 'threads climbing', 'threads in w3wp', 'thread count in w3wp', 'threads keep climbing', 'threads blocked', 'threads are blocked', 'blocked threads', 'threads waiting on', 'threads stuck', 'no free threads', 'threads were blocked', 'threads are all blocked', 'threads blocked waiting', 'locked thread', 'threads are locked', 'thread pool worker threads', 'the thread count', '线程数', 'число потоков растет'],
    ['The amount of threads in htop starts to climb 1-2 per second.', 'The thread count keeps growing until it stops answering.'],
  ),
  ...cue(
    // Outbound connections piling up: a new HttpClient (or connection) per request leaves sockets
    // in TIME_WAIT until the ephemeral ports (or Azure's SNAT ports) run out.
    'narrative.connections-piling',
    ['time_wait', 'close_wait', 'thousands of connections', 'too many connections', 'connections keep growing', 'number of connections grows', 'open connections keep', 'new httpclient per request', 'new httpclient for every request', 'new httpclient() for each', 'creating a new httpclient'],
    ['netstat shows thousands of connections in TIME_WAIT to the payment API.', 'We are creating a new HttpClient for every call.'],
  ),
  ...cue(
    // The app's own calls out (to SQL, other APIs) fail to connect while it answers slowly: the
    // outbound side ran out of sockets or of App Service's SNAT ports, not the backend going down.
    'narrative.outbound-failing',
    ['outbound connection', 'outgoing connection', 'could not connect to external', 'cannot connect to external', "can't connect to external", 'connect to external endpoints', 'outbound calls fail', 'outgoing calls fail', 'outbound requests fail', 'outgoing requests fail'],
    ['Could not connect to external endpoints (like SQL DB or other App Services).', 'Intermittent outbound connection errors from the web app.'],
  ),
  ...cue(
    // A ceiling on connections reached: the rest wait or fail (IIS on a client Windows allows 10
    // concurrent requests, a plan or a proxy caps its connections).
    'narrative.connection-limit',
    ['maximum number of connections', 'max number of connections', 'maximum number of concurrent', 'connection limit', 'connections limit', 'limit of concurrent connections', 'concurrent connection limit', 'concurrent request limit', 'more than 10 connections', 'only 10 connections', 'limited to 10'],
    ['The maximum number of websocket connections seems to be 10.', 'We hit the connection limit of the plan.'],
  ),
  ...cue(
    'narrative.pool-limit',
    ['maximumpoolsize', 'max pool size', 'maxpoolsize', 'maximum pool size', 'connection pool is full', 'connection pool gets full', "connection pool get's full", 'connection pool fills up', 'pool is exhausted', 'connection leak', 'leaks connections', 'leaking connections', 'leaves an open connection', 'connections are not closed', 'connections never closed', 'connections not being closed', '连接池满', '连接池耗尽'],
    ['Connections increase to the max value of my connection string (maximumpoolsize=100).', 'The connection pool is full under load.'],
  ),
  ...cue(
    'narrative.intermittent',
    ['intermittent', 'intermittently', 'randomly', 'sporadic', 'from time to time', 'every now and then', 'once in a while', 'sometimes we get', 'some requests fail', 'occasionally', 'irregularly', 'not consistent', 'inconsistently', 'erratic', 'periods of working', 'a burst of', 'for a few seconds', 'a few seconds of', 'briefly', '偶尔', '间歇', 'периодически', 'иногда', 'intermitente', 'às vezes', 'a veces', 'manchmal'],
    ['We get intermittent 502s, maybe one request in fifty.', 'Sometimes we get a 502 when posting the form.'],
  ),
  ...cue(
    'narrative.long-request',
    ['long running', 'long-running', 'takes a long time', 'takes several minutes', 'large file', 'big file', 'file upload', 'uploading', 'export request', 'exporting', 'generating the report', 'report generation', 'heavy query', '上传大文件', '导出', '时间过长', '耗时很长', '耗时较长', '处理时间长', '长时间运行', '大量处理', '処理に時間がかかる', 'долгий запрос', 'demora muito', 'tarda mucho', 'выгрузк', 'relatório'],
    ['The long running export request fails, short ones are fine.', 'Uploading a large file gives 502 after a while.'],
    ['We set ASPNETCORE_ENVIRONMENT=Production in the shell'],
  ),
  ...cue(
    'narrative.timeout-words',
    ['timed out', 'times out', 'timing out', 'timeout', 'time out', 'time-out', 'after 2 minutes', 'after 100 seconds', 'after 30 seconds', 'after 60 seconds', 'after exactly', '超时', 'таймаут', 'тайм-аут', 'tempo limite', 'tiempo de espera', 'zeitüberschreitung', 'タイムアウト'],
    ['The request times out after exactly two minutes.', 'We see a timeout on the long request.', '请求超时'],
  ),
  ...cue(
    'narrative.after-idle',
    ['after idle', 'after being idle', 'first request after', 'first request of the day', 'in the morning', 'cold start', 'after inactivity', 'wakes up', 'idle for', 'after some idle', 'no incoming requests', 'no requests for', 'without any requests', 'period of inactivity', 'periods of inactivity', 'no traffic for', 'when idle', 'while idle', 'been idle', '第一次访问', 'первый запрос', 'primeira requisição', 'primera petición'],
    ['The first request after idle for 20 minutes fails with 502.', 'Every morning the first request gives a 502.'],
  ),
  ...cue(
    // A busy CPU starves request threads as surely as blocked ones do.
    'narrative.cpu-words',
    ['high cpu', '100% cpu', 'cpu at 100', 'cpu 100%', 'cpu hits 100', 'cpu goes to 100', 'cpu spikes', 'cpu spike', 'cpu maxed', 'cpu is maxed', 'cpu pegged', 'cpu usage spikes', 'cpu usage is high', 'cpu slowly', 'cpu creeps', 'cpu usage creeps', 'cpu usage gradually', 'cpu usage slowly', 'cpu usage increases', 'cpu usage keeps', 'cpu keeps climbing', 'cpu usage grows', 'загрузка процессора', 'uso de cpu alto', 'uso alto de cpu', 'hohe cpu'],
    ['CPU goes to 100% and requests start failing.', 'We see high CPU on the web servers during the outage.'],
  ),
  ...cue(
    // Requests waiting their turn: the app takes them in slower than they come.
    'narrative.requests-queue',
    ['requests pile up', 'requests queue up', 'requests are queued', 'requests get queued', 'queued requests', 'request queue', 'queue length', 'requests waiting in the queue', '请求堆积', 'очередь запросов'],
    ['Under load the requests pile up and then time out.', 'The request queue grows to thousands.'],
  ),
  ...cue(
    // Stopping with requests in flight: a recycle's, a deploy's or an orchestrator's shutdown.
    'narrative.shutdown-words',
    ['graceful shutdown', 'gracefully shut', 'sigterm', 'pod termination', 'pods terminating', 'terminationgraceperiod', 'prestop', 'in-flight requests', 'in flight requests', 'inflight requests', 'shutdown timeout', 'shutdowntimeout', 'shutdowntimelimit', 'during shutdown', 'on shutdown', 'scaling in', 'scale-in', 'scaling down', 'is shutting down', 'is stopping', 'while restarting', 'during restart', 'during a restart', 'during the restart', 'restart the service', 'restart its service', 'restarting the service'],
    ['Requests in flight fail when the pod gets SIGTERM.', 'During shutdown the in-flight requests are cut off.'],
  ),
  ...cue(
    // The pool itself stopping is what WAS's rapid-fail protection does after repeated crashes.
    'narrative.pool-stopped',
    ['app pool stops', 'app pool stopped', 'app pool keeps stopping', 'apppool stopped', 'application pool stops', 'application pool stopped', 'pool gets stopped', 'pool keeps stopping', 'pool is stopped', 'pool was stopped', 'stops the app pool', 'stopped the app pool', 'remain stopped', '应用程序池停止', 'пул останавливается', 'pool de aplicativos para'],
    ['The app pool stops after a few errors and the site answers 503.', 'All application pools crash and remain stopped.'],
  ),
  ...cue(
    'narrative.recycle-words',
    ['recycle', 'recycling', 'recycled', 'recyle', 'after iisreset', 'after restarting the app pool', 'restart the app pool', 'restarting iis', 'app pool restarts', 'web.config is changed', 'web.config change', 'changing web.config', 'applicationhost.config change', 'changing applicationhost.config', 'editing applicationhost.config', 'restarts asp.net core applications', 'restarts all asp.net core', 'restarts all applications', 'restarts all the applications', 'restarts all sites', 'overlapped', 'every night at', 'every day at', 'same time every day', 'same time every night', 'at the same time each day', 'every 29 hours', 'every 1740 minutes', '回收', 'перезапуск пула', 'reciclagem', 'reciclaje'],
    ['It happens during app pool recycle.', 'Requests fail when we restart the app pool.'],
  ),
  ...cue(
    // A restart that makes it go away for a while: something builds up (blocked threads, leaked
    // connections, memory) and the restart empties it. The recycle is the cure here, not the cause.
    'narrative.restart-helps',
    ['until we recycle', 'until i recycle', 'until we restart', 'until i restart', 'until the app pool is recycled', 'until we do an iisreset', 'recycling fixes', 'recycling the app pool fixes', 'recycling helps', 'restart fixes', 'restarting fixes', 'restarting the app pool fixes', 'restarting iis fixes', 'iisreset fixes', 'restart helps', 'restarting helps', 'only a restart', 'only restarting', 'works again after a restart', 'works again after restarting', 'fixes it temporarily', 'temporarily fixes', 'fixes it for a while', 'fixes it for a few hours', '重启后恢复', '重启就好', '重启后正常', 'помогает только перезапуск', 'reiniciar resolve', 'reiniciar soluciona', 'neustart hilft'],
    ['The site works for a few hours, then returns 502 until we recycle the app pool.', 'Restarting the app pool fixes it for a few hours.'],
    ['It happens during app pool recycle.'],
  ),
  ...cue(
    'narrative.hang-words',
    ['hangs', 'hanging', 'freezes', 'frozen', 'unresponsive', 'stops responding', 'stopped responding', 'not responding', 'never respond', 'never responds', 'never returns', 'never complete', 'stuck', 'deadlock', '卡死', '无响应', 'зависает', 'не отвечает', 'trava', 'se cuelga', 'hängt', 'deja de responder', 'no responde', 'para de responder', 'não responde', 'ne répond plus', 'reagiert nicht', '応答しない', '応答なし'],
    ['After an hour the site hangs and every request fails.', 'The app becomes unresponsive until we restart it.'],
  ),
  ...cue(
    'narrative.memory-words',
    ['memory leak', 'memory usage', 'high memory', 'memory grows', 'running out of memory', 'out of memory', 'private bytes', 'ram usage', '内存泄漏', '内存', 'утечка памяти', 'memória', 'memoria'],
    ['Memory usage grows until the pool recycles.', 'We suspect a memory leak.'],
  ),
  ...cue(
    'narrative.cert-words',
    ['certificate', 'ssl', 'tls', 'https backend', 'self-signed', 'self signed', 'cert expired', 'let\'s encrypt', 'letsencrypt', '证书', 'сертификат', 'certificado', 'zertifikat', '証明書'],
    ['We renewed the certificate yesterday.', 'The backend uses a self-signed certificate.'],
  ),
  ...cue(
    'narrative.startup-words',
    ['does not start', "doesn't start", 'won\'t start', 'fails to start', 'failed to start', 'not starting', 'on startup', 'at startup', 'during startup', 'startup issue', 'startup error', 'startup failure', 'first request fails', 'permission to listen on port', 'permission to bind', 'not allowed to bind', 'cannot bind to port', "can't bind to port", 'privileged port', '启动失败', '无法启动', 'не запускается', 'não inicia', 'no inicia', 'startet nicht'],
    ["The app doesn't start on the server.", 'It fails at startup after the deploy.'],
  ),
  ...cue(
    'narrative.crash-words',
    ['crash', 'crashes', 'crashed', 'crashing', 'process dies', 'process exits', 'app dies', 'just dies', 'dies in the middle', 'exited unexpectedly', 'exits unexpectedly', 'stopped unexpectedly', 'terminated unexpectedly', 'unexpectedly exited', 'unexpectedly terminated', 'keeps restarting', 'restart loop', 'process died', 'app died', 'brings down the process', 'killing the whole process', 'kills the whole process', 'killing the process', 'kills the process', 'kills the app', 'killing the app', 'brings down the application', 'bring the application down', 'brings the application down', 'bring down the application', 'takes down the process', 'takes the whole app down', 'async void', 'connection gets dropped', 'connection is dropped', 'terminated', 'killed', '崩溃', 'падает', 'вылетает', 'trava e fecha', 'se cae', 'stürzt ab'],
    ['The worker process crashes every few minutes.', 'The dotnet process dies without a log.', 'Under load the app just dies in the middle of requests.', 'The connection gets dropped before the response.'],
  ),
  ...cue(
    'narrative.config-words',
    ['web.config', 'hosting bundle', 'windowshosting', 'hosted on iis', 'hosted in iis', 'hosting on iis', 'deployed to iis', 'deployed on iis', 'deployment on iis', 'deployment to iis', 'published to iis', 'publish to iis', 'hostingmodel', 'in-process', 'inprocess', 'out-of-process', 'outofprocess', 'app pool', 'application pool', 'aspnetcoremodule', 'iis manager', '应用程序池', 'пул приложений', 'pool de aplicativos'],
    ['I installed the hosting bundle and checked web.config.', 'The app pool is set to No Managed Code.'],
  ),
  ...cue(
    'narrative.config-invalid',
    ['configuration is invalid', 'config is invalid', 'invalid configuration', 'configuration error', 'config error', 'configuration data is invalid', 'configuración no es válida', 'configuración inválida', 'configuração inválida', 'configuration invalide', 'konfiguration ist ungültig', '配置无效', '配置错误', 'конфигурация недействительна'],
    ['IIS says the configuration is invalid after the change.', 'We get a config error since the deploy.'],
  ),
  ...cue(
    // The app itself says it is up: the failure is between the proxy and it, not in its start.
    'narrative.app-is-up',
    ['listening fine', 'app is running', 'app is up', 'application is running', 'container is running', 'container is up', 'the app starts fine', 'app starts fine', 'starts without errors', 'started successfully', 'works when i curl', 'curl from inside the container works', 'directly on the port works', 'works on port 5000', 'works on the container port', '容器正常运行', 'приложение запущено'],
    ['The container is running and the app logs say it is listening fine.', 'Calling the app directly on the port works, only through the proxy it fails.'],
  ),
  ...cue(
    // The official images listen on 8080 from .NET 8 on (80 before): a move to 8+ behind a proxy
    // or platform still pointed at 80 is the classic way to get 502 with a healthy app.
    'narrative.dotnet8-move',
    ['to .net 8', 'to .net8', 'to net8', 'to net 8', 'to dotnet 8', 'upgraded to .net 8', 'migrated to .net 8', '.net 8 upgrade', 'net8.0', 'to .net 9', 'to net9', 'net9.0', 'to .net 10', 'net10.0', 'aspnet:8', 'aspnet:9', 'aspnet:10'],
    ['After upgrading the app to .NET 8 the container returns 502.', 'We changed the TargetFramework to net8.0 and rebuilt the image.'],
  ),
  ...cue(
    'narrative.sub-application',
    ['sub application', 'sub-application', 'subapplication', '(sub)application', 'sub app', 'sub-app', 'child application', 'child app', 'virtual application', 'nested application', 'converted to application', 'convert to application', 'application under the site', '子应用', '子站点', '虚拟应用程序', 'вложенное приложение', 'дочернее приложение', 'サブアプリケーション', 'aplicação filha', 'subaplicación', 'unteranwendung'],
    ['The API is a sub-application under the Default Web Site.', 'We converted the folder to application in IIS.', '在 IIS 里把它添加为子应用'],
  ),
  ...cue(
    'narrative.proxy-words',
    ['reverse proxy', 'load balancer', 'proxying', 'proxy the requests', 'proxy requests to', 'proxies requests', 'proxied to', 'proxy middleware', 'http-proxy', 'behind nginx', 'nginx in front', 'nginx-proxy', 'nginx proxy manager', 'virtual_port', 'behind cloudflare', 'cloudflare', 'application gateway', 'front door', 'ingress', 'traefik', 'caddy', 'yarp', 'ocelot', 'haproxy', 'envoy', '反向代理', 'балансировщик', 'proxy reverso', 'proxy inverso'],
    ['The app runs behind nginx as a reverse proxy.', 'Traffic goes through an Azure application gateway.'],
  ),
];
