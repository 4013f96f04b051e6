/**
 * Signatures of containers and Kubernetes. See types.ts for what a signature is and how it is matched.
 *
 * Two clues. `container.context`: the text shows the app runs in Docker or Kubernetes (a command,
 * a manifest key, a pod state, an image). `container.port-mismatch`: the line shows a port
 * setting that a proxy-to-container port disagreement is judged on (EXPOSE, `-p host:container`,
 * compose `ports:`, `containerPort`, `targetPort`, ASPNETCORE_HTTP_PORTS, a wildcard
 * ASPNETCORE_URLS, WEBSITES_PORT, Kestrel's "Overriding HTTP_PORTS" warning). Its value is the
 * container-side port the line sets, so the scorer can compare it with the port the app listens
 * on (8080 by default since the .NET 8 images) and the port the proxy targets. A line that only
 * names such a setting, without a port, is context.
 */
import type { Signature } from './types';

const DOCKERFILE = 'Docker docs: Dockerfile reference (FROM, EXPOSE, COPY --from)';
const DOCKER_RUN = 'Docker docs: docker run reference (-p, --publish hostPort:containerPort)';
const COMPOSE = 'Compose Specification (services.<name>.ports "HOST:CONTAINER", environment)';
const K8S_API = 'Kubernetes API reference (core/v1 ContainerPort.containerPort, ServicePort.targetPort)';
const K8S_EVENTS = 'kubernetes/kubernetes pkg/kubelet (container states and events: CrashLoopBackOff, OOMKilled, probe failures)';
const DOTNET_DOCKER = 'dotnet/dotnet-docker docs (ASPNETCORE_HTTP_PORTS=8080 in the .NET 8+ images; port 80 before)';

/** Each prefix followed by a digit 1-9: a setting written with its port, not just named. */
function withPort(...prefixes: string[]): string[] {
  return prefixes.flatMap((prefix) => [...'123456789'].map((digit) => prefix + digit));
}

