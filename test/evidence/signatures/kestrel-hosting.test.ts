import { SIGNATURES } from '../../../src/evidence/signatures/kestrel-hosting';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import type { Signature } from '../../../src/evidence/signatures/types';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('kestrel-hosting', SIGNATURES);

const ref = () => ({ source: 'paste', line: 1, text: '' });

/** The clue and value one line gives, scanned by the whole file. */
function hit(line: string, clue: string): { value?: string } | undefined {
  return new SignatureScanner(SIGNATURES).scan(line, ref).find((h) => h.clue === clue);
}

describe('kestrel-hosting: each signature earns its place', () => {
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

describe('kestrel-hosting: values', () => {
  it('takes the address out of a bind failure, whichever wording', () => {
    expect(hit('System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.', 'kestrel.bind-failed')?.value).toBe('http://127.0.0.1:5000');
    expect(hit('Failed to bind to address http://[::]:80: address already in use.', 'kestrel.bind-failed')?.value).toBe('http://[::]:80');
    expect(hit('IOException: Failed to bind to address https://0.0.0.0:443.', 'kestrel.bind-failed')?.value).toBe('https://0.0.0.0:443');
  });

  it('takes the address a host listens on, and tells loopback from all interfaces', () => {
    expect(hit('Now listening on: http://[::]:8080', 'hosting.listening')?.value).toBe('http://[::]:8080');
    expect(hit('Now listening on: http://[::]:8080', 'hosting.listening-localhost')).toBeUndefined();
    expect(hit('      Now listening on: http://127.0.0.1:21456', 'hosting.listening-localhost')?.value).toBe('http://127.0.0.1:21456');
  });

  it('takes the configured URL or port', () => {
    expect(hit('ASPNETCORE_URLS=http://+:80', 'hosting.port-config')?.value).toBe('http://+:80');
    expect(hit('<environmentVariable name="ASPNETCORE_URLS" value="http://localhost:5080" />', 'hosting.port-config')?.value).toBe('http://localhost:5080');
    expect(hit('ASPNETCORE_HTTP_PORTS=8080', 'hosting.port-config')?.value).toBe('8080');
    expect(hit('webBuilder.UseUrls("http://0.0.0.0:5000");', 'hosting.port-config')?.value).toBe('http://0.0.0.0:5000');
    expect(hit('"Urls": "http://*:5000"', 'hosting.port-config')?.value).toBe('http://*:5000');
    expect(hit("Overriding HTTP_PORTS '8080' and HTTPS_PORTS ''. Binding to values defined by URLS instead 'http://+:80'.", 'hosting.port-config')?.value).toBe('http://+:80');
  });

  it('takes the heartbeat duration (new wording)', () => {
    const line = 'As of "11/20/2026 10:15:04 +00:00", the heartbeat has been running for "00:00:04.7981284" which is longer than "00:00:01".';
    expect(hit(line, 'kestrel.heartbeat-slow')?.value).toBe('00:00:04.7981284');
  });
});

describe('kestrel-hosting: a healthy start raises no failure', () => {
  const healthy = [
    'info: Microsoft.Hosting.Lifetime[14]',
    'Now listening on: http://[::]:8080',
    'info: Microsoft.Hosting.Lifetime[0]',
    'Application started. Press Ctrl+C to shut down.',
    'Hosting environment: Production',
    'Content root path: /app',
  ];
  const failures = ['kestrel.bind-failed', 'kestrel.unable-to-start', 'hosting.failed', 'hosting.shutting-down', 'kestrel.app-error', 'hosting.listening-localhost'];
  it.each(healthy)('%s', (line) => {
    const clues = new SignatureScanner(SIGNATURES).scan(line, ref).map((h) => h.clue);
    expect(clues.filter((c) => failures.includes(c))).toEqual([]);
  });
});

describe('kestrel: HTTP/2 turned off on a cleartext endpoint', () => {
  it('takes the endpoint from the startup warning', () => {
    const scanner = new SignatureScanner(SIGNATURES);
    const line = 'warn: Microsoft.AspNetCore.Server.Kestrel[64] HTTP/2 is not enabled for [::1]:5003. The endpoint is configured to use HTTP/1.1 and HTTP/2, but TLS is not enabled. HTTP/2 requires TLS application protocol negotiation. Connections to this endpoint will use HTTP/1.1.';
    expect(scanner.scan(line, () => ({ source: 'paste', line: 1, text: line })).find((h) => h.clue === 'kestrel.h2c-disabled')?.value).toBe('[::1]:5003');
  });
});
