/**
 * IIS forwarded the request over HTTPS (ARR / URL Rewrite reverse proxy, or ANCM to a Kestrel
 * that was configured for https) and WinHTTP's TLS handshake or certificate check failed, so IIS
 * logged 502.3 with a WinHTTP security error: 12157 (secure channel error), 12175 (security
 * failure), or a specific certificate error (untrusted CA, name mismatch, expired, client
 * certificate required). The seed article's cause 6.
 */
import { defineCause } from './define-cause';
import { CONFIDENCE, boosted } from './confidence';
import { codes, iisRows, refsOf, signals, statuses } from './query';
import { iisWin32Count, plural } from './support/gateway-evidence';

/** WinHTTP TLS errors (winhttp.h) and what each says about the back-end certificate or handshake. */
const TLS_ERRORS: Record<number, { name: string; means: string }> = {
  12037: { name: 'ERROR_WINHTTP_SECURE_CERT_DATE_INVALID', means: 'the back end\'s certificate is expired or not yet valid' },
  12038: { name: 'ERROR_WINHTTP_SECURE_CERT_CN_INVALID', means: 'the back end\'s certificate does not carry the host name IIS connected to' },
  12044: { name: 'ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED', means: 'the back end requires a client certificate and IIS sent none' },
  12045: { name: 'ERROR_WINHTTP_SECURE_INVALID_CA', means: 'the back end\'s certificate chains to a root that is not trusted in the LocalMachine store (self-signed, dev certificate, private CA)' },
  12057: { name: 'ERROR_WINHTTP_SECURE_CERT_REV_FAILED', means: 'the revocation check of the back end\'s certificate could not be completed (CRL/OCSP unreachable from the server)' },
  12157: { name: 'ERROR_WINHTTP_SECURE_CHANNEL_ERROR', means: 'the TLS handshake itself failed: no protocol version or cipher suite in common, or the back end reset the handshake' },
  12169: { name: 'ERROR_WINHTTP_SECURE_INVALID_CERT', means: 'the back end\'s certificate is invalid' },
  12170: { name: 'ERROR_WINHTTP_SECURE_CERT_REVOKED', means: 'the back end\'s certificate has been revoked' },
  12175: { name: 'ERROR_WINHTTP_SECURE_FAILURE', means: 'the back end\'s certificate failed validation (untrusted root, name mismatch or expiry; WinHTTP reports the combined failure)' },
  12179: { name: 'ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE', means: 'the back end\'s certificate is not valid for server authentication' },
};
const TLS_CODES = Object.keys(TLS_ERRORS).map(Number);

/** `0x80072F8F` for 12175: how FREB and error pages spell a WinHTTP error. */
function hresultOf(win32: number): string {
  return `0x8007${win32.toString(16).toUpperCase().padStart(4, '0')}`;
}

interface BackendTlsFailureFacts {
  /** The TLS error seen most often (one of TLS_ERRORS, which says what it means). */
  win32: number;
  /** 502.3 rows with a TLS error in the IIS log. */
  rows: number;
  /** Who forwarded over TLS: ARR, or ANCM to a Kestrel bound to https. */
  proxy: 'arr' | 'ancm' | 'unknown';
  /** The back end FREB says ARR routed to. */
  backend?: string;
}