export const SIGNATURES: readonly Signature[] = [
  // --- The app runs in a container or Kubernetes
  {
    clue: 'container.context',
    names: true,
    all: ['docker'],
    // Traefik names routers and services after their provider ("shop@docker"): an identifier on
    // every access-log line, successful ones too, not a word about the setup.
    none: ['@docker'],
    source: 'Docker CLI / Compose / Dockerfile names (docker run, docker compose, docker-compose.yml, Dockerfile)',
    examples: {
      match: ['docker compose up -d --build', 'docker-compose.yml: services: api: build: .', 'Step 7/9 : COPY . . (Dockerfile)', 'it works with dotnet run but not in docker'],
      noMatch: ['We deploy the app to IIS 10 on Windows Server 2022', '10.0.0.7 - - [20/Nov/2026:10:15:01 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.5.0" 1 "shop@docker" "http://172.18.0.3:8080" 3ms'],
    },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['podman'],
    source: 'Podman CLI (podman run, podman-compose)',
    examples: { match: ['podman run -d --name api localhost/api:latest'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['mcr.microsoft.com/dotnet/'],
    value: /mcr\.microsoft\.com\/dotnet\/([\w./-]{1,80}:[\w.-]{1,40})/i,
    source: `${DOCKERFILE}; ${DOTNET_DOCKER} (image names)`,
    examples: { match: ['FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base', 'image: mcr.microsoft.com/dotnet/aspnet:9.0-alpine'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['copy --from='],
    source: `${DOCKERFILE} (multi-stage COPY --from)`,
    examples: { match: ['COPY --from=publish /app/publish .'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['kube'],
    any: ['kubectl', 'kubernetes', 'kubelet', 'kube-proxy', 'kube-dns', 'minikube', 'kubeconfig'],
    source: 'Kubernetes component and CLI names',
    examples: {
      match: ['kubectl logs deploy/orders-api -n shop', 'we moved the API to Azure Kubernetes Service last week', 'Warning  Unhealthy  kubelet  Readiness probe failed'],
    },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['k8s'],
    any: [' k8s', 'k8s.io', 'k8s cluster', '(k8s'],
    source: 'Kubernetes abbreviation and API group names (networking.k8s.io, ingress.k8s.io)',
    examples: { match: ['after moving to k8s the api returns 502', 'apiVersion: networking.k8s.io/v1'], noMatch: ['token=aK8sQ2x9'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['svc.cluster.local'],
    source: 'Kubernetes DNS for Services (<service>.<namespace>.svc.cluster.local)',
    examples: { match: ['upstream: "http://orders-api.shop.svc.cluster.local:80/"'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['kind: '],
    any: ['kind: deployment', 'kind: service', 'kind: ingress', 'kind: pod', 'kind: statefulset', 'kind: daemonset', 'kind: httproute'],
    source: `${K8S_API} (manifest kinds)`,
    examples: { match: ['kind: Deployment', 'kind: Ingress'], noMatch: ['kind: Annotation'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['backoff'],
    any: ['crashloopbackoff', 'imagepullbackoff'],
    source: K8S_EVENTS,
    examples: { match: ['orders-api-7d9c6b5f4-x2kqj   0/1   CrashLoopBackOff   12   40m', 'Failed to pull image: ImagePullBackOff'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['back-off restarting failed container'],
    source: K8S_EVENTS,
    examples: { match: ['Warning  BackOff  kubelet  Back-off restarting failed container api in pod orders-api-7d9c6b5f4-x2kqj'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['oomkilled'],
    source: K8S_EVENTS,
    examples: { match: ['Last State: Terminated Reason: OOMKilled Exit Code: 137'] },
  },
  {
    // The kubelet's reason for a container the kernel killed at its memory limit: the app ran out
    // of memory, whatever the proxy in front then reports.
    clue: 'dotnet.out-of-memory',
    all: ['oomkilled'],
    source: K8S_EVENTS,
    examples: { match: ['Last State: Terminated Reason: OOMKilled Exit Code: 137', 'api-7f9c   0/1   OOMKilled   3 (2m ago)   1h'], noMatch: ['Last State: Terminated Reason: Error Exit Code: 1'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['probe'],
    any: ['readiness probe', 'liveness probe', 'startup probe', 'readinessprobe', 'livenessprobe', 'startupprobe'],
    source: `${K8S_EVENTS}; ${K8S_API} (Container.readinessProbe / livenessProbe)`,
    examples: { match: ['Readiness probe failed: Get "http://10.244.1.17:80/healthz": dial tcp 10.244.1.17:80: connect: connection refused', 'livenessProbe: httpGet: path: /healthz port: 8080'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['ingress'],
    any: ['ingress-nginx', 'nginx ingress', 'ingress controller', 'ingressclassname', 'nginx.ingress.kubernetes.io'],
    source: 'kubernetes/ingress-nginx (controller, annotations nginx.ingress.kubernetes.io/*); Kubernetes Ingress spec.ingressClassName',
    examples: { match: ['ingress-nginx-controller-5c8d66c76d-abcde controller 2026/11/20 10:15:02 [error] 31#31: *1 connect() failed', 'nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['pod'],
    any: ['the pod', 'the pods', 'my pod', 'our pod', 'each pod', 'pod restart', 'pods restart', 'pod/', 'in pod ', 'get pods', 'describe pod', 'pod logs', 'pod is ', 'pods are '],
    none: ['podcast', 'ipod', 'tripod', 'airpod'],
    source: 'Kubernetes Pod (kubectl get pods / describe pod, pod/<name> resource names)',
    examples: {
      match: ['kubectl get pods -n shop', 'the pod restarts every few minutes', 'pod/orders-api-7d9c6b5f4-x2kqj condition met'],
      noMatch: ['listened to the podcast about IIS'],
    },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['containerport'],
    source: `${K8S_API} (ContainerPort.containerPort)`,
    examples: { match: ['which containerPort should the deployment use?'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['targetport'],
    source: `${K8S_API} (ServicePort.targetPort)`,
    examples: { match: ['targetPort: http'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['aspnetcore_http_ports'],
    source: `${DOTNET_DOCKER} (set by the images, so its presence shows a container)`,
    examples: { match: ['env | grep ASPNETCORE_HTTP_PORTS'] },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['container'],
    any: ['inside the container', 'in the container', 'in a container', 'in our container', 'container image', 'container port', 'container restarted', 'container crashed', 'container keeps', 'container exited', 'containerd', 'containerized', 'containerised', 'sidecar container', 'init container', 'container apps', 'container instances'],
    // Dependency-injection, storage and servlet containers read alike.
    none: ['registered', 'ioc', 'di container', 'dependency injection', 'autofac', 'blob', 'storage', 'cosmos', 'servlet', 'service provider'],
    source: 'Container runtime wording (Docker, containerd, Azure Container Apps / Container Instances)',
    examples: {
      match: ['curl localhost:8080 works inside the container but the proxy gets 502', 'we deploy to Azure Container Apps', 'the container exited with code 139'],
      noMatch: ['IOrderService is not registered in the container', 'the blob container is not found (404)'],
    },
  },
  {
    clue: 'container.context',
    names: true,
    all: ['exited with code'],
    any: ['-1 exited', '_1 exited', '-2 exited', '_2 exited'],
    source: `${COMPOSE} (docker compose up: "<service>-1 exited with code N")`,
    examples: { match: ['api-1 exited with code 139', 'shop_api_1 exited with code 0'], noMatch: ["The program '[12345] Orders.Api.exe' has exited with code 0 (0x0)."] },
  },

  // --- Port settings worth comparing (value: the container-side port)
  {
    clue: 'container.port-mismatch',
    all: ['aspnetcore_http_ports'],
    any: withPort('aspnetcore_http_ports=', 'aspnetcore_http_ports: ', 'aspnetcore_http_ports:', 'aspnetcore_http_ports="', "aspnetcore_http_ports='", 'aspnetcore_http_ports: "', 'aspnetcore_http_ports '),
    value: /aspnetcore_http_ports["']?\s{0,3}[=:]?\s{0,3}["']?(\d{1,5})/i,
    source: `${DOTNET_DOCKER}; dotnet/aspnetcore Microsoft.AspNetCore.Hosting (HTTP_PORTS / HTTPS_PORTS settings, .NET 8+)`,
    examples: {
      match: ['ENV ASPNETCORE_HTTP_PORTS=8080', '- ASPNETCORE_HTTP_PORTS=80', 'ASPNETCORE_HTTP_PORTS: "5000"'],
      noMatch: ['what does ASPNETCORE_HTTP_PORTS do?'],
    },
  },
  {
    clue: 'container.port-mismatch',
    all: ['overriding http_ports'],
    value: /defined by urls instead '[^'\n]{0,200}?:(\d{1,5})/i,
    source: "dotnet/aspnetcore src/Hosting/Hosting/src/Internal/HostingLoggerExtensions.cs (PortsOverridenByUrls: \"Overriding HTTP_PORTS '{http}' and HTTPS_PORTS '{https}'. Binding to values defined by URLS instead '{urls}'.\")",
    examples: {
      match: [
        "warn: Microsoft.AspNetCore.Hosting.Diagnostics[15] Overriding HTTP_PORTS '8080' and HTTPS_PORTS ''. Binding to values defined by URLS instead 'http://+:80'.",
        "api-1  |       Overriding HTTP_PORTS '8080' and HTTPS_PORTS ''. Binding to values defined by URLS instead 'http://+:8080'.",
      ],
    },
  },
  {
    clue: 'container.port-mismatch',
    all: ['aspnetcore_urls'],
    // A wildcard host (+, *, 0.0.0.0, [::]) is how apps in containers bind.
    any: ['+:', '*:', '0.0.0.0:', '[::]:'],
    value: /aspnetcore_urls["']?\s{0,3}[=:]?\s{0,3}["']?[^\s"';]{0,200}?:(\d{1,5})/i,
    source: `${DOTNET_DOCKER}; dotnet/aspnetcore Microsoft.AspNetCore.Hosting WebHostDefaults.ServerUrlsKey (ASPNETCORE_URLS)`,
    examples: {
      match: ['ENV ASPNETCORE_URLS=http://+:80', 'docker run -e ASPNETCORE_URLS=http://0.0.0.0:5000 api', '- ASPNETCORE_URLS=http://*:8080'],
      noMatch: ['ASPNETCORE_URLS=http://localhost:5000'],
    },
  },
  {
    clue: 'container.port-mismatch',
    all: ['expose '],
    any: withPort('expose '),
    none: ['endpoint', 'metric', 'method', 'header'],
    value: /expose\s{1,5}(\d{1,5})/i,
    source: `${DOCKERFILE} (EXPOSE <port>)`,
    examples: { match: ['EXPOSE 80', 'EXPOSE 8080/tcp'], noMatch: ['we expose 3 endpoints to the partner'] },
  },
  {
    clue: 'container.port-mismatch',
    all: ['run '],
    any: withPort('-p ', '--publish ', '-p=', '--publish='),
    none: ['dotnet run'],
    value: /(?:-p|--publish)[ =]{1,2}(?:[\d.]{1,15}:)?\d{1,5}:(\d{1,5})/i,
    source: DOCKER_RUN,
    examples: {
      match: ['docker run -d -p 8000:80 --name api orders-api:latest', 'podman run --publish 5000:8080 api', 'docker run -p 127.0.0.1:8080:8080 api'],
      noMatch: ['dotnet run -p 5000'],
    },
  },
  {
    clue: 'container.port-mismatch',
    all: ['->', '/tcp'],
    value: /->(\d{1,5})\/tcp/i,
    source: 'Docker CLI docker ps PORTS column ("0.0.0.0:8000->80/tcp")',
    examples: { match: ['3f2a1b9c  orders-api:latest  "dotnet Orders.Api.dll"  Up 2 minutes  0.0.0.0:8000->80/tcp  api'] },
  },
  {
    clue: 'container.port-mismatch',
    all: ['ports:'],
    any: withPort('ports: - "', "ports: - '", 'ports: - ', 'ports: ["', "ports: ['", 'ports: [', 'ports:["'),
    value: /ports:\s{0,3}[-[]\s{0,3}["']?(?:[\d.]{1,15}:)?\d{1,5}:(\d{1,5})/i,
    source: COMPOSE,
    examples: { match: ['ports: - "8000:80"', 'ports: ["5000:8080"]'] },
  },
  {
    clue: 'container.port-mismatch',
    all: ['containerport'],
    any: withPort('containerport: ', 'containerport:', 'containerport": ', 'containerport":', 'containerport='),
    value: /containerport"?\s{0,3}[:=]\s{0,3}(\d{1,5})/i,
    source: K8S_API,
    examples: { match: ['- containerPort: 80', '"containerPort": 8080,'] },
  },
  {
    clue: 'container.port-mismatch',
    all: ['targetport'],
    any: withPort('targetport: ', 'targetport:', 'targetport": ', 'targetport":', 'targetport='),
    value: /targetport"?\s{0,3}[:=]\s{0,3}(\d{1,5})/i,
    source: K8S_API,
    examples: { match: ['port: 80 targetPort: 80', '"targetPort": 8080'], noMatch: ['targetPort: http'] },
  },
  {
    clue: 'container.port-mismatch',
    all: ['websites_port'],
    any: withPort('websites_port=', 'websites_port: ', 'websites_port ', 'websites_port="'),
    value: /websites_port["']?\s{0,3}[=:]?\s{0,3}["']?(\d{1,5})/i,
    source: 'Azure App Service docs: custom containers (WEBSITES_PORT app setting, the port the front end forwards to)',
    examples: { match: ['az webapp config appsettings set --settings WEBSITES_PORT=8080'] },
  },
];
