/**
 * Synonym groups: clue ids that stand for one fact count once per table. Tested on the groups
 * themselves and through the scoring module, on a native crash event: Application Error 1000
 * names the faulting application and carries the exception code, and both are one crash.
 */
import { clueGroup } from '../../../src/evidence/clues/synonyms';
import { rank } from '../../../src/ranking/rank';
import { CAUSES } from '../../../src/causes';
import { collect } from '../../helpers/cause-tester';

const EVENT = [
  'Faulting application name: w3wp.exe, version: 10.0.17134.1, time stamp: 0xd6e38087',
  'Faulting module name: shopnative.dll, version: 1.2.0.0, time stamp: 0x5b1985c7',
];

function familyScore(lines: string[]): number {
  const ranking = rank(collect({ 'events.txt': lines.join('\n') }), CAUSES);
  return ranking.ranked.find((h) => h.id === 'crash-mid-request-unexplained')!.score;
}

describe('synonym groups', () => {
  it('puts a native crash event and the exception codes it reports in one group', () => {
    const group = clueGroup('dotnet.faulting-app');
    for (const clue of ['event.application-error.1000', 'dotnet.access-violation', 'dotnet.fail-fast', 'dotnet.heap-corruption']) expect({ clue, group: clueGroup(clue) }).toEqual({ clue, group });
    expect(clueGroup('dotnet.stack-overflow')).not.toBe(group);
  });

  it('counts the crash event and its exception code once for the crash family', () => {
    const withCode = familyScore([...EVENT, 'Exception code: 0xc0000409']);
    expect(withCode).toBeCloseTo(familyScore(EVENT), 9);
  });
});
