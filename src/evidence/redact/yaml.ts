/**
 * `name: value` lines: YAML (docker-compose, Kubernetes, appsettings.yaml), and HTTP headers and
 * Event Viewer fields, which read the same. Sections are tracked by indentation, so `jwt:` with
 * `  key: …` under it reads as `jwt:key`, and Kubernetes' `- name: DB_PASSWORD` / `  value: …`
 * judges the value by the name.
 *
 * A value that only looks random is masked in indented lines and list items only: an unindented
 * `Name: value` is as likely a response header, where request ids carry the diagnosis.
 */
import type { Edit } from './edits';
import { masksSetting } from './settings';

/**
 * Indentation, a `> `/`< ` curl prefix, a list dash, the name, the colon (not the one in `C:\`,
 * `http://` or `::`), and the value.
 */
const NAME_VALUE = /^([ \t]{0,64})([<>] )?(- {1,4})?([A-Za-z_][\w.-]{0,127}) ?:(?![:/\\])[ \t]*([^\n]*)$/;

interface Section {
  indent: number;
  name: string;
}

export interface YamlState {
  /** Sections opened by `name:` lines, outermost first. */
  readonly sections: readonly Section[];
  /** A `name: X` just read at this indentation: the `value:` beside it is X's value. */
  readonly pendingName?: Section;
}

export const EMPTY_YAML: YamlState = { sections: [] };

interface YamlResult {
  edits: Edit[];
  state: YamlState;
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line.charAt(n) === ' ' || line.charAt(n) === '\t')) n += 1;
  return n;
}

/** Drops the sections a line at `indent` closes. */
function close(state: YamlState, indent: number): YamlState {
  let open = state.sections.length;
  while (open > 0 && (state.sections[open - 1]?.indent ?? 0) >= indent) open -= 1;
  const sections = open === state.sections.length ? state.sections : state.sections.slice(0, open);
  const pendingName = state.pendingName !== undefined && state.pendingName.indent <= indent ? state.pendingName : undefined;
  return sections === state.sections && pendingName === state.pendingName ? state : { sections, pendingName };
}

export function yamlEdits(line: string, state: YamlState): YamlResult {
  const m = NAME_VALUE.exec(line);
  if (!m) {
    const blank = line.trim().length === 0 || line.trimStart().startsWith('#');
    return { edits: [], state: blank || state === EMPTY_YAML ? state : close(state, indentOf(line)) };
  }
  const indent = (m[1] ?? '').length;
  const curl = m[2] !== undefined;
  const listItem = m[3] !== undefined;
  const keyIndent = indent + (m[3] ?? '').length;
  const name = m[4] ?? '';
  const raw = m[5] ?? '';
  let next = close(state, listItem ? indent + 1 : keyIndent);
  if (listItem) next = { sections: next.sections };
  const parent = next.sections[next.sections.length - 1];
  if (raw.trim().length === 0) {
    return { edits: [], state: { ...next, sections: [...next.sections, { indent: keyIndent, name }] } };
  }
  // Flow collections are read by the JSON rule; block scalars, anchors and tags are left alone.
  if ('{[|>&*!'.includes(raw.charAt(0))) return { edits: [], state: next };
  const span = valueSpan(line, line.length - raw.length);
  const text = line.slice(span.start, span.end);
  let setting = parent === undefined ? name : `${parent.name}:${name}`;
  const lower = name.toLowerCase();
  if (lower === 'name') {
    next = { ...next, pendingName: { indent: keyIndent, name: text } };
  } else if (lower === 'value' && next.pendingName?.indent === keyIndent) {
    setting = next.pendingName.name;
    next = { sections: next.sections };
  }
  const byLooks = !curl && (indent > 0 || listItem);
  return { edits: masksSetting(setting, text, byLooks) ? [span] : [], state: next };
}

/** The value starting at `from`: the inside of its quotes, or the rest of the line without trailing blanks. */
function valueSpan(line: string, from: number): Edit {
  const quote = line.charAt(from);
  let end = line.length;
  while (end > from && (line.charAt(end - 1) === ' ' || line.charAt(end - 1) === '\t' || line.charAt(end - 1) === '\r')) end -= 1;
  if ((quote === '"' || quote === "'") && end - from >= 2 && line.charAt(end - 1) === quote) return { start: from + 1, end: end - 1 };
  return { start: from, end };
}
