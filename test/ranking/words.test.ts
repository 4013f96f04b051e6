import { confidenceWord, CONFIDENCE_WORDS } from '../../src/ranking/words';

describe('confidence words', () => {
  it.each([
    [0.97, 'near certain'],
    [CONFIDENCE_WORDS.nearCertain, 'near certain'],
    [0.8, 'strong'],
    [0.6, 'likely'],
    [0.35, 'possible'],
    [0.22, 'weak'],
    [0, 'weak'],
  ] as const)('says %s is %s', (confidence, word) => {
    expect(confidenceWord(confidence)).toBe(word);
  });

  it('keeps the words in order, each above the next', () => {
    expect(CONFIDENCE_WORDS.nearCertain).toBeGreaterThan(CONFIDENCE_WORDS.strong);
    expect(CONFIDENCE_WORDS.strong).toBeGreaterThan(CONFIDENCE_WORDS.likely);
    expect(CONFIDENCE_WORDS.likely).toBeGreaterThan(CONFIDENCE_WORDS.possible);
  });
});
