/**
 * XML: web.config, applicationHost.config, publish profiles. `<add key="ApiKey" value="…">` and
 * `<environmentVariable name="SMTP_PASSWORD" value="…">` name a setting in one attribute and hold
 * its value in another, possibly on a later line, possibly before the name; `<Password>…</Password>`
 * holds it as text. Attributes named like a secret (`password="…"`, `connectionString="…"`) are
 * `key=value` pairs, read by that rule.
 */
import type { Edit } from './edits';
import { isConnectionStringName, isSecretName } from './names';
import { masksSetting } from './settings';

/** Lines an unfinished XML tag may span before its state is dropped. */
const MAX_OPEN_TAG_LINES = 20;

/** XML tokens: a tag start, a tag end, or an attribute with a quoted value. */
const XML_TOKEN = /<\/?[A-Za-z_][\w:.-]{0,100}|\/?>|([A-Za-z_:][\w:.-]{0,100}) {0,3}= {0,3}("[^"]{0,16384}"|'[^']{0,16384}')/g;
/** `<Name>text</Name>` on one line. */
const ELEMENT_TEXT = /<([A-Za-z_][\w:.-]{0,100})>([^<]{1,16384})<\/([A-Za-z_][\w:.-]{0,100})>/g;

/** A tag that goes on past the end of its line. */
export interface OpenTag {
  /** The setting its `key` or `name` attribute named, once read. */
  settingName: string | undefined;
  lines: number;
}

interface XmlResult {
  edits: Edit[];
  openTag: OpenTag | undefined;
}

export function xmlEdits(line: string, open: OpenTag | undefined): XmlResult {
  if (open === undefined && !line.includes('<')) return { edits: [], openTag: undefined };
  const edits = elementTextEdits(line);
  let tag: { settingName: string | undefined; values: Edit[] } | undefined = open ? { settingName: open.settingName, values: [] } : undefined;
  const judgeValues = (): void => {
    for (const v of tag?.values ?? []) {
      if (masksSetting(tag?.settingName, line.slice(v.start, v.end))) edits.push(v);
    }
  };
  for (const m of line.matchAll(XML_TOKEN)) {
    const token = m[0];
    if (token.startsWith('<') || token === '>' || token === '/>') {
      judgeValues();
      tag = token.startsWith('<') && !token.startsWith('</') ? { settingName: undefined, values: [] } : undefined;
      continue;
    }
    if (tag === undefined) continue;
    const name = (m[1] ?? '').toLowerCase();
    const quoted = m[2] ?? '';
    const start = m.index + token.length - quoted.length + 1;
    if (name === 'key' || name === 'name') tag.settingName = quoted.slice(1, -1);
    else if (name === 'value') tag.values.push({ start, end: start + quoted.length - 2 });
  }
  if (tag === undefined) return { edits, openTag: undefined };
  // The tag goes on: its values on this line are judged with what is known of its name so far.
  judgeValues();
  const lines = (open?.lines ?? 0) + 1;
  return { edits, openTag: lines > MAX_OPEN_TAG_LINES ? undefined : { settingName: tag.settingName, lines } };
}

/** `<Password>…</Password>`, `<ConnectionString>…</ConnectionString>`. */
function elementTextEdits(line: string): Edit[] {
  const edits: Edit[] = [];
  if (!line.includes('</')) return edits;
  for (const m of line.matchAll(ELEMENT_TEXT)) {
    const name = m[1] ?? '';
    const text = m[2] ?? '';
    if (name !== m[3] || !(isSecretName(name) || isConnectionStringName(name))) continue;
    const start = m.index + name.length + 2;
    if (masksSetting(name, text)) edits.push({ start, end: start + text.length });
  }
  return edits;
}
