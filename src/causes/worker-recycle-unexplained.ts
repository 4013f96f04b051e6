/** The IIS worker went away under the request (recycle, shutdown), which one is not visible yet. */
import { defineFamilyAnswer } from './family-answer';

export default defineFamilyAnswer({
  family: 'worker-recycle',
  title: 'The IIS worker was recycled or shut down under the request',
  description: 'The evidence points at the app pool\'s worker being replaced or stopped while requests ran (a recycle, an idle shutdown, app_offline.htm, rapid-fail protection), not at which.',
  layer: 'iis',
  steps: [
    'Read System log WAS events at the failure time: 5074-5081 and 5117 (recycles and their reason), 5186 (idle shutdown), 5002 (rapid-fail disabled the pool).',
    'Check the pool\'s recycling settings (Regular time interval 1740 min by default, private memory limits, scheduled times) and whether a deploy dropped app_offline.htm.',
    'Give the app a graceful shutdown: out-of-process, shutdownTimeLimit; in-process, handle IHostApplicationLifetime.ApplicationStopping and keep the pool\'s shutdownTimeLimit above the app\'s.',
  ],
  fix: { summary: 'Schedule recycles for quiet hours (or turn the time-based one off), keep overlapping recycle on, and let requests finish on shutdown.' },
  wants: ['event-log', 'iis-log'],
  references: ['https://learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add/recycling/', 'https://learn.microsoft.com/aspnet/core/host-and-deploy/iis/advanced'],
});
