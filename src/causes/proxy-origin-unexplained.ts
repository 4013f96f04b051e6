/** A proxy, load balancer or CDN could not get an answer from the app; why is not visible yet. */
import { defineFamilyAnswer } from './family-answer';

export default defineFamilyAnswer({
  family: 'proxy-origin',
  title: 'The gateway in front could not reach the app, or rejected its answer',
  description: 'A CDN, load balancer or reverse proxy answered 502 for the app: it could not connect, found no healthy backend, or got an answer it would not pass on. Which of these is not in the evidence yet.',
  layer: 'reverse-proxy',
  steps: [
    'From the gateway\'s own host (or container), request the app directly at the address the gateway uses: "curl -v http://<backend-host>:<port>/". A refused connection means nothing listens there; a timeout means a firewall or wrong address.',
    'Compare the address and port the app listens on ("Now listening on:" at start, ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS; .NET 8 containers listen on 8080, not 80) with the gateway\'s upstream / target group / backend pool.',
    'Read the gateway\'s own log or health view (nginx error.log, ALB target health, Application Gateway backend health, Cloudflare\'s error page code): it names the failure.',
  ],
  fix: { summary: 'Make the gateway point at the address and port the app really listens on (and the app listen on an address the gateway can reach, not only localhost inside a container).' },
  wants: ['proxy-log', 'headers', 'stdout-log'],
  references: ['https://learn.microsoft.com/aspnet/core/host-and-deploy/proxy-load-balancer', 'https://learn.microsoft.com/dotnet/core/compatibility/containers/8.0/aspnet-port'],
});
