import { PasteDemux } from '../../src/console/terminal-session';

function run(chunks: readonly (string | Buffer)[]): { keys: string; pastes: string[] } {
  let keys = '';
  const pastes: string[] = [];
  const demux = new PasteDemux((k) => (keys += k), (p) => pastes.push(p));
  for (const c of chunks) demux.write(c);
  return { keys, pastes };
}

describe('PasteDemux', () => {
  it('passes typed keys through and takes a bracketed paste whole, blank lines included', () => {
    expect(run(['ab', '\u001b[200~line 1\r\r\rline 4\u001b[201~', 'c\r'])).toEqual({ keys: 'abc\r', pastes: ['line 1\r\r\rline 4'] });
  });

  it('finds markers split across reads, and keeps keys that only look like a marker start', () => {
    expect(run(['x\u001b[2', '00~pa', 'ste\u001b', '[201', '~y'])).toEqual({ keys: 'xy', pastes: ['paste'] });
    expect(run(['\u001b[A', '\u001b[B'])).toEqual({ keys: '\u001b[A\u001b[B', pastes: [] });
  });

  it('keeps a UTF-8 character split across reads whole', () => {
    const bytes = Buffer.from('\u001b[200~Fehler: Zugriff verweigert \u00e4\u001b[201~', 'utf8');
    const cut = bytes.indexOf(0xc3) + 1;
    expect(run([bytes.subarray(0, cut), bytes.subarray(cut)]).pastes).toEqual(['Fehler: Zugriff verweigert \u00e4']);
  });

  it('reads several pastes and 20,000 lines in one go', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `row ${i}`).join('\r');
    expect(run([`\u001b[200~a\u001b[201~\u001b[200~${big}\u001b[201~`]).pastes).toEqual(['a', big]);
  });
});
