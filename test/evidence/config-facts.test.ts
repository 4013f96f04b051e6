import { timespanSeconds } from '../../src/evidence/config-facts';

describe('timespanSeconds', () => {
  it.each([
    ['00:02:00', 120],
    ['1.00:00:00', 86400],
    [' 00:00:30 ', 30],
    ['360:00:00', 1_296_000],
    ['00:01:30.500', 90],
    ['90', 90],
  ])('reads %s as %i s', (text, seconds) => {
    expect(timespanSeconds(text)).toBe(seconds);
  });

  it.each([[undefined], [''], ['2 minutes'], ['00:02'], ['-00:02:00']])('reads %p as nothing', (text) => {
    expect(timespanSeconds(text)).toBeUndefined();
  });
});
