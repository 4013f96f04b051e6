import { SIGNATURES } from '../../../src/evidence/signatures/ancm';
import { signatureScanner } from '../../../src/evidence/signatures';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('ancm', SIGNATURES);

/** The clues (with their values) the whole catalogue raises on one line. */
function scan(line: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const hit of signatureScanner().scan(line, () => ({ source: 'paste', line: 1, text: '' }))) out[hit.clue] = hit.value;
  return out;
}
const ancmClues = (line: string): string[] => Object.keys(scan(line)).filter((c) => c.startsWith('ancm.') || c === 'app-offline');

describe('ANCM events as pasted', () => {
  it('reads an Event Viewer entry run together on one line, header and all', () => {
    const line =
      "Log Name: Application Source: IIS AspNetCore Module V2 Date: 12/01/2026 10:15:02 Event ID: 1000 Task Category: None Level: Warning Keywords: Classic User: N/A Computer: WEB01 Description: Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\api\\' failed to start process with commandline '\"dotnet\" .\\Api.dll' at stage 'PostStartCheck', ErrorCode = '0x8027025b', assigned port 18962, retryCounter '1'.";
    expect(scan(line)).toMatchObject({ 'ancm.oop-start-failed': '0x8027025b' });
  });

  it('reads events 1031 and 1010 run together, with the sub-error of each', () => {
    const line = "Application 'C:\\inetpub\\api\\' failed to start. Exception message: Executable was not found at 'C:\\inetpub\\api\\Api.exe' Failed to start application '/LM/W3SVC/2/ROOT', ErrorCode '0x8007023e'.";
    expect(scan(line)).toMatchObject({
      'ancm.inprocess-start-failed': undefined,
      'ancm.executable-not-found': 'C:\\inetpub\\api\\Api.exe',
      'ancm.start-application-failed': '0x8007023e',
    });
  });

  it('reads the Learn "x86 app in a 64-bit pool" log as pasted from the docs', () => {
    const line =
      "Application '/LM/W3SVC/5/ROOT' with physical root 'C:\\sites\\app\\' hit unexpected managed exception, exception code = '0xe0434352'. Please check the stderr logs for more information. Application '/LM/W3SVC/5/ROOT' with physical root 'C:\\sites\\app\\' failed to load clr and managed application. CLR worker thread exited prematurely";
    expect(scan(line)).toMatchObject({ 'ancm.managed-exception': '0xe0434352' });
    expect(ancmClues(line)).toContain('ancm.inprocess-start-failed');
  });

  it('does not call wrong arguments a missing framework', () => {
    const line =
      "Invoking hostfxr to find the inprocess request handler failed without finding any native dependencies. This most likely means the app is misconfigured, please check the versions of Microsoft.NetCore.App and Microsoft.AspNetCore.App that are targeted by the application and are installed on the machine. Could not find inprocess request handler. Captured output from invoking hostfxr: Did you mean to run dotnet SDK commands? Please install dotnet SDK from: https://go.microsoft.com/fwlink/?LinkID=798306&clcid=0x409 Failed to start application '/LM/W3SVC/3/ROOT', ErrorCode '0x8000ffff'.";
    const clues = ancmClues(line);
    expect(clues).toEqual(expect.arrayContaining(['ancm.dotnet-sdk-command', 'ancm.inprocess-handler-load', 'ancm.start-application-failed']));
    expect(clues).not.toContain('ancm.framework-missing');
  });

  it('reads a piece of a message: the key phrase alone', () => {
    expect(ancmClues('it says something like "did not listen on the given port" in the event log')).toContain('ancm.oop-start-failed');
    expect(ancmClues('event 1027: unable to locate application dependencies')).toContain('ancm.framework-missing');
    expect(ancmClues('ANCM says Managed server didn’t initialize after 120000 ms.')).toContain('ancm.startup-time-limit');
  });

  it('keeps values when the paste is shouted', () => {
    expect(scan("FAILED TO START APPLICATION '/LM/W3SVC/6/ROOT/', ERRORCODE '0X800700C1'.")).toMatchObject({ 'ancm.start-application-failed': '0X800700C1', 'ancm.bitness': '0X800700C1' });
    expect(scan("MAXIMUM RAPID FAIL COUNT PER MINUTE OF '10' EXCEEDED.")).toMatchObject({ 'ancm.rapid-fail-count': '10' });
  });

  it('raises nothing on healthy ANCM lines', () => {
    const healthy = [
      "Application '/LM/W3SVC/2/ROOT' started process '4312' successfully and process '4312' is listening on port '18962'.",
      "Application 'C:\\inetpub\\api\\' started successfully.",
      "Application 'C:\\inetpub\\api\\' started the coreclr in-process successfully",
      "Application 'MACHINE/WEBROOT/APPHOST/API' has shutdown.",
      "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\api\\' shut down process with Id '4312' listening on port '18962'",
      "Sent shutdown HTTP message to process with Id '4312' and received http status '202'.",
      "[2026-01-12T10:15:02.123Z, PID: 4312] [aspnetcorev2.dll] Initializing logs for 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll'. Process Id: 4312.",
      'ANCM_REQUEST_FORWARD_START Verbose',
      'ANCM_START_APPLICATION_SUCCESS Informational',
      'MODULE_SET_RESPONSE_ERROR_STATUS Warning ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="400", HttpReason="Bad Request", HttpSubStatus="0"',
    ];
    for (const line of healthy) expect({ line, clues: ancmClues(line) }).toEqual({ line, clues: [] });
  });

  it('raises nothing on a 502 or 500 told in prose', () => {
    const prose = [
      'we get 502.3 from IIS now and then, the app itself looks fine',
      'since the deploy the app failed to start twice',
      'HTTP/1.1 502 Bad Gateway',
      'the site is down with a 500 error',
      'is ANCM out of process or in process by default?',
    ];
    for (const line of prose) expect({ line, clues: ancmClues(line) }).toEqual({ line, clues: [] });
  });
});
