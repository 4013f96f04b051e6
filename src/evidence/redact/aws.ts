/**
 * AWS access keys: the key id (`AKIA…` long-term, `ASIA…` temporary) has a shape of its own;
 * the secret access key is 40 characters of base64 that only its neighbourhood gives away. So a
 * key id arms the rule for the rest of its line and the next few lines (a credentials CSV row,
 * `aws configure` answers, two settings pasted one under the other).
 */
import type { Edit } from './edits';

/** Lines after a key id in which a secret access key is still looked for. */
export const AWS_SECRET_LINES = 3;

const KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
const SECRET_KEY = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

interface AwsResult {
  edits: Edit[];
  /** A key id was on the line: look for its secret on the next lines too. */
  sawKeyId: boolean;
}

/** Key ids anywhere; secret keys on a line with a key id, or when `expectingSecret` (one was just above). */
export function awsEdits(line: string, expectingSecret: boolean): AwsResult {
  const edits: Edit[] = [];
  const sawKeyId = line.includes('AKIA') || line.includes('ASIA') ? collect(line, KEY_ID, edits) : false;
  if (sawKeyId || expectingSecret) {
    // Both cases of letters: a git commit, a thumbprint or an upper-case hex hash is not a secret key.
    collect(line, SECRET_KEY, edits, (token) => /[a-z]/.test(token) && /[A-Z]/.test(token));
  }
  return { edits, sawKeyId };
}

function collect(line: string, pattern: RegExp, edits: Edit[], accept: (token: string) => boolean = () => true): boolean {
  let found = false;
  for (const m of line.matchAll(pattern)) {
    if (!accept(m[0])) continue;
    edits.push({ start: m.index, end: m.index + m[0].length });
    found = true;
  }
  return found;
}
