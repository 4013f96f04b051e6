import { MAX_REF_TEXT, refText, where } from '../../src/evidence/ref-text';

describe('refText', () => {
  it('keeps a short line whole', () => {
    expect(refText('x'.repeat(MAX_REF_TEXT))).toBe('x'.repeat(MAX_REF_TEXT));
  });

  it.each([['…'], ['...'], ['']] as const)('cuts a long line to MAX_REF_TEXT characters, ending in %p', (mark) => {
    const cut = refText('x'.repeat(1000), mark);
    expect(cut).toHaveLength(MAX_REF_TEXT);
    expect(cut.endsWith(`x${mark}`)).toBe(true);
  });

  it('marks a cut with … unless told otherwise', () => {
    expect(refText('y'.repeat(301))).toBe(`${'y'.repeat(299)}…`);
  });
});

describe('where', () => {
  it('says a file line as file:line', () => {
    expect(where('u_ex261120.log', 27)).toBe('u_ex261120.log:27');
  });
  it('says a line of a named paste in words', () => {
    expect(where('your paste', 27)).toBe('your paste, line 27');
    expect(where('message 3', 6)).toBe('message 3, line 6');
  });
  it('says the source alone when there is no line', () => {
    expect(where('your paste')).toBe('your paste');
    expect(where('web.config', 0)).toBe('web.config');
  });
});
