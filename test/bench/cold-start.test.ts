import { pairedMedians } from '../../bench/cold-start';

describe('pairedMedians (cold-start bench)', () => {
  it('runs the two commands in turns, so both meet the same machine noise', () => {
    const order: string[] = [];
    const base = { command: 'base', args: [] };
    const subject = { command: 'subject', args: [] };
    pairedMedians((c) => (order.push(c.command), 1), base, subject, 3, '.');
    expect(order).toEqual(['base', 'subject', 'base', 'subject', 'base', 'subject', 'base', 'subject']);
  });

  it('leaves the first, unmeasured run of each out of the medians', () => {
    const times = new Map([
      ['base', [500, 10, 30, 20]],
      ['subject', [900, 15, 45, 30]],
    ]);
    const next = (c: { command: string }): number => times.get(c.command)?.shift() ?? Number.NaN;
    const result = pairedMedians(next, { command: 'base', args: [] }, { command: 'subject', args: [] }, 3, '.');
    expect(result).toEqual({ base: 20, subject: 30 });
  });
});
