/**
 * House rules in the engine: the same scanner, ranking and calibration as the built-in catalogue,
 * with what a team's rule raised marked as theirs. Rules here are built as the loader hands them
 * over (validated data); the loader has its own tests.
 */
import { diagnose } from '../../src/diagnose';
import { compileValue, houseSignatures, type HouseRule } from '../../src/evidence/house';
import { SignatureScanner } from '../../src/evidence/signatures/scanner';
import { ALL_SIGNATURES } from '../../src/evidence/signatures';
import { expectLinearTimeOf } from '../helpers/linear-time';

const F5_LINE = 'Dec  7 10:00:01 f5-lb01 info tmm[1234]: 01230140:3: RST sent from 10.0.0.5:443 to 10.1.0.9:51000, [0x2bbd] Idle timeout expired after 30 s';

const rule = (over: Partial<HouseRule> & Pick<HouseRule, 'rule' | 'all'>): HouseRule => ({ file: 'rules/lb.yaml', samples: { match: [] }, ...over });

const houseCause: HouseRule = rule({
  rule: 'lb-idle-timeout',
  all: ['rst sent from', 'idle timeout expired'],
  value: 'expired after {number} s',
  cause: {
    id: 'f5-idle-timeout',
    title: "Our F5's 30 s idle timeout cut the connection to the app",
    family: 'request-timeout',
    layer: 'load-balancer',
    weight: 'proves',
    steps: ['Check the F5 TCP profile "tcp-lan-30s" on the virtual server.'],
    fix: 'Move the virtual server to the tcp-lan-300s profile.',
  },
});

describe('house rules in the engine', () => {
  it('changes nothing when no rules (or an empty set) are loaded', () => {
    const inputs = [{ source: 'paste', text: `${F5_LINE}\nHTTP/1.1 502 Bad Gateway\nServer: nginx` }];
    expect(diagnose(inputs, { rules: [] })).toEqual(diagnose(inputs));
    expect(diagnose(inputs).causes.some((c) => c.id === 'f5-idle-timeout')).toBe(false);
  });

  it('ranks a house cause with the built-in ones and marks it as the house rule it came from', () => {
    const d = diagnose([{ source: 'lb.log', text: F5_LINE }], { rules: [houseCause] });
    const top = d.causes[0]!;
    expect(top).toMatchObject({
      id: 'f5-idle-timeout',
      family: 'request-timeout',
      source: 'house',
      house: { rule: 'lb-idle-timeout', file: 'rules/lb.yaml' },
      steps: ['Check the F5 TCP profile "tcp-lan-30s" on the virtual server.'],
      fix: { summary: 'Move the virtual server to the tcp-lan-300s profile.' },
    });
    expect(d.answer.kind).toBe('cause');
    // Calibrated like any cause: a proving clue gives a high, but not certain, confidence.
    expect(top.confidence).toBeGreaterThan(0.5);
    expect(top.confidence).toBeLessThan(1);
    expect(top.evidence[0]).toMatchObject({ source: 'lb.log', line: 1, clue: 'house.lb-idle-timeout', house: { rule: 'lb-idle-timeout', file: 'rules/lb.yaml' } });
  });

  it('lets a rule raise a built-in clue, which built-in causes weigh as usual, and marks the line as the house rule', () => {
    const text = 'deploy-bot: site drained, offline marker placed for shop-api';
    expect(diagnose([{ source: 'paste', text }]).causes[0]?.id).not.toBe('app-offline');
    const d = diagnose([{ source: 'paste', text }], { rules: [rule({ rule: 'deploy-offline', all: ['deploy-bot', 'offline marker placed'], clue: 'app-offline' })] });
    expect(d.causes[0]?.id).toBe('app-offline');
    expect(d.causes[0]?.source).toBeUndefined();
    expect(d.causes[0]?.evidence[0]).toMatchObject({ clue: 'app-offline', house: { rule: 'deploy-offline', file: 'rules/lb.yaml' } });
  });

  it('adds weight to a built-in cause, with the team steps and fix first when the rule fired', () => {
    const text = 'deploy-bot: site drained, offline marker placed for shop-api';
    const weighed = rule({
      rule: 'deploy-offline',
      all: ['deploy-bot', 'offline marker placed'],
      weigh: [{ cause: 'app-offline', weight: 'proves' }],
      steps: ["Our deploy tool's app_offline file: check the last run of the shop-api pipeline."],
      fix: 'Re-run the pipeline or delete app_offline.htm by hand.',
    });
    const d = diagnose([{ source: 'paste', text }], { rules: [weighed] });
    const top = d.causes[0]!;
    expect(top.id).toBe('app-offline');
    expect(top.steps[0]).toBe("Our deploy tool's app_offline file: check the last run of the shop-api pipeline.");
    expect(top.fix.summary.startsWith('Re-run the pipeline or delete app_offline.htm by hand. ')).toBe(true);
    // Where the rule did not fire, the cause's advice is the built-in one.
    const other = diagnose([{ source: 'paste', text: 'App_Offline.htm found in C:\\sites\\shop; shutting down the application' }], { rules: [weighed] });
    const offline = other.causes.find((c) => c.id === 'app-offline');
    if (offline) expect(offline.steps[0]).not.toMatch(/deploy tool/);
  });

  it('pulls the value out with the bounded placeholder syntax', () => {
    const [signature] = houseSignatures([houseCause]);
    const hits = new SignatureScanner([...ALL_SIGNATURES, signature!]).scan(F5_LINE.toLowerCase(), () => ({ source: 'p', line: 1, text: '' }));
    expect(hits.find((h) => h.clue === 'house.lb-idle-timeout')?.value).toBe('30');
  });

  it('refuses a value that is a regular expression, hostile or not', () => {
    for (const hostile of ['(a+)+$', '(.*)*x', 'timeout (\\d+)\\1', '[a-z]+ {number}', 'a|b {number}']) expect(typeof compileValue(hostile)).toBe('string');
    expect(compileValue('after {number} s')).toBeInstanceOf(RegExp);
    expect(compileValue('after {number} s and {word}')).toMatch(/exactly one placeholder/);
    expect(compileValue('after {regex}')).toMatch(/unknown placeholder/);
  });

  it('runs a house value on a hostile line in linear time', () => {
    const [signature] = houseSignatures([rule({ rule: 'slow', all: ['a'], value: 'a{text}a(b)' })]);
    const scanner = new SignatureScanner([signature!]);
    expectLinearTimeOf((line: string) => scanner.scan(line, () => ({ source: 'p', line: 1, text: '' })), (n) => 'a'.repeat(n), 200_000);
  });
});
