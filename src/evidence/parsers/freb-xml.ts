/**
 * Reads a raw Failed Request Tracing file (`frNNNNNN.xml`): the `<failedRequest>` root and its
 * `<Event>` children (System / EventData / RenderingInfo), kb-facts §4.
 */
import type { Problem, Segment } from '../types';
import { LineIndex, attribute, child, childrenNamed, findAll, scanXml, type XmlElement } from '../xml';
import { setField, type FrebEvent, type FrebTrace } from './freb-trace';

/** Reads the XML form. Never throws; a file without any root or event yields a problem. */
export function readFrebXml(segment: Segment): { trace: FrebTrace; problems: Problem[] } {
  const text = segment.lines.join('\n');
  const index = new LineIndex(text);
  const line = (offset: number): number => segment.firstLine + index.line(offset) - 1;
  const scan = scanXml(text);
  const problems: Problem[] = [];
  const trace: FrebTrace = { events: [] };

  const root = findAll(scan.roots, 'failedRequest')[0];
  if (root) {
    const status = attribute(root, 'statusCode');
    trace.root = { statusLine: line(status?.start ?? root.start) };
    for (const key of ['url', 'statusCode', 'timeTaken', 'failureReason'] as const) {
      const value = attribute(root, key)?.value;
      if (value !== undefined) trace.root[key] = value;
    }
  }
  // Events are children of the root; a paste that lost the root still has its events.
  const events = root ? childrenNamed(root, 'Event') : findAll(scan.roots, 'Event');
  for (const element of events) trace.events.push(readEvent(element, line));

  // Only a stylesheet line or a comment (the head of a file, split off before <failedRequest>): nothing to say.
  if (scan.roots.length === 0 && scan.unopened.length === 0) return { trace, problems };
  if (!root && trace.events.length === 0) {
    problems.push({ source: segment.source, line: segment.firstLine, message: 'This FREB block has no <failedRequest> element and no <Event>; nothing in it could be read.' });
  } else if (root && root.end === undefined) {
    problems.push({ source: segment.source, line: segment.firstLine, message: 'The FREB file ends before </failedRequest>; the events up to the cut were read.' });
  }
  return { trace, problems };
}

function readEvent(element: XmlElement, line: (offset: number) => number): FrebEvent {
  const system = child(element, 'System');
  const rendering = child(element, 'RenderingInfo');
  const opcode = child(rendering, 'Opcode');
  const event: FrebEvent = {
    name: opcode?.text.trim() ?? '',
    fields: {},
    descriptions: {},
    fieldLines: {},
    line: line(opcode?.start ?? element.start),
  };
  for (const data of childrenNamed(child(element, 'EventData'), 'Data')) {
    const name = attribute(data, 'Name')?.value;
    if (name === undefined) continue;
    setField(event.fields, name, data.text.trim());
    setField(event.fieldLines, name, line(data.start));
  }
  for (const description of childrenNamed(rendering, 'freb:Description')) {
    const name = attribute(description, 'Data')?.value;
    if (name !== undefined) setField(event.descriptions, name, description.text.trim());
  }
  const created = attribute(child(system, 'TimeCreated'), 'SystemTime')?.value;
  const time = created === undefined ? NaN : Date.parse(created);
  if (Number.isFinite(time)) event.time = time;
  return event;
}