export default defineCause<BackendTlsFailureFacts>({
  id: 'backend-tls-failure',
  title: 'TLS between IIS and the upstream server failed',
  family: 'tls-handshake',
  layer: 'reverse-proxy',
  clues: {
    'win32.12175': 'proves',
    'win32.12157': 'proves',
    'win32.12045': 'proves',
    'win32.12057': 'proves',
    'tls.trust-relationship': 'strong',
    'tls.handshake-failed': 'hints',
  },
  description:
    'IIS (ARR or ANCM) connected to its upstream over HTTPS and the TLS handshake or certificate validation failed, so it answered 502.3 without forwarding the request.',
  match(evidence) {
    const rows = iisRows(evidence, { status: 502, substatus: 3, win32: TLS_CODES });
    const decoded = codes(evidence, ...TLS_CODES);
    if (rows.length === 0 && decoded.length === 0) return undefined;
    const seen = [...rows.map((r) => r.win32 as number), ...decoded.map((c) => c.win32 as number)];
    const counts = new Map<number, number>();
    for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1);
    const win32 = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12175;
    const with5023 = statuses(evidence, { status: 502, substatus: 3 }).length > 0;
    const with502 = with5023 || statuses(evidence, { status: 502 }).length > 0;
    const arr = [...signals(evidence, 'arr-proxy'), ...signals(evidence, 'freb-arr-routed')];
    const ancm = [...signals(evidence, 'ancm-error-page'), ...signals(evidence, 'freb-module-error').filter((s) => s.data.module.startsWith('AspNetCoreModule'))];
    let confidence: number;
    if (rows.length > 0) confidence = boosted(CONFIDENCE.strong, rows.length >= 3 ? 0.05 : 0, arr.length > 0 ? 0.05 : 0);
    else if (with5023) confidence = boosted(CONFIDENCE.likely + 0.18, arr.length > 0 ? 0.05 : 0);
    else if (with502) confidence = boosted(CONFIDENCE.likely + 0.1, arr.length > 0 ? 0.05 : 0);
    else confidence = CONFIDENCE.likely - 0.05;
    const backend = signals(evidence, 'freb-arr-routed').find((s) => s.data.server !== undefined)?.data.server;
    return {
      confidence,
      evidence: refsOf([...rows, ...decoded, ...arr]),
      layer: ancm.length > 0 && arr.length === 0 ? 'ancm' : 'reverse-proxy',
      facts: {
        win32,
        rows: rows.length > 0 ? iisWin32Count(evidence, TLS_CODES, rows.length) : 0,
        proxy: arr.length > 0 ? 'arr' : ancm.length > 0 ? 'ancm' : 'unknown',
        backend,
      },
    };
  },
  steps({ facts }) {
    const steps: string[] = [];
    const { win32 } = facts;
    const rows = facts.rows ?? 0;
    const error = win32 !== undefined ? TLS_ERRORS[win32] : undefined;
    // Without facts the error is unknown: name the usual ones, which the IIS log's sc-win32-status tells apart.
    steps.push(
      win32 !== undefined && error !== undefined
        ? `WinHTTP error ${win32} (${error.name}, HRESULT ${hresultOf(win32)})${rows > 0 ? ` on ${plural(rows, '502.3 row')}` : ''}: ${error.means}. IIS never got as far as sending the request.`
        : 'A WinHTTP TLS error on a 502.3 (sc-win32-status 12175 ERROR_WINHTTP_SECURE_FAILURE, 12157 ERROR_WINHTTP_SECURE_CHANNEL_ERROR, or a certificate error such as 12045 ERROR_WINHTTP_SECURE_INVALID_CA): the TLS handshake or the certificate check with the upstream failed. IIS never got as far as sending the request.',
    );
    const backend = facts.backend ?? '<backend-host>';
    if (facts.proxy === 'ancm') {
      steps.push('ANCM normally forwards to Kestrel over plain http on 127.0.0.1; TLS there means the app forces an https endpoint for the port ANCM gives it (ASPNETCORE_PORT). Remove the https endpoint (or UseHttpsRedirection/HSTS for that hop): the localhost hop needs no TLS.');
    } else {
      steps.push(
        `From the IIS server itself (WinHTTP uses the machine's trust store, not the user's), request the back end the way ARR does: \`Invoke-WebRequest https://${backend}/ -UseBasicParsing\`. The error it prints names the certificate problem.`,
      );
    }
    steps.push(
      'Check the back end\'s certificate against the LocalMachine stores on the IIS server: `Get-ChildItem Cert:\\LocalMachine\\Root` must contain its root (a self-signed or dev certificate must be imported there, not in CurrentUser), and the name IIS connects to must be in the certificate\'s SAN.',
    );
    if (win32 === 12157) {
      steps.push(
        'For a handshake failure, compare the TLS versions on both ends: old Windows (2012 R2 and earlier) only offers TLS 1.2 to WinHTTP when DefaultSecureProtocols is set (HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp, 0xA80), and a back end that requires TLS 1.3 or disabled ciphers rejects it. The System event log (source Schannel, events 36874/36887/36888) shows the failed negotiation.',
      );
    }
    if (win32 === 12044) steps.push('The back end asks for a client certificate: configure ARR to present one (system.webServer/proxy clientCertHash or the farm\'s clientCertFileName), or turn off client-certificate requirement on the back end for the proxy.');
    steps.push('Failed Request Tracing on the proxy site (status 502.3) records the WinHTTP error and the back end ARR chose (ARR_SERVER_ROUTED).');
    return steps;
  },
  fix({ facts }) {
    if (facts.proxy === 'ancm') {
      return { summary: 'Let ANCM talk plain HTTP to Kestrel on localhost: do not bind an https endpoint to the port ANCM assigns; terminate TLS in IIS.' };
    }
    return {
      summary:
        'Make the back end\'s certificate valid for the IIS server: issued for the host name ARR uses, not expired, chaining to a root in LocalMachine\\Root (import a private root there), with TLS 1.2 available on both ends. Or proxy over plain HTTP on a trusted internal network.',
      language: 'powershell',
      snippet: [
        '# On the IIS/ARR server: trust the back end\'s root certificate for the whole machine (WinHTTP reads LocalMachine)',
        'Import-Certificate -FilePath C:\\certs\\backend-root.cer -CertStoreLocation Cert:\\LocalMachine\\Root',
        '# Old Windows only: let WinHTTP offer TLS 1.1/1.2 by default',
        'New-ItemProperty -Path "HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp" -Name DefaultSecureProtocols -Value 0xA80 -PropertyType DWord -Force',
      ].join('\n'),
    };
  },
  wants: ['iis-log', 'freb', 'event-log'],
  references: [
    'https://learn.microsoft.com/windows/win32/winhttp/error-messages',
    'https://learn.microsoft.com/troubleshoot/developer/webapps/iis/application-request-routing/troubleshooting-502-errors-in-arr',
    'https://learn.microsoft.com/troubleshoot/windows-server/networking/update-to-enable-tls-1-1-and-tls-1-2-as-default-secure-protocols-in-winhttp',
  ],
});
