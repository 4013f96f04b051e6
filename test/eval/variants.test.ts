/** The reshaped pastes `npm run eval -- --variants` measures: each keeps the evidence, only its shape changes. */
import { loadCorpus } from '../../eval/corpus';
import { VARIANTS, variantScores } from '../../eval/variants';

const PASTE = ['HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure', `Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline '"dotnet" .\\Shop.dll', ErrorCode = '0x80070002 : 0.`, '<aspNetCore processPath="dotnet" />'].join('\n');
const apply = (name: string, text = PASTE): string => VARIANTS[name]!.apply(text);

describe('paste variants', () => {
  it('keeps the text as posted as it is', () => {
    expect(apply('as posted')).toBe(PASTE);
  });

  it('escapes as Slack does, so undoing the escapes gives the paste back', () => {
    const escaped = apply('slack-escaped');
    expect(escaped).toContain('&lt;aspNetCore');
    expect(escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(PASTE);
  });

  it('cuts long lines at the console width and loses nothing', () => {
    for (const [name, width] of [['console 80', 80], ['console 120', 120]] as const) {
      const cut = apply(name).split('\n');
      expect(cut.every((line) => line.length <= width)).toBe(true);
      expect(cut.length).toBeGreaterThan(PASTE.split('\n').length);
      expect(cut.join('')).toBe(PASTE.split('\n').join(''));
    }
  });

  it('quotes, fences, ends lines with CRLF, wraps in JSON or joins lines, keeping every word', () => {
    expect(apply('quoted').split('\n').every((line) => line.startsWith('> '))).toBe(true);
    expect(apply('fenced').startsWith('```\n')).toBe(true);
    expect(apply('crlf').split('\r\n')).toEqual(PASTE.split('\n'));
    expect(JSON.parse(apply('json field'))).toEqual({ message: PASTE });
    expect(apply('one line')).not.toContain('\n');
  });

  it('scores every variant on the same cases', () => {
    const cases = loadCorpus().filter((c) => c.split === 'dev').slice(0, 5);
    const scores = variantScores(cases);
    expect(scores.map((s) => s.variant)).toEqual(Object.keys(VARIANTS));
    for (const s of scores) {
      expect(s.n).toBe(5);
      expect(s.top1).toBeGreaterThanOrEqual(0);
      expect(s.top1).toBeLessThanOrEqual(5);
    }
  });
});
