/**
 * IIS 502.4 (MD_ERROR_SUB502_ARR_NO_SERVER): Application Request Routing had no server in the
 * farm to route to: every member is marked Unhealthy (the health test failed, or live traffic
 * failures crossed maxLiveTrafficFailures), offline, or unavailable. The back ends may well be
 * up; ARR has stopped trusting them.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals, statuses } from './query';
import { iisRowCount, plural } from './support/gateway-evidence';

interface ArrNoHealthyServerFacts {
  /** 502.4 rows in the IIS log. */
  rows: number;
  /** 502.3 rows in the IIS log: ARR failed to reach the back ends before it marked them down. */
  count5023: number;
}

export default defineCause<ArrNoHealthyServerFacts>({
  id: 'arr-no-healthy-server',
  title: 'ARR server farm has no healthy server (502.4)',
  family: 'proxy-origin',
  layer: 'reverse-proxy',
  clues: {
    'iis.arr-no-server': 'proves',
    'status.502.4': 'proves',
  },
  description:
    'IIS Application Request Routing answered 502.4 because no server of the web farm was available: all were marked unhealthy by the health test or by failed live traffic, or taken offline.',
  match(evidence) {
    const hits = statuses(evidence, { status: 502, substatus: 4 });
    const pages = signals(evidence, 'iis-error-page').filter((s) => s.data.status === 502 && s.data.substatus === 4);
    if (hits.length === 0 && pages.length === 0) return undefined;
    const fromLogs = hits.some((h) => h.origin === 'iis-log' || h.origin === 'freb' || h.origin === 'error-page') || pages.length > 0;
    const arr = [...signals(evidence, 'arr-proxy'), ...signals(evidence, 'freb-arr-routed')];
    const rows = iisRowCount(evidence, 502, 4, hits.filter((h) => h.origin === 'iis-log').length);
    return {
      confidence: boosted(fromLogs ? CONFIDENCE.strong : CONFIDENCE.likely, arr.length > 0 ? 0.05 : 0, rows >= 3 ? 0.03 : 0),
      evidence: refsOf([...pages, ...hits, ...arr]),
      facts: { rows, count5023: iisRowCount(evidence, 502, 3, statuses(evidence, { status: 502, substatus: 3 }).length) },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const rows = facts.rows ?? 0;
    steps.push(
      `502.4 is ARR's "no server available" status${rows > 0 ? ` (${plural(rows, 'IIS log row')})` : ''}: ARR did not try any back end, because every server of the farm was Unhealthy or offline at that moment.`,
    );
    steps.push(
      'In IIS Manager on the ARR server: Server Farms > <farm> > Monitoring and Management shows each server\'s Health Status, Requests and Failures. `%windir%\\system32\\inetsrv\\appcmd.exe list config -section:webFarms` shows the healthCheck element (url, interval, statusCodeMatch 200-399 by default, responseMatch).',
    );
    steps.push(
      'Request the health test URL from the ARR server yourself (`Invoke-WebRequest <health-url> -UseBasicParsing`): it must answer with a status in statusCodeMatch within the timeout (30 s by default), and contain responseMatch if one is set. A test URL that redirects to a login page, or that names a host the back end does not bind, marks every server Unhealthy.',
    );
    steps.push(
      'Live traffic also counts: with liveTrafficFailureCodes "500-" (the default), maxLiveTrafficFailures (10) responses of 500 and up mark a server Unhealthy. A back end that threw 500s or 502.3s before this outage gets taken out even though it still runs; look for them in the ARR server\'s IIS log just before the first 502.4.',
    );
    if (facts.count5023 !== undefined && facts.count5023 > 0) {
      steps.push(`The evidence also has ${plural(facts.count5023, '502.3')}: ARR failed to talk to the back ends first (connection error or timeout), then marked them down and answered 502.4. Fix what the 502.3 rows show.`);
    }
    steps.push('After fixing the back end, mark the servers Healthy again (Monitoring and Management > Set Server Healthy) or wait for the next successful health test.');
    return steps;
  },
  fix() {
    return {
      summary:
        'Give the farm a health test the back ends pass (an anonymous URL on each server that returns 200 quickly), stop the back-end errors that count as live-traffic failures, and bring the servers back to Healthy.',
      language: 'xml',
      snippet: [
        '<!-- applicationHost.config on the ARR server -->',
        '<webFarm name="app-farm" enabled="true">',
        '  <server address="10.0.0.11" enabled="true" />',
        '  <server address="10.0.0.12" enabled="true" />',
        '  <applicationRequestRouting>',
        '    <healthCheck url="http://app.example.com/healthz" interval="00:00:30" timeout="00:00:10"',
        '                 statusCodeMatch="200" liveTrafficFailureCodes="500-" maxLiveTrafficFailures="10" />',
        '  </applicationRequestRouting>',
        '</webFarm>',
      ].join('\n'),
    };
  },
  wants: ['iis-log', 'freb', 'error-page'],
  references: [
    'https://learn.microsoft.com/iis/extensions/configuring-application-request-routing-arr/configure-health-monitoring-in-application-request-routing',
    'https://learn.microsoft.com/troubleshoot/developer/webapps/iis/application-request-routing/troubleshooting-502-errors-in-arr',
  ],
});
