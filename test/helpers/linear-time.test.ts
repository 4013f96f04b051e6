/**
 * The linear-time guard must catch quadratic and exponential code, and must pass linear and
 * constant-time code (including under load: it compares two sizes, never a fixed number of ms).
 */
import { expectLinearTime, expectLinearTimeOf } from './linear-time';

const KB16 = 'abcdefghijklmnop'.repeat(1024);

/** Compares every character with every later one: n²/2 steps, ~134 M on 16 KB. */
function quadratic(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    for (let j = i; j < s.length; j += 1) h = (h + (s.charCodeAt(j) ^ c)) | 0;
  }
  return h;
}

/** One pass over the input. */
function linear(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i += 1) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

describe('expectLinearTime', () => {
  it('fails a quadratic function on a 16 KB string', () => {
    expect(() => expectLinearTime(quadratic, KB16)).toThrow(/super-linear running time/);
  });

  it('fails a quadratic regular expression on a 16 KB string (a backtracking scan from every start)', () => {
    expect(() => expectLinearTime((s) => /a+b/.test(s), 'a'.repeat(16384))).toThrow(/super-linear/);
  });

  it('fails exponential backtracking', () => {
    expect(() => expectLinearTime((s) => /^(a+)+$/.test(s), `${'a'.repeat(24)}!`)).toThrow(/super-linear/);
  });

  it('passes a linear function and returns its result on the whole input', () => {
    expect(expectLinearTime(linear, KB16)).toBe(linear(KB16));
  });

  it('passes a linear regular expression scan', () => {
    expect(expectLinearTime((s) => /^a+b/.test(s), 'a'.repeat(16384))).toBe(false);
  });

  it('passes a constant-time function', () => {
    expect(expectLinearTime((s) => s.charCodeAt(0), KB16)).toBe(97);
  });

  it('adapts to non-string input with a size → input generator', () => {
    const make = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`);
    expect(expectLinearTimeOf((lines) => lines.join('\n').length, make, 20000)).toBe(make(20000).join('\n').length);
    expect(() => expectLinearTimeOf((lines: string[]) => quadratic(lines.join('')), (n) => Array.from({ length: n }, () => 'x'), 16384)).toThrow(/super-linear/);
  });
});
