/** Something in front gave up waiting; which limit is not visible yet. */
import { defineFamilyAnswer } from './family-answer';

export default defineFamilyAnswer({
  family: 'request-timeout',
  title: 'A gateway gave up waiting for the app',
  description: 'The evidence points at a timeout between a gateway and the app, but not yet at which gateway or which limit. Every layer has its own: ANCM 2 minutes, ARR web farm 30 s, nginx 60 s, Cloudflare 100 s, YARP 100 s, App Service 230 s, ALB 60 s idle.',
  layer: 'reverse-proxy',
  steps: [
    'Find out how long the failing requests ran before the error: IIS time-taken (ms), the proxy log\'s request time, or a stopwatch. A value near a layer\'s limit names that layer.',
    'Check the app\'s own log for the same requests: if they finish later with 200, the app is merely slow and a layer in front stopped waiting; if they never finish, look at thread pool starvation and blocked calls.',
    'Move work that takes minutes off the request (return 202 and poll), and only then raise the timeout of the layer that cut it.',
  ],
  fix: { summary: 'Identify the layer whose timeout matches the failure time, then make the request faster or asynchronous; raise that timeout only as a stop-gap.' },
  wants: ['iis-log', 'proxy-log', 'headers'],
  references: ['https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module#attributes-of-the-aspnetcore-element', 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-524/'],
});
