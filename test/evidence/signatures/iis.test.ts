import { SIGNATURES } from '../../../src/evidence/signatures/iis';
import { signatureScanner } from '../../../src/evidence/signatures';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('iis', SIGNATURES);

/** The clues (with their values) the whole catalogue raises on one line. */
function scan(line: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const hit of signatureScanner().scan(line, () => ({ source: 'paste', line: 1, text: '' }))) out[hit.clue] = hit.value;
  return out;
}
const iisClues = (line: string): string[] => Object.keys(scan(line)).filter((c) => c.startsWith('iis.') || c.startsWith('httperr.'));

describe('IIS pages and HTTPERR as pasted', () => {
  it('reads a 500.19 page flattened onto one line, with its error code', () => {
    const line =
      'HTTP Error 500.19 - Internal Server Error The requested page cannot be accessed because the related configuration data for the page is invalid. Detailed Error Information: Module IIS Web Core Notification BeginRequest Handler Not yet determined Error Code 0x8007000d Config Error Config File \\\\?\\C:\\inetpub\\api\\web.config';
    expect(scan(line)).toMatchObject({ 'iis.config-invalid': '0x8007000d' });
  });

  it('reads a 500.21 page as the module not installed, naming the module', () => {
    expect(scan('HTTP Error 500.21 - Internal Server Error Handler "aspNetCore" has a bad module "AspNetCoreModuleV2" in its module list')).toMatchObject({
      'iis.bad-module': 'AspNetCoreModuleV2',
      'iis.hosting-bundle-missing': 'AspNetCoreModuleV2',
    });
  });

  it('names the pool of an HTTPERR row', () => {
    expect(scan('2026-01-12 10:15:02 10.0.0.5 50412 10.0.0.10 443 HTTP/1.1 POST /api/orders - 1 Connection_Abandoned_By_AppPool OrdersPool')).toMatchObject({
      'httperr.app-pool-abandoned': 'OrdersPool',
    });
    expect(scan('2026-01-12 10:15:02 10.0.0.5 50412 10.0.0.10 443 HTTP/1.1 GET /api/orders 503 1 AppOffline OrdersPool')).toMatchObject({ 'httperr.app-offline': 'OrdersPool' });
  });

  it('raises nothing on other HTTPERR reasons', () => {
    for (const reason of ['Timer_ConnectionIdle', 'Timer_MinBytesPerSecond', 'Connection_Dropped', 'BadRequest', 'Timer_Response']) {
      const line = `2026-01-12 10:15:02 10.0.0.5 50412 10.0.0.10 443 HTTP/1.1 GET /api/orders - 1 ${reason} OrdersPool`;
      expect({ line, clues: iisClues(line) }).toEqual({ line, clues: [] });
    }
  });

  it('raises no page clue on a 502 told in prose or another gateway page', () => {
    const lines = [
      'IIS gives 502 Bad Gateway when the report runs longer than 2 minutes',
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
      'The proxy server received an invalid response from an upstream server.',
      'we moved the config to a new file and cannot read it back',
    ];
    for (const line of lines) expect({ line, clues: iisClues(line) }).toEqual({ line, clues: [] });
  });
});
