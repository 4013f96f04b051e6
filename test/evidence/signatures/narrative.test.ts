import { SIGNATURES } from '../../../src/evidence/signatures/narrative';
import { cluesOf, runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('narrative', SIGNATURES);

test('narrative cues are marked as such, so they weigh as one step at most', () => {
  expect(SIGNATURES.every((s) => s.narrative === true && s.clue.startsWith('narrative.'))).toBe(true);
});

test('cues in other languages around English log lines', () => {
  expect(cluesOf('部署后访问网站报 HTTP Error 502.5')).toContain('narrative.after-deploy');
  expect(cluesOf('после деплоя сайт не отвечает')).toEqual(expect.arrayContaining(['narrative.after-deploy', 'narrative.hang-words']));
  expect(cluesOf('Funciona localmente, mas no IIS dá erro')).toContain('narrative.works-locally');
});

test('a line of name="value" pairs is written by a program, not narration', () => {
  // A FREB event row (GENERAL_SET_REQUEST_HEADER, as ARR logs the headers it adds) names SSL only as a header.
  expect(cluesOf('GENERAL_SET_REQUEST_HEADER HeaderName="X-ARR-SSL", HeaderValue="", Replace="true"')).toEqual([]);
  // One quoted value in a sentence is still a sentence.
  expect(cluesOf('We set sslFlags="Ssl" and since then the backend certificate is rejected')).toContain('narrative.cert-words');
});

test("a person's word starts where a word starts: no cue inside an identifier", () => {
  // "ssl" inside the category name of an Application Gateway access log is not a word about TLS.
  expect(cluesOf('"category": "ApplicationGatewayAccessLog", "httpStatus": 502')).not.toContain('narrative.cert-words');
  expect(cluesOf('the settlsomething flag')).not.toContain('narrative.cert-words');
  // The end stays open: "recycles" and "deployment" still carry their cues.
  expect(cluesOf('it fails when the app pool recycles')).toContain('narrative.recycle-words');
  expect(cluesOf('we see a few 502s during deployments')).toContain('narrative.during-deploy');
});

test('a product merely named leaves the narrative cues of its line alone', () => {
  // "Application Gateway" names the setup (azure-gateway.named); "under load" is still the teller's word.
  expect(cluesOf('We use the Application Gateway ingress controller and under load every request fails')).toEqual(expect.arrayContaining(['azure-gateway.named', 'narrative.under-load']));
});

test('a status line said in a sentence leaves the narrative cues of its line alone', () => {
  // "502 Bad Gateway" is what people say as much as what gateways write: the outbound failures
  // told in the same sentence are still the teller's words.
  expect(cluesOf('We get intermittent 502 Bad Gateway and the outbound connections to SQL fail to connect')).toEqual(
    expect.arrayContaining(['proxy.bad-gateway', 'narrative.outbound-failing', 'narrative.intermittent']),
  );
  expect(cluesOf('Every POST ends in a 504 Gateway Timeout under load')).toEqual(expect.arrayContaining(['proxy.gateway-timeout', 'narrative.under-load']));
  // A product's own line still silences them: "recycle" in WAS's event text is not narration.
  expect(cluesOf("A worker process with process id of '4242' serving application pool 'ShopPool' has requested a recycle because it reached its scheduled recycle time.")).not.toContain(
    'narrative.recycle-words',
  );
});
