/**
 * app_offline.htm in the application folder: ANCM stops the app (event 1012) and answers every
 * request with 503 and the file's content until the file is removed. Deploy tools put it there on
 * purpose and take it away at the end; a failed or aborted deployment leaves it behind. ANCM also
 * watches the folder for the file, and on network shares phantom detections have been reported.
 */
import type { Evidence, WindowsEvent } from '../evidence/types';
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { refsOf, signals, statuses } from './query';
import { count, eventAt, flat, gatewayErrors } from './support/app-pools';

const DETECTED = 'was recycled after detecting app_offline.htm';

function detections(evidence: Evidence): WindowsEvent[] {
  return evidence.events.filter((e) => e.family === 'ancm' && (e.id === 1012 || flat(e.message).includes(DETECTED)));
}

/** The application path ANCM names: `Application 'C:\inetpub\shop\' was recycled...`. */
function applicationPath(event: WindowsEvent): string | undefined {
  const m = /Application '([^']{1,260})' was recycled/.exec(flat(event.message));
  return m?.[1];
}

/** A physical folder (drive or UNC path), as opposed to an IIS configuration path (/LM/W3SVC/2/ROOT). */
function isFolder(path: string | undefined): path is string {
  return path !== undefined && (/^[A-Za-z]:\\/.test(path) || path.startsWith('\\\\'));
}

interface AppOfflineFacts {
  /** Only plain 503.0 rows: what app_offline.htm looks like, among other things. */
  bareStatus?: boolean;
  /** 503 responses (or, with bareStatus, 503.0 rows) in the paste. */
  unavailable: number;
  /** The first ANCM detection event, as "IIS AspNetCore Module V2 1012 (events.txt line 4)". */
  event?: string;
  detections?: number;
  /** The response body is an app_offline.htm page. */
  page?: boolean;
  /** The application path the event names, and the folder when it is one. */
  path?: string;
  folder?: string;
  /** The path is a network share. */
  share?: boolean;
  /** ANCM started the app again after a detection. */
  restarted?: boolean;
}

export default defineCause<AppOfflineFacts>({
  id: 'app-offline',
  title: 'An app_offline.htm file took the app offline',
  family: 'worker-recycle',
  layer: 'ancm',
  clues: {
    'app-offline': 'proves',
    'ancm.recycled-app-offline': 'proves',
  },
  description:
    'An app_offline.htm file appeared in the application folder, so the ASP.NET Core Module stopped the app and answers 503 with that page until the file is removed. Deployments do this on purpose; one that fails halfway leaves the site offline.',
  match(evidence) {
    const found = detections(evidence);
    const pages = signals(evidence, 'app-offline-page');
    const unavailable = gatewayErrors(evidence, [503]);
    if (found.length === 0 && pages.length === 0) {
      // A bare 503.0 in the IIS log is what app_offline.htm looks like, and what several other things look like.
      const plain = statuses(evidence, { status: 503, substatus: 0, origin: 'iis-log' }).filter((s) => s.win32 === undefined || s.win32 === 0);
      if (plain.length === 0) return undefined;
      return { confidence: CONFIDENCE.weak - 0.03, evidence: refsOf(plain), facts: { bareStatus: true, unavailable: plain.length } };
    }
    const base = pages.length > 0 ? CONFIDENCE.strong : CONFIDENCE.likely;
    const boosts: number[] = [];
    if (unavailable.length > 0) boosts.push(0.1);
    if (pages.length > 0 && found.length > 0) boosts.push(0.05);

    const first = found[0];
    const path = first ? applicationPath(first) : undefined;
    // ANCM 1032/1001 next to a detection: the app came back once the file was gone.
    const restarted = first ? evidence.events.filter((e) => e.family === 'ancm' && (e.id === 1032 || e.id === 1001) && e !== first) : [];
    return {
      confidence: boosted(base, ...boosts),
      evidence: refsOf([...pages.map((s) => s.ref), ...found.map((e) => e.messageRef), ...unavailable]),
      facts: {
        event: first ? eventAt(first) : undefined,
        detections: found.length,
        page: pages.length > 0,
        path,
        folder: isFolder(path) ? path : undefined,
        share: path?.startsWith('\\\\') === true,
        restarted: restarted.length > 0,
        unavailable: unavailable.length,
      },
    };
  },
  steps({ facts }) {
    const detections = facts.detections ?? 0;
    const steps: string[] = [];
    if (facts.bareStatus && facts.unavailable !== undefined) {
      steps.push(
        `The IIS log has ${count(facts.unavailable, '503.0 row')} with no Win32 error, which is what ANCM writes while app_offline.htm is present (and what a few other things write too). Look in the Application log for ANCM event 1012 ("was recycled after detecting app_offline.htm") and in the site folder for the file.`,
      );
    }
    if (facts.page) steps.push('The response body is an app_offline.htm page: ANCM serves that file with 503 for every request while it sits in the application folder.');
    if (facts.event !== undefined) {
      steps.push(
        `${facts.event}: ANCM found app_offline.htm${facts.path !== undefined ? ` in '${facts.path}'` : ''} and stopped the app.${detections > 1 ? ` It did so ${count(detections, 'time')} in the paste.` : ''}${facts.restarted ? ' The paste also shows the app starting (ANCM 1032/1001): each detection is an outage that lasts until the file is gone again.' : ''}`,
      );
    }
    const folder = facts.folder ?? '<site folder>\\';
    steps.push(
      `Check whether the file is still there: Test-Path '${folder}${folder.endsWith('\\') ? '' : '\\'}app_offline.htm'. If it is and no deployment is running, a deployment failed or was cancelled after putting it up; read that deployment's log.`,
      'Match the detection times with your deployments (pipeline history). A detection with no deployment at that time is not a deploy step.',
    );
    if (facts.share || detections > 2) {
      steps.push(
        `${facts.share ? 'The application folder is on a network share. ' : ''}Repeated detections without deployments have been reported when the folder is watched over a network share or when other software creates the file (dotnet/aspnetcore#24428, #55939): check which process writes app_offline.htm (Process Monitor, path filter on app_offline.htm) and consider a local folder for the site.`,
      );
    }
    return steps;
  },
  fix({ facts }) {
    const folder = facts.folder ?? '<site folder>\\';
    const file = `${folder}${folder.endsWith('\\') ? '' : '\\'}app_offline.htm`;
    return {
      summary:
        'Remove app_offline.htm once the deployment is finished, and let the deploy tool own the file so it is always taken down again: Web Deploy\'s AppOffline rule, EnableMSDeployAppOffline in the publish profile, or the "take app offline" option of the pipeline task.',
      language: 'powershell',
      snippet: [
        `Remove-Item -LiteralPath '${file}'`,
        '# Web Deploy puts app_offline.htm up before the sync and removes it afterwards',
        "msdeploy.exe -verb:sync -source:contentPath='C:\\build\\publish' -dest:contentPath='<site name>' -enableRule:AppOffline",
      ].join('\n'),
    };
  },
  wants: ['event-log', 'error-page', 'iis-log'],
  references: [
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/app-offline',
    'https://learn.microsoft.com/iis/publish/deploying-application-packages/taking-an-application-offline-before-publishing',
    'https://learn.microsoft.com/aspnet/core/host-and-deploy/aspnet-core-module',
    'https://github.com/dotnet/aspnetcore/issues/55939',
  ],
});
