import fc from 'fast-check';
import { albElapsedSeconds, albFields } from '../../../src/causes/support/alb-timing';
import { ALB } from '../edge-samples';

describe('albFields', () => {
  it('keeps quoted fields whole and counts fields like the ALB docs', () => {
    const fields = albFields(ALB.timeout504);
    expect(fields[1]).toBe('2023-01-07T09:22:52.872365Z');
    expect(fields[8]).toBe('504');
    expect(fields[12]).toBe('GET https://api.example.com:443/prefix-api/ HTTP/2.0');
    expect(fields[21]).toBe('2023-01-07T09:22:42.870000Z');
  });

  it('survives an unterminated quote and a 16 KB line', () => {
    const hostile = `http 2026-11-20T10:15:01Z app/x 1.2.3.4:1 - -1 -1 -1 502 - 0 0 "${'a'.repeat(16 * 1024)}`;
    const fields = albFields(hostile);
    expect(fields.length).toBe(13);
    expect(albElapsedSeconds(hostile)).toBeUndefined();
  });

  it('never throws and never returns more fields than asked', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (line) => {
        expect(albFields(line).length).toBeLessThanOrEqual(22);
        albElapsedSeconds(line);
      }),
    );
  });
});

describe('albElapsedSeconds', () => {
  it('reads the 10 s connection timeout from an EKS-style 504 line', () => {
    expect(albElapsedSeconds(ALB.timeout504)).toBe(10);
  });

  it('reads a 60 s idle timeout', () => {
    expect(albElapsedSeconds(ALB.idle504('10:15:01'))).toBe(60);
  });

  it('returns undefined when the line was cut before request_creation_time', () => {
    expect(albElapsedSeconds(ALB.timeout504.slice(0, 300))).toBeUndefined();
    expect(albElapsedSeconds(ALB.closedDuringRequest)).toBeUndefined();
  });
});
