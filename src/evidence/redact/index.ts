/**
 * Masks secrets line by line before any parser, store or renderer sees the text.
 *
 * Values are replaced by `[REDACTED]`; names, keys, header names and auth schemes stay, so the
 * evidence still reads ("Password=[REDACTED]", "Authorization: Bearer [REDACTED]"). Status codes,
 * error codes, paths and `<aspNetCore>` settings carry the diagnosis and are never touched.
 *
 * Each file of this folder does one job: `names` says which names hold secrets, `shapes`, `aws`
 * and `urls` find secrets by their form anywhere on a line, one file per syntax (`key-value`,
 * `command-line`, `json`, `yaml`, `xml`, `headers`, `pem`) finds a setting's name and value,
 * `settings` and `entropy` judge the value, and `edits` masks the spans found.
 *
 * One Redactor per input: a private key block, an XML element, a JSON or YAML section, or an AWS
 * key id can give away a secret on a later line, so the redactor remembers where it is. Every rule
 * is a bounded or anchored pattern, or a hand-written scan, so a hostile 16 KB line costs a few
 * linear passes. Redacting already redacted text changes nothing and counts nothing.
 */
import { applyEdits, mergeEdits, type Edit } from './edits';
import { AWS_SECRET_LINES, awsEdits } from './aws';
import { commandLineEdits } from './command-line';
import { frebDataEdits, headerEdits } from './headers';
import { jsonEdits, type JsonState } from './json';
import { keyValueEdits } from './key-value';
import { PrivateKeyBlocks } from './pem';
import { shapeEdits } from './shapes';
import { urlEdits } from './urls';
import { xmlEdits, type OpenTag } from './xml';
import { EMPTY_YAML, yamlEdits, type YamlState } from './yaml';

export { MASK } from './edits';
export { isSecretName } from './names';

/** Rounds of rules per line before giving up on a fixed point (real lines need one or two). */
const MAX_ROUNDS = 8;

/**
 * Every rule needs one of these somewhere in the line (a secret-like name, a header name, a
 * token's prefix, a URL, markup, a `key=value`, a JSON string, a `name:` line, an option). A line
 * with none of them, which is nearly every W3C log row, cannot hold anything to mask and skips the
 * rules, unless an earlier line left a rule expecting more.
 */
const ANY_TRIGGER =
  /pass|pwd|secret|token|key|credential|signature|sas|sig|user|uid|auth|cookie|conn|earer|asic |eyJ|xox|xapp-|gh[pousr]_|github_pat_|glpat-|SG\.|[sr]k_|sk-|AKIA|ASIA|AIza|hooks\.slack|-----BEGIN|HeaderValue|:\/\/|[<@="'{[]|^\s{0,64}(?:- )?[A-Za-z_][\w.-]{0,127} ?:|(?:^|[\s"'(])(?:--?[A-Za-z]|\/[A-Za-z][\w.-]{0,127}:)/i;

/** What the rules remember from one line to the next. */
interface LineState {
  openTag: OpenTag | undefined;
  pendingFrebHeader: boolean;
  json: JsonState;
  yaml: YamlState;
  /** Lines left in which an AWS secret access key is looked for after its key id. */
  awsLines: number;
}

const START: LineState = { openTag: undefined, pendingFrebHeader: false, json: [], yaml: EMPTY_YAML, awsLines: 0 };

function expectsMore(state: LineState): boolean {
  return (
    state.openTag !== undefined ||
    state.pendingFrebHeader ||
    state.json.length > 0 ||
    state.yaml.sections.length > 0 ||
    state.yaml.pendingName !== undefined ||
    state.awsLines > 0
  );
}

/** Masks secrets in the lines of one input. */
export class Redactor {
  /** How many values were masked so far. */
  count = 0;
  private readonly privateKeys = new PrivateKeyBlocks();
  private state: LineState = START;

  /** Returns the line with every secret value replaced by `[REDACTED]`. */
  redact(line: string): string {
    if (this.privateKeys.inside) {
      const inside = this.privateKeys.body(line);
      if (inside !== undefined) {
        this.count += inside.count;
        return inside.line;
      }
    }
    const out = !expectsMore(this.state) && !ANY_TRIGGER.test(line) ? line : this.applyRulesToFixedPoint(line);
    this.privateKeys.resumeIfMasked(out);
    return out;
  }

  private applyRulesToFixedPoint(line: string): string {
    // The rules, the private-key check among them, run until they find nothing more: a mask can
    // end a value that a rule read differently before (a `<` or a quote it stopped at), or hide
    // the first of two `-----BEGIN` markers so the second starts a key. Reaching that fixed point
    // is what makes redacting redacted text a no-op. Each round starts from the state the line
    // started with and masks at least one more character; real lines settle in one or two rounds.
    const start = this.state;
    let sawAwsKeyId = false;
    let out = line;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const keyed = this.privateKeys.start(out);
      this.count += keyed.count;
      if (this.privateKeys.inside) return keyed.line;
      const next = this.applyRules(keyed.line, start);
      // An AWS key id masked in one round is gone in the next: remember that it was there.
      sawAwsKeyId ||= next.sawAwsKeyId;
      this.state = { ...next.state, awsLines: sawAwsKeyId ? AWS_SECRET_LINES : Math.max(0, start.awsLines - 1) };
      if (next.line === out) break;
      out = next.line;
    }
    return out;
  }

  private applyRules(line: string, state: LineState): { line: string; state: LineState; sawAwsKeyId: boolean } {
    let out = line;
    out = this.apply(out, urlEdits(out));
    out = this.apply(out, shapeEdits(out));
    const aws = awsEdits(out, state.awsLines > 0);
    out = this.apply(out, aws.edits);
    out = this.apply(out, headerEdits(out));
    const freb = frebDataEdits(out, state.pendingFrebHeader);
    out = this.apply(out, freb.edits);
    out = this.apply(out, keyValueEdits(out));
    out = this.apply(out, commandLineEdits(out));
    const json = jsonEdits(out, state.json);
    out = this.apply(out, json.edits);
    const yaml = yamlEdits(out, state.yaml);
    out = this.apply(out, yaml.edits);
    const xml = xmlEdits(out, state.openTag);
    out = this.apply(out, xml.edits);
    return {
      line: out,
      state: { openTag: xml.openTag, pendingFrebHeader: freb.pendingSecret, json: json.state, yaml: yaml.state, awsLines: state.awsLines },
      sawAwsKeyId: aws.sawKeyId,
    };
  }

  private apply(line: string, edits: Edit[]): string {
    const merged = mergeEdits(edits);
    this.count += merged.length;
    return applyEdits(line, merged);
  }
}

/**
 * Redacts a whole text with a fresh Redactor: the guard for everything that leaves diag502
 * (messages posted, files uploaded, store writes, logs, CLI output). Line ends are kept.
 */
export function redactText(text: string): { text: string; count: number } {
  const redactor = new Redactor();
  const lines = text.split('\n').map((line) => {
    const cr = line.endsWith('\r');
    const redacted = redactor.redact(cr ? line.slice(0, -1) : line);
    return cr ? `${redacted}\r` : redacted;
  });
  return { text: lines.join('\n'), count: redactor.count };
}
