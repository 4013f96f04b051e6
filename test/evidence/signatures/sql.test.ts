import { SIGNATURES } from '../../../src/evidence/signatures/sql';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import type { Signature } from '../../../src/evidence/signatures/types';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('sql', SIGNATURES);

const ref = () => ({ source: 'paste', line: 1, text: '' });

/** The clue and value one line gives, scanned by the whole file. */
function hit(line: string, clue: string): { value?: string } | undefined {
  return new SignatureScanner(SIGNATURES).scan(line, ref).find((h) => h.clue === clue);
}

describe('sql: each signature earns its place', () => {
  it.each(SIGNATURES.map((s, i) => [i, s.clue, s] as [number, string, Signature]))('#%i %s matches its own examples alone, and its value pattern finds a value', (_i, _clue, s) => {
    const alone = new SignatureScanner([s]);
    const values: string[] = [];
    for (const example of s.examples.match) {
      const hits = alone.scan(example, ref);
      expect({ example, matched: hits.length }).toEqual({ example, matched: 1 });
      if (hits[0]?.value !== undefined) values.push(hits[0].value);
    }
    if (s.value) expect(values.length).toBeGreaterThan(0);
  });
});

describe('sql: values', () => {
  it('takes the provider detail of a network error', () => {
    const line = 'A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: TCP Provider, error: 0 - No such host is known.)';
    expect(hit(line, 'sql.unreachable')?.value).toBe('TCP Provider, error: 0 - No such host is known.');
  });

  it('takes the user refused and the database it could not open', () => {
    expect(hit("Login failed for user 'IIS APPPOOL\\ShopPool'.", 'sql.login-failed')?.value).toBe('IIS APPPOOL\\ShopPool');
    expect(hit('Cannot open database "ShopDb" requested by the login. The login failed.', 'sql.login-failed')?.value).toBe('ShopDb');
  });

  it('takes the pool size Npgsql names', () => {
    const line = "The connection pool has been exhausted, either raise 'Max Pool Size' (currently 100) or 'Timeout' (currently 15 seconds) in your connection string.";
    expect(hit(line, 'sql.pool-timeout')?.value).toBe('100');
  });
});

describe('sql: a pool timeout, a command timeout and a connect timeout stay apart', () => {
  const cases: [string, string, string[]][] = [
    ['Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.', 'sql.pool-timeout', ['sql.command-timeout', 'sql.unreachable']],
    ['Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.', 'sql.command-timeout', ['sql.pool-timeout', 'sql.unreachable']],
    ['Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.', 'sql.unreachable', ['sql.pool-timeout', 'sql.command-timeout']],
  ];
  it.each(cases)('%s', (line, clue, others) => {
    const clues = new SignatureScanner(SIGNATURES).scan(line, ref).map((h) => h.clue);
    expect(clues).toContain(clue);
    for (const other of others) expect(clues).not.toContain(other);
  });
});
