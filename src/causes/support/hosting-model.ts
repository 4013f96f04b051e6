/**
 * Fix snippets that follow the user's setup (issue 9): an example `<aspNetCore>` element carries
 * the hosting model of the pasted web.config, never another one, and a fix that suggests moving to
 * in-process hosting says it is a change of model when the pasted web.config runs out-of-process.
 * Without a pasted `<aspNetCore>` element the cause's own default stands.
 */
import type { Evidence } from '../../evidence/types';
import { aspNetCoreAttribute, hostingModel } from '../query';

type Model = 'inprocess' | 'outofprocess';

/**
 * The ` hostingModel="..."` of an example `<aspNetCore>` element (with its leading space): the
 * user's value as they write it when their pasted element has one, nothing when their element
 * leaves it out (which means out-of-process), and ` hostingModel="${fallback}"` when no element
 * was pasted. An invalid value (`InProc`) is shown as the valid model ANCM would need.
 */
export function hostingModelAttribute(evidence: Evidence, fallback: Model | undefined): string {
  const model = hostingModel(evidence);
  if (model === undefined) return fallback ? ` hostingModel="${fallback}"` : '';
  const written = aspNetCoreAttribute(evidence, 'hostingModel')?.value.trim();
  if (written === undefined || written === '') return '';
  return ` hostingModel="${written.toLowerCase() === model ? written : model}"`;
}

/**
 * The sentence of a fix that suggests in-process hosting for what it removes (`benefit`, such as
 * "which uses no port at all"): said as a deliberate change when the pasted web.config runs the
 * app out-of-process, left out when it is in-process already, as before without a paste.
 */
export function inProcessSuggestion(evidence: Evidence, benefit: string): string {
  const model = hostingModel(evidence);
  if (model === 'inprocess') return '';
  if (model === 'outofprocess') {
    return `Moving to in-process hosting, ${benefit}, is a change of hosting model: your web.config runs the app out-of-process, so only switch (hostingModel="inprocess") on purpose, after testing it, and not as part of this fix.`;
  }
  return `Or switch to hostingModel="inprocess", ${benefit}.`;
}
