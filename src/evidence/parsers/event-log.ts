/**
 * Parses Windows events in every form people paste them, several per block, formats mixed:
 *
 * - Event Viewer "Copy details as text": `Log Name:`, `Source:`, `Date:`, `Event ID:`, ... then
 *   `Description:` and the message, optionally followed by `Event Xml:` and the event's XML;
 * - `Get-WinEvent | Format-List` (`TimeCreated  : ...`, `ProviderName : ...`, `Id : ...`,
 *   `Message : ...` with indented continuation lines), also `Format-List *`;
 * - `Get-EventLog | Format-List` (`Index`, `EntryType`, `InstanceId`, `Message`, `Source`, ...);
 * - `Get-WinEvent` as a table (`ProviderName: X` over `TimeCreated Id LevelDisplayName Message` rows);
 * - Event Viewer's list saved or copied as tab-delimited text (`Error 11/20/2026 10:15:02 AM Source 1000 None message`);
 * - the bare event XML (`<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">`);
 * - a WAS or ANCM message pasted alone, whose fixed template names its source and id.
 *
 * Each event becomes a WindowsEvent whose family is keyed on the provider. Every message line also
 * goes through the stdout detectors, because ANCM 1018/1020/1035 embed the first 30 KB of the
 * app's output, where the real exception is. Refs are the true source lines.
 */
import type { EvidenceRef, Problem, Segment, SegmentFacts, Signal, WindowsEvent } from '../types';
import { lineRef } from './line-refs';
import { signalsFromLines, type SourceLine } from './stdout-context';
import { readEventXml, xmlBlockEnd, type XmlEventData, type XmlEventParts } from './event-xml';
import { KNOWN_PROVIDERS, familyOf, readMessageFields, renderWasMessage } from './event-fields';
import { inferBareEvent } from '../bare-events';

