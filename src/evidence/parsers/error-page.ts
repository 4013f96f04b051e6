/**
 * Reads error pages, as HTML source or as the text a browser shows: ANCM start-failure pages,
 * IIS detailed errors, the HTTP.sys 503 page, Cloudflare, Azure Application Gateway and Front Door,
 * nginx and AWS ALB pages, and app_offline.htm notices.
 *
 * Each page gives at most one StatusObservation (origin 'error-page') and the signals that name the
 * layer that drew it. A segment may hold several pages: a new one starts after `</html>`.
 */
import type { SegmentFacts, Segment, Signal, StatusObservation } from '../types';
import { Page, splitPages } from './error-page-model';
import { findPageStatus } from './error-page-status';
import { iisDetails, iisSignals } from './error-page-iis';
import { layerSignals } from './error-page-layers';

/** Parses one error-page segment. Never throws: an unrecognized page yields nothing. */
export function parseErrorPage(segment: Segment): SegmentFacts {
  const facts: Required<Pick<SegmentFacts, 'statuses' | 'signals'>> = { statuses: [], signals: [] };
  for (const range of splitPages(segment.lines)) {
    const page = new Page(segment, range.start, range.end);
    const status = findPageStatus(page);
    if (status) {
      const observation: StatusObservation = { status: status.status, origin: 'error-page', ref: page.ref(status.index) };
      if (status.substatus !== undefined) observation.substatus = status.substatus;
      if (status.source === 'iis') {
        const url = iisDetails(page).url;
        if (url !== undefined) observation.url = url;
      }
      facts.statuses.push(observation);
      facts.signals.push(...iisSignals(page, status));
    }
    const layers = layerSignals(page, status);
    facts.signals.push(...layers);
    if (!status) {
      // A branded Cloudflare copy may keep only the error's name ("Web server is down"): its code is known.
      const named = layers.find((s) => s.id === 'cloudflare') as Signal<'cloudflare'> | undefined;
      if (named?.data.status !== undefined) facts.statuses.push({ status: named.data.status, origin: 'error-page', ref: named.ref });
    }
  }
  return facts;
}
