import { MAX_REF_TEXT, refText } from '../../src/evidence/ref-text';

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
