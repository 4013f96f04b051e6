import { TopUrlCounter, MAX_URL_CHARS } from '../../../../src/evidence/parsers/iis-log/top-urls';
import { DistinctEstimator } from '../../../../src/evidence/parsers/iis-log/distinct';

describe('TopUrlCounter', () => {
  it('counts exactly, with statuses per URL, while under capacity', () => {
    const c = new TopUrlCounter(10);
    c.add('/a', '502.3');
    c.add('/b', '500.0');
    c.add('/a', '502.3');
    c.add('/a', '502.5');
    expect(c.top()).toEqual([
      { url: '/a', count: 3, statuses: { '502.3': 2, '502.5': 1 } },
      { url: '/b', count: 1, statuses: { '500.0': 1 } },
    ]);
    expect(c.distinct()).toBe(2);
    expect(c.accuracy()).toEqual({ exact: true, undercount: 0, droppedRows: 0 });
  });

  it('never remembers more URLs than its capacity and keeps a heavy hitter through pruning', () => {
    const c = new TopUrlCounter(100);
    for (let i = 0; i < 20_000; i += 1) {
      c.add(`/noise/${i}`, '502.3');
      if (i % 10 === 0) c.add('/hot', '502.3');
      expect(c.size).toBeLessThanOrEqual(100);
    }
    const [top] = c.top(1);
    expect(top?.url).toBe('/hot');
    expect(top?.count).toBe(2000);
    expect(c.accuracy().exact).toBe(false);
    expect(Math.abs(c.distinct() - 20_001) / 20_001).toBeLessThan(0.05);
  });

  it('cuts very long URLs before they become keys', () => {
    const c = new TopUrlCounter();
    c.add(`/${'x'.repeat(16_000)}`, '502.3');
    expect(c.top()[0]?.url.length).toBe(MAX_URL_CHARS);
  });

  it('returns at most the requested number of URLs', () => {
    const c = new TopUrlCounter();
    for (let i = 0; i < 50; i += 1) c.add(`/u${i}`, '500.0');
    expect(c.top(20)).toHaveLength(20);
  });
});

describe('DistinctEstimator', () => {
  it('is exact for a handful and within 5 % for 100,000 distinct strings', () => {
    const small = new DistinctEstimator();
    ['/a', '/b', '/c', '/a'].forEach((u) => small.add(u));
    expect(small.estimate()).toBe(3);
    const big = new DistinctEstimator();
    for (let i = 0; i < 100_000; i += 1) big.add(`/api/orders/${i}`);
    expect(Math.abs(big.estimate() - 100_000) / 100_000).toBeLessThan(0.05);
  });
});
