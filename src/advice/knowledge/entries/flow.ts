/**
 * "Where do I start?": the diagnostic flow of the seed article, in order, with a pointer to what
 * this thread still lacks when there is a diagnosis.
 */
import { DOCS } from '../references';
import { numbered, paragraphs, titledList } from '../text';
import { diagnosedCauses } from '../thread-text';
import type { KnowledgeEntry } from '../types';

export const FLOW_ENTRY: KnowledgeEntry = {
  id: 'flow-where-to-start',
  title: 'Where to start with a 502',
  phrasings: [
    'where do I start',
    'what should I check',
    'how do I troubleshoot a 502',
    'how do I debug bad gateway on IIS',
    'how to diagnose a 502',
    'what is the diagnostic flow',
    'first steps for a 502',
    'steps to investigate 502 errors',
  ],
  keywords: ['checklist', 'approach', 'methodology'],
  answer: ({ diagnosis }) => {
    const next = diagnosis?.missing[0];
    const top = diagnosedCauses(diagnosis)[0];
    return {
      text: paragraphs(
        next
          ? `For this thread${top ? ` (leading candidate: ${top.title})` : ''}, the most useful next piece is ${next.what.toLowerCase()}: ${next.why}`
          : undefined,
        titledList(
          'The order that settles most 502s:',
          numbered([
            'Read the exact code: 502.5 means the app never started, 502.3 means the call from IIS to the app broke or timed out (the Win32 code next to it says which), a bare 502 often comes from a CDN or proxy in front. The error page title or the IIS log\'s sc-substatus has it.',
            'Find the failing requests in the IIS log: URL, sc-status, sc-substatus, sc-win32-status and time-taken (ask me "where are the IIS logs").',
            'For a startup failure (502.5, 500.30), turn on stdout logging, recycle the pool, reproduce, and read the exception (ask me "how do I enable stdout logging"); turn it off afterwards.',
            'Check Event Viewer: Application for "IIS AspNetCore Module V2", ".NET Runtime" and "Application Error", System for "WAS". Crashes, start failures and recycles are all recorded there.',
            'Check which layer answered from the response headers: server: cloudflare with cf-ray, Server: awselb/2.0, X-Azure-Ref, or IIS itself.',
            'If it looks like a timeout, measure how long the failing requests were in flight: a constant duration is a timeout, and the number tells whose (120 s ANCM, 30 s ARR web farm, 60 s ALB or nginx, 100 to 120 s Cloudflare).',
          ]),
        ),
        'Paste whatever you have at any step: logs, events, headers, the error page or web.config. I read them all and rank the causes.',
      ),
      references: [DOCS.troubleshootIis, DOCS.iisErrors],
    };
  },
};
