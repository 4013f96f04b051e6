import { SIGNATURES } from '../../../src/evidence/signatures/containers';
import { SignatureScanner } from '../../../src/evidence/signatures/scanner';
import { cluesOf, runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('containers', SIGNATURES);

const scanner = new SignatureScanner(SIGNATURES);
const valueOf = (line: string, clue: string): string | undefined => scanner.scan(line, () => ({ source: 'paste', line: 1, text: '' })).find((h) => h.clue === clue)?.value;

describe('container port values: the container-side port', () => {
  it.each([
    ['ENV ASPNETCORE_HTTP_PORTS=8080', '8080'],
    ['ASPNETCORE_HTTP_PORTS: "5000"', '5000'],
    ["Overriding HTTP_PORTS '8080' and HTTPS_PORTS ''. Binding to values defined by URLS instead 'http://+:80'.", '80'],
    ['ENV ASPNETCORE_URLS=http://+:80;https://+:443', '80'],
    ['EXPOSE 8080/tcp', '8080'],
    ['docker run -d -p 8000:80 --name api orders-api:latest', '80'],
    ['docker run -p 127.0.0.1:8080:5000 api', '5000'],
    ['0.0.0.0:8000->80/tcp', '80'],
    ['ports: - "8000:80"', '80'],
    ['- containerPort: 80', '80'],
    ['port: 80 targetPort: 8080', '8080'],
    ['WEBSITES_PORT=8080', '8080'],
  ])('%s → %s', (line, port) => {
    expect(valueOf(line, 'container.port-mismatch')).toBe(port);
  });

  it('names the image the app runs on', () => {
    expect(valueOf('FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base', 'container.context')).toBe('aspnet:8.0');
  });
});

describe('container context without a port', () => {
  it.each(['targetPort: http', 'which containerPort should the deployment use?', 'what does ASPNETCORE_HTTP_PORTS do?'])('%s is context, not a port setting', (line) => {
    expect(cluesOf(line)).toContain('container.context');
    expect(cluesOf(line)).not.toContain('container.port-mismatch');
  });
});
