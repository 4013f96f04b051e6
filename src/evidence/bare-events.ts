/**
 * Event messages people paste without any header, recognized by their fixed template: the WAS
 * worker-process events (every template is unique to its id) and the few ANCM templates that are
 * unique to theirs. Other ANCM templates are shared by several ids and are not inferred.
 *
 * One list serves two readers that must stay in step: the line classifier (detect.ts), which
 * starts an event block at a line that begins like one of these messages, and the event-log
 * parser, which then infers the message's source and id from the text unique to its template.
 */

interface BareTemplate {
  /** How the message's first line begins: what makes the classifier start an event block. */
  start: string;
  /** When `start` alone is too common ("Application '"), what the first line must hold as well. */
  alsoOnFirstLine?: string;
  /** Text unique to this template, anywhere in the message: what the parser infers the id from. */
  text: string;
  provider: string;
  id: number;
}

const WORKER = "A worker process with process id of '";
const PROCESS = "A process serving application pool '";
const POOLS_RECYCLED = "The worker processes serving application pool '";
const ANCM = 'IIS AspNetCore Module V2';
const ANCM_RECYCLED = { start: "Application '", alsoOnFirstLine: ' was recycled ' };

/** In inference order: the first template whose text a message holds names it. */
const BARE_TEMPLATES: readonly BareTemplate[] = [
  { start: WORKER, text: 'has requested a recycle because the worker process reached its allowed processing time limit', provider: 'WAS', id: 5074 },
  { start: WORKER, text: 'has requested a recycle because it reached its allowed request limit', provider: 'WAS', id: 5075 },
  { start: WORKER, text: 'has requested a recycle because it reached its scheduled recycle time', provider: 'WAS', id: 5076 },
  { start: WORKER, text: 'has requested a recycle because it reached its virtual memory limit', provider: 'WAS', id: 5077 },
  { start: 'An ISAPI reported an unhealthy condition', text: 'An ISAPI reported an unhealthy condition to its worker process', provider: 'WAS', id: 5078 },
  { start: 'An administrator has requested a recycle', text: 'An administrator has requested a recycle of all worker processes in application pool', provider: 'WAS', id: 5079 },
  { start: POOLS_RECYCLED, text: 'are being recycled due to 1 or more configuration changes in the application pool properties', provider: 'WAS', id: 5080 },
  { start: POOLS_RECYCLED, text: 'are being recycled due to detected problems with the IIS configuration store', provider: 'WAS', id: 5081 },
  { start: WORKER, text: 'has requested a recycle because it reached its private bytes memory limit', provider: 'WAS', id: 5117 },
  { start: WORKER, text: 'was shutdown due to inactivity. Application Pool timeout configuration was set to', provider: 'WAS', id: 5186 },
  { start: "Application pool '", text: 'is being automatically disabled due to a series of failures in the process(es) serving that application pool', provider: 'WAS', id: 5002 },
  { start: PROCESS, text: 'terminated unexpectedly. The process id was', provider: 'WAS', id: 5009 },
  { start: PROCESS, text: 'failed to respond to a ping. The process id was', provider: 'WAS', id: 5010 },
  { start: PROCESS, text: 'suffered a fatal communication error with the Windows Process Activation Service', provider: 'WAS', id: 5011 },
  { start: PROCESS, text: 'exceeded time limits during start up. The process id was', provider: 'WAS', id: 5012 },
  { start: PROCESS, text: 'exceeded time limits during shut down. The process id was', provider: 'WAS', id: 5013 },
  { start: 'A failure was encountered while launching the process serving application pool', text: 'A failure was encountered while launching the process serving application pool', provider: 'WAS', id: 5059 },
  { ...ANCM_RECYCLED, text: 'was recycled after detecting app_offline.htm', provider: ANCM, id: 1012 },
  { start: 'Failed to gracefully shutdown ', text: 'Failed to gracefully shutdown application', provider: ANCM, id: 1005 },
  { start: 'Failed to gracefully shutdown ', text: 'Failed to gracefully shutdown process with Id', provider: ANCM, id: 1005 },
  { ...ANCM_RECYCLED, text: 'was recycled due to configuration change', provider: ANCM, id: 1021 },
  { start: 'Maximum rapid fail count per minute', text: 'Maximum rapid fail count per minute of', provider: ANCM, id: 1003 },
];

/** True when a (trimmed) line begins one of the bare messages: it starts an event block. */
export function startsBareEvent(trimmed: string): boolean {
  return BARE_TEMPLATES.some((t) => trimmed.startsWith(t.start) && (t.alsoOnFirstLine === undefined || trimmed.includes(t.alsoOnFirstLine)));
}

/** The source and id of a bare event message, when its template is unique to one event. */
export function inferBareEvent(text: string): { provider: string; id: number } | undefined {
  const found = BARE_TEMPLATES.find((t) => text.includes(t.text));
  return found ? { provider: found.provider, id: found.id } : undefined;
}