const TEXT_FIELD = /^(Log Name|Source|Date|Event ID|Task Category|Level|Opcode|OpCode|Keywords|Keyword|User|User Name|Computer|Description|Task):(.*)$/;
/** Keys of the text format that may begin the next event while a message is being read. */
const TEXT_STARTERS = new Set(['Log Name', 'Source', 'Event ID', 'Date']);
const FL_FIELD = /^([A-Za-z][A-Za-z0-9]{1,30}) +: ?(.*)$/;
const FL_KEYS = new Set([
  // Get-WinEvent (EventLogRecord)
  'Message', 'Id', 'Version', 'Qualifiers', 'Level', 'Task', 'Opcode', 'Keywords', 'RecordId', 'ProviderName', 'ProviderId',
  'LogName', 'ProcessId', 'ThreadId', 'MachineName', 'UserId', 'TimeCreated', 'ActivityId', 'RelatedActivityId', 'ContainerLog',
  'MatchedQueryIds', 'Bookmark', 'LevelDisplayName', 'OpcodeDisplayName', 'TaskDisplayName', 'KeywordsDisplayNames', 'Properties',
  // Get-EventLog (EventLogEntry)
  'EventID', 'Data', 'Index', 'Category', 'CategoryNumber', 'EntryType', 'Source', 'ReplacementStrings', 'InstanceId',
  'TimeGenerated', 'TimeWritten', 'UserName', 'Site', 'Container',
]);
const DATE_TIME = String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{1,4} \d{1,2}:\d{2}(?::\d{2})?(?: [AP]M)?`;
const LIST_ROW = new RegExp(String.raw`^(Information|Warning|Error|Critical|Verbose) (${DATE_TIME}) (.*)$`);
const TABLE_ROW = new RegExp(String.raw`^(${DATE_TIME}) +(\d{1,5}) (Information|Warning|Error|Critical|Verbose) +(.*)$`);
const LEVEL_NUMBERS: Record<string, string> = { '0': 'Information', '1': 'Critical', '2': 'Error', '3': 'Warning', '4': 'Information', '5': 'Verbose' };

type Format = 'text' | 'fl' | 'xml' | 'row' | 'table' | 'bare';

/** One event being read. Indexes are into the segment's lines. */
interface Draft {
  format: Format;
  first: number;
  keys: Set<string>;
  provider?: string;
  id?: number;
  idIndex?: number;
  /** InstanceId of Get-EventLog, used only when there is no EventID. */
  instanceId?: number;
  instanceIndex?: number;
  level?: string;
  logName?: string;
  time?: string;
  message: SourceLine[];
  inMessage: boolean;
  /** Format-List: the column where the Message value starts, stripped from its continuation lines. */
  indent: number;
  /** Tab-delimited row whose quoted message goes on over the next lines. */
  quoteOpen: boolean;
  xml?: XmlEventParts;
}

/** The events of one segment, the signals inside their messages, and problems. Never throws. */
export function parseEventLog(segment: Segment): SegmentFacts {
  return new EventLogReader(segment).read();
}

class EventLogReader {
  private readonly events: WindowsEvent[] = [];
  private readonly signals: Signal[] = [];
  private readonly problems: Problem[] = [];
  private draft: Draft | undefined;
  private xmlFollows = false;
  private tableProvider: string | undefined;

  constructor(private readonly segment: Segment) {}

  read(): SegmentFacts {
    const lines = this.segment.lines;
    for (let i = 0; i < lines.length; i += 1) i = this.line(i);
    this.finish();
    return { events: this.events, signals: this.signals, problems: this.problems };
  }

  /** Reads line `i` (and any lines it owns); returns the index of the last line consumed. */
  private line(i: number): number {
    const lines = this.segment.lines;
    const raw = lines[i] ?? '';
    const t = raw.trim();

    if (t.includes('<Event xmlns') || t.startsWith('<Event>')) return this.xml(i);
    if (t === 'Event Xml:') {
      if (this.draft) this.draft.inMessage = false;
      this.xmlFollows = true;
      return i;
    }
    if (t.length > 0) this.xmlFollows = false;

    const row = LIST_ROW.exec(t);
    const draft = this.draft;
    if (draft?.quoteOpen && !row) {
      const done = t.endsWith('"');
      this.addMessage(draft, done ? raw.slice(0, raw.lastIndexOf('"')) : raw, i);
      if (done) {
        draft.quoteOpen = false;
        this.finish();
      }
      return i;
    }

    if (row) {
      this.listRow(i, row[1] ?? '', row[2] ?? '', row[3] ?? '');
      return i;
    }
    if (t.startsWith('ProviderName: ')) {
      this.finish();
      this.tableProvider = t.slice('ProviderName: '.length).trim();
      return i;
    }
    const tableRow = this.tableProvider === undefined ? null : TABLE_ROW.exec(t);
    if (tableRow) {
      this.tableRow(i, tableRow);
      return i;
    }
    if (/^Event\[\d{1,9}\]:$/.test(t)) {
      this.finish();
      return i;
    }

    const text = TEXT_FIELD.exec(t);
    // Inside any message, "Description: ..." or "Source: ..." is message text unless an event header follows.
    if (text && (!draft?.inMessage || this.startsAnotherEvent(i, text[1] ?? ''))) {
      this.textField(i, text[1] ?? '', (text[2] ?? '').trim());
      return i;
    }
    const fl = /^\s/.test(raw) ? null : FL_FIELD.exec(raw);
    if (fl && FL_KEYS.has(fl[1] ?? '')) {
      this.flField(i, fl[1] ?? '', fl[2] ?? '', raw.length - (fl[2] ?? '').length);
      return i;
    }

    if (!draft?.inMessage) {
      // A message pasted without its header: its template names the source and the id.
      const bare = inferBareEvent(t);
      if (bare) {
        const event = this.start('bare', i);
        event.provider = bare.provider;
        event.id = bare.id;
        event.idIndex = i;
        this.addMessage(event, t, i);
        this.finish();
        return i;
      }
    }
    if (draft?.inMessage) {
      const body = draft.format === 'fl' ? deindent(raw, draft.indent) : raw;
      // Leading blank lines of a message are layout, not content.
      if (draft.message.length > 0 || body.trim().length > 0) this.addMessage(draft, body, i);
    }
    return i;
  }

  private ref(index: number): EvidenceRef {
    return lineRef(this.segment, index);
  }

  private addMessage(draft: Draft, text: string, index: number): void {
    draft.message.push({ text, ref: this.ref(index) });
  }

  private start(format: Format, index: number): Draft {
    this.finish();
    const draft: Draft = { format, first: index, keys: new Set(), message: [], inMessage: false, indent: 0, quoteOpen: false };
    this.draft = draft;
    return draft;
  }

  /** `Log Name:` or `Source:` inside a message begins a new event only if more header fields follow. */
  private startsAnotherEvent(index: number, key: string): boolean {
    if (!TEXT_STARTERS.has(key)) return false;
    const lines = this.segment.lines;
    for (let j = index + 1; j < lines.length && j <= index + 5; j += 1) {
      const next = TEXT_FIELD.exec((lines[j] ?? '').trim());
      if (next && next[1] !== key && next[1] !== 'Description') return true;
    }
    return false;
  }

  private textField(index: number, key: string, value: string): void {
    let draft = this.draft;
    if (!draft || draft.format !== 'text' || draft.keys.has(key) || draft.inMessage) draft = this.start('text', index);
    draft.keys.add(key);
    switch (key) {
      case 'Log Name':
        draft.logName = value || undefined;
        break;
      case 'Source':
        draft.provider = value || undefined;
        break;
      case 'Date':
        draft.time = value || undefined;
        break;
      case 'Event ID': {
        const id = Number.parseInt(value, 10);
        if (Number.isFinite(id)) {
          draft.id = id & 0xffff;
          draft.idIndex = index;
        }
        break;
      }
      case 'Level':
        draft.level = value || undefined;
        break;
      case 'Description':
        draft.inMessage = true;
        if (value) this.addMessage(draft, value, index);
        break;
      default:
        break;
    }
  }

  private flField(index: number, key: string, value: string, valueColumn: number): void {
    let draft = this.draft;
    if (!draft || draft.format !== 'fl' || draft.keys.has(key)) draft = this.start('fl', index);
    draft.keys.add(key);
    draft.inMessage = false;
    const v = value.trim();
    switch (key) {
      case 'Message':
        draft.inMessage = true;
        draft.indent = valueColumn;
        if (v) this.addMessage(draft, v, index);
        break;
      case 'Id':
      case 'EventID': {
        const id = Number.parseInt(v, 10);
        if (Number.isFinite(id)) {
          draft.id = id & 0xffff;
          draft.idIndex = index;
        }
        break;
      }
      case 'InstanceId': {
        // Get-EventLog's InstanceId carries the severity and facility bits above the event id.
        const id = Number.parseInt(v, 10);
        if (Number.isFinite(id)) {
          draft.instanceId = id % 0x10000;
          draft.instanceIndex = index;
        }
        break;
      }
      case 'ProviderName':
      case 'Source':
        draft.provider = v || undefined;
        break;
      case 'LevelDisplayName':
      case 'EntryType':
        draft.level = v || undefined;
        break;
      case 'Level':
        draft.level ??= LEVEL_NUMBERS[v] ?? (v || undefined);
        break;
      case 'TimeCreated':
      case 'TimeGenerated':
        draft.time = v || undefined;
        break;
      case 'LogName':
        draft.logName = v || undefined;
        break;
      default:
        break;
    }
  }

  private listRow(index: number, level: string, time: string, rest: string): void {
    const draft = this.start('row', index);
    draft.level = level;
    draft.time = time;
    const provider = KNOWN_PROVIDERS.find((p) => rest.startsWith(`${p} `));
    let afterProvider: string;
    if (provider !== undefined) {
      draft.provider = provider;
      afterProvider = rest.slice(provider.length + 1);
    } else {
      const m = /^(.{1,80}?) (\d{1,5}) /.exec(rest);
      draft.provider = m?.[1];
      afterProvider = m ? rest.slice((m[1] ?? '').length + 1) : rest;
    }
    const idMatch = /^(\d{1,5}) ?(.*)$/.exec(afterProvider);
    if (idMatch) {
      draft.id = Number(idMatch[1]);
      draft.idIndex = index;
    }
    // The task category column: "None" or "(100)".
    let message = (idMatch?.[2] ?? '').replace(/^(?:None|\(\d{1,6}\)) ?/, '');
    if (message.startsWith('"')) {
      message = message.slice(1);
      if (message.endsWith('"')) message = message.slice(0, -1);
      else draft.quoteOpen = true;
    }
    draft.inMessage = true;
    if (message.trim()) this.addMessage(draft, message, index);
    if (!draft.quoteOpen) this.finish();
  }

  private tableRow(index: number, row: RegExpExecArray): void {
    const draft = this.start('table', index);
    draft.provider = this.tableProvider;
    draft.time = row[1];
    draft.id = Number(row[2]);
    draft.idIndex = index;
    draft.level = row[3];
    if (row[4]) this.addMessage(draft, row[4], index);
    this.finish();
  }

  /** An XML block: the details of the text event just above ("Event Xml:"), or an event of its own. */
  private xml(index: number): number {
    const lines = this.segment.lines;
    const end = xmlBlockEnd(lines, index);
    const parts = readEventXml(lines, index, end);
    if (!(this.xmlFollows && this.draft)) this.start('xml', index);
    const draft = this.draft;
    if (draft) draft.xml = parts;
    this.xmlFollows = false;
    this.finish();
    return end;
  }

  /** Turns the open draft into a WindowsEvent (or a problem when it has no id). */
  private finish(): void {
    const draft = this.draft;
    this.draft = undefined;
    if (!draft) return;
    const xml = draft.xml;
    const id = draft.id ?? xml?.id ?? draft.instanceId;
    const idIndex = draft.idIndex ?? (xml?.id !== undefined ? xml.idIndex : undefined) ?? draft.instanceIndex;
    if (id === undefined) {
      this.problems.push({
        source: this.segment.source,
        line: this.segment.firstLine + draft.first,
        message: `The event at line ${this.segment.firstLine + draft.first} has no event id (no "Event ID:", "Id :" or <EventID>), so it was not read as an event.`,
      });
      return;
    }
    const provider = draft.provider ?? xml?.provider ?? '';
    const family = familyOf(provider);
    const message = draft.message.length > 0 ? trimEdges(draft.message) : this.xmlMessage(xml, family, id);
    const ref = this.ref(idIndex ?? draft.first);
    const event: WindowsEvent = {
      family,
      provider,
      id,
      message: message.map((m) => m.text).join('\n'),
      ref,
      messageRef: message[0]?.ref ?? ref,
    };
    const level = draft.level ?? xml?.level;
    const logName = draft.logName ?? xml?.channel;
    const time = draft.time ?? xml?.time;
    if (level) event.level = level;
    if (logName) event.logName = logName;
    if (time) event.time = time;
    readMessageFields(event);
    this.events.push(event);
    this.signals.push(...signalsFromLines(message));
  }

  /** The message of an XML-only event: the rendered text, a WAS template, crash fields, or the data as written. */
  private xmlMessage(xml: XmlEventParts | undefined, family: WindowsEvent['family'], id: number): SourceLine[] {
    if (!xml) return [];
    const lineOf = (index: number, text: string): SourceLine => ({ text, ref: this.ref(index) });
    if (xml.message && xml.message.length > 0) return xml.message.map((p) => lineOf(p.index, p.text));
    const first = xml.data[0];
    if (family === 'was' && first) {
      const rendered = renderWasMessage(id, xml.data);
      if (rendered) return [lineOf(first.index, rendered)];
    }
    if (family === 'application-error') {
      const crash = applicationErrorLines(xml.data);
      if (crash.length > 0) return crash.map((c) => lineOf(c.index, c.text));
    }
    const out: SourceLine[] = [];
    for (const data of xml.data) for (const piece of data.pieces) out.push(lineOf(piece.index, piece.text));
    return out;
  }
}

/** Message lines without leading/trailing blank lines. */
function trimEdges(lines: SourceLine[]): SourceLine[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start]?.text.trim() ?? '') === '') start += 1;
  while (end > start && (lines[end - 1]?.text.trim() ?? '') === '') end -= 1;
  return lines.slice(start, end);
}

/** Removes the Format-List value indentation (or, when the paste lost it, leading spaces). */
function deindent(raw: string, indent: number): string {
  if (indent > 0 && raw.length >= indent && raw.slice(0, indent).trim() === '') return raw.slice(indent);
  return raw.trimStart();
}

/**
 * Application Error 1000 in XML carries positional values (or, on newer Windows, named ones):
 * app, app version, app time stamp, module, module version, module time stamp, exception code,
 * offset, process id (hex), start time, app path, module path, report id. Rebuilt as the text lines
 * Event Viewer shows, so the crash fields read the same whatever the export.
 */
function applicationErrorLines(data: readonly XmlEventData[]): { index: number; text: string }[] {
  const byName = new Map(data.filter((d) => d.name !== undefined).map((d) => [d.name?.toLowerCase() ?? '', d]));
  const pick = (position: number, name: string): XmlEventData | undefined => byName.get(name) ?? (byName.size === 0 ? data[position] : undefined);
  const app = pick(0, 'appname');
  const module = pick(3, 'modulename');
  const code = pick(6, 'exceptioncode');
  const pid = pick(8, 'processid');
  const out: { index: number; text: string }[] = [];
  const hex = (value: string): string => (value.toLowerCase().startsWith('0x') ? value : `0x${value}`);
  if (app) out.push({ index: app.index, text: `Faulting application name: ${app.value}, version: ${pick(1, 'appversion')?.value ?? ''}` });
  if (module) out.push({ index: module.index, text: `Faulting module name: ${module.value}, version: ${pick(4, 'moduleversion')?.value ?? ''}` });
  if (code) out.push({ index: code.index, text: `Exception code: ${hex(code.value)}` });
  if (pid) out.push({ index: pid.index, text: `Faulting process id: ${hex(pid.value)}` });
  const appPath = pick(10, 'apppath');
  const modulePath = pick(11, 'modulepath');
  if (appPath) out.push({ index: appPath.index, text: `Faulting application path: ${appPath.value}` });
  if (modulePath) out.push({ index: modulePath.index, text: `Faulting module path: ${modulePath.value}` });
  return out;
}
