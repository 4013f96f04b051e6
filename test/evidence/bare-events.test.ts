/**
 * The classifier and the event-log parser read bare event messages from one list: every message
 * that starts an event block must also be named by the parser, and the other way round.
 */
import { inferBareEvent, startsBareEvent } from '../../src/evidence/bare-events';
import { classifyLine } from '../../src/evidence/detect';
import { renderWasMessage } from '../../src/evidence/parsers/event-fields';
import { EvidenceCollector } from '../../src/evidence/collector';
import type { XmlEventData } from '../../src/evidence/parsers/event-xml';

const WAS_IDS = [5002, 5009, 5010, 5011, 5012, 5013, 5059, 5074, 5075, 5076, 5077, 5078, 5079, 5080, 5081, 5117, 5186];
const data: XmlEventData[] = [
  { name: 'AppPoolID', value: 'Shop', pieces: [], index: 0 },
  { name: 'ProcessID', value: '4242', pieces: [], index: 1 },
  { name: 'Extra', value: '20', pieces: [], index: 2 },
];

const ANCM_MESSAGES: [number, string][] = [
  [1012, "Application '/LM/W3SVC/1/ROOT' was recycled after detecting app_offline.htm."],
  [1021, "Application '/LM/W3SVC/1/ROOT' was recycled due to configuration change"],
  [1005, "Failed to gracefully shutdown application 'MACHINE/WEBROOT/APPHOST/SHOP'."],
  [1005, "Failed to gracefully shutdown process with Id '4242'."],
  [1003, "Maximum rapid fail count per minute of '10' exceeded."],
];

const messages: [number, string][] = [...WAS_IDS.map((id): [number, string] => [id, renderWasMessage(id, data) ?? '']), ...ANCM_MESSAGES];

describe('bare event messages', () => {
  it.each(messages)('event %i starts an event block and is named by the parser', (id, message) => {
    expect(message).not.toBe('');
    expect(startsBareEvent(message)).toBe(true);
    expect(classifyLine(message)).toMatchObject({ kind: 'event-log', strong: true });
    expect(inferBareEvent(message)?.id).toBe(id);
  });

  it.each(messages)('event %i pasted alone is read as that event', (id, message) => {
    const collector = new EvidenceCollector();
    collector.addText('paste', message, { slack: false });
    expect(collector.finish().events.map((e) => e.id)).toEqual([id]);
  });

  it('does not take ordinary prose for an event', () => {
    expect(startsBareEvent("Application 'Shop' is slow today")).toBe(false);
    expect(startsBareEvent('A worker process crashed, I think')).toBe(false);
    expect(inferBareEvent('The app was recycled last night')).toBeUndefined();
  });
});
