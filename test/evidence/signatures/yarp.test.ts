import { SIGNATURES } from '../../../src/evidence/signatures/yarp';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('yarp', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const hits = (line: string) => scanner.scan(line, () => ({ source: 'paste', line: 1, text: line }));
const valueOf = (line: string, clue: string) => hits(line).find((h) => h.clue === clue)?.value;

describe('YARP values', () => {
  it('takes the ForwarderError name', () => {
    expect(valueOf('      Request: An error was encountered before receiving a response.', 'yarp.forwarder-error')).toBe('Request');
    expect(valueOf('RequestTimedOut: The request timed out before receiving a response.', 'yarp.timeout')).toBe('RequestTimedOut');
    expect(valueOf('UpgradeRequestDestination: The destination reported an error when copying the upgraded request body.', 'yarp.forwarder-error')).toBe('UpgradeRequestDestination');
    expect(valueOf('ForwarderError.ResponseHeaders on /api/orders', 'yarp.forwarder-error')).toBe('ResponseHeaders');
  });

  it('does not take a word of the log prefix for the error name', () => {
    expect(valueOf('warn: Yarp.ReverseProxy.Forwarder.HttpForwarder[48] Request: An error was encountered before receiving a response.', 'yarp.forwarder-error')).toBe('Request');
  });

  it('takes the cluster without destinations', () => {
    expect(valueOf("No available destinations after load balancing for cluster 'orders'.", 'yarp.forwarder-error')).toBe('orders');
  });

  it('a successful forward raises no failure clue, only that YARP is in the picture and where it went', () => {
    expect(hits('info: Yarp.ReverseProxy.Forwarder.HttpForwarder[56] Received HTTP/2.0 response 200.').map((h) => h.clue)).toEqual(['dotnet-gateway.named']);
    const proxying = hits('info: Yarp.ReverseProxy.Forwarder.HttpForwarder[9] Proxying to http://orders:8080/api HTTP/2 RequestVersionOrLower');
    expect(proxying.map((h) => [h.clue, h.value])).toEqual([
      ['dotnet-gateway.named', undefined],
      ['yarp.destination', 'http://orders:8080/api'],
    ]);
  });
});
