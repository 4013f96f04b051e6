import { CAUSES } from '../../src/causes';
import { EvidenceCollector } from '../../src/evidence/collector';
import { rank } from '../../src/ranking/rank';
import { verdictOf } from '../../src/ranking/verdict';

function verdict(text: string) {
  const collector = new EvidenceCollector();
  collector.addText('paste', text);
  return verdictOf(rank(collector.finish(), CAUSES));
}

describe('verdictOf', () => {
  it('lists the family a clue also speaks for as the alternative, however far behind', () => {
    // A failed start after an upgrade: the app threw, or its launch configuration (processPath,
    // arguments) is wrong. The first is far likelier; the second is still worth ruling out.
    const v = verdict(['After upgrading the solution to the latest .NET Core, the deployment failed on the production server.', 'HTTP Error 502.5 - Process Failure'].join('\n'));
    expect(v.lead?.family).toBe('startup-failure');
    const families = v.candidates.map((h) => h.family);
    expect(families).toContain('config-error');
    const alternative = v.candidates.find((h) => h.family === 'config-error')!;
    expect(alternative.posterior).toBeLessThan(0.02);
  });

  it('lists no family that nothing in the evidence spoke for', () => {
    const v = verdict('HTTP Error 502.5 - Process Failure');
    expect(v.candidates.map((h) => h.family)).not.toContain('tls-handshake');
  });
});
