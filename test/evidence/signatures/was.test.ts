import { SIGNATURES } from '../../../src/evidence/signatures/was';
import { signatureScanner } from '../../../src/evidence/signatures';
import { runSignatureTests } from '../../helpers/signature-tester';

runSignatureTests('was', SIGNATURES);

/** The clues (with their values) the whole catalogue raises on one line. */
function scan(line: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const hit of signatureScanner().scan(line, () => ({ source: 'paste', line: 1, text: '' }))) out[hit.clue] = hit.value;
  return out;
}
const wasClues = (line: string): string[] => Object.keys(scan(line)).filter((c) => c.startsWith('was.'));

describe('WAS events as pasted', () => {
  it('reads an Event Viewer entry with its header on one line, naming the pool', () => {
    const line =
      "Log Name: System Source: Microsoft-Windows-WAS Date: 12/01/2026 10:15:02 Event ID: 5010 Task Category: None Level: Warning Keywords: Classic User: N/A Computer: WEB01 Description: A process serving application pool 'OrdersPool' failed to respond to a ping. The process id was '4312'.";
    expect(scan(line)).toMatchObject({ 'was.ping-failure': 'OrdersPool' });
  });

  it('reads a crash and the rapid-fail that followed, run together', () => {
    const line =
      "A process serving application pool 'OrdersPool' terminated unexpectedly. The process id was '4312'. The process exit code was '0xc00000fd'. Application pool 'OrdersPool' is being automatically disabled due to a series of failures in the process(es) serving that application pool.";
    expect(scan(line)).toMatchObject({ 'was.worker-crashed': '0xc00000fd', 'was.rapid-fail': 'OrdersPool', 'was.pool-stopped': 'OrdersPool' });
  });

  it('tells a memory recycle from the others', () => {
    const memory = "A worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle because it reached its private bytes memory limit.";
    const scheduled = "A worker process with process id of '4312' serving application pool 'OrdersPool' has requested a recycle because it reached its scheduled recycle time.";
    expect(wasClues(memory).sort()).toEqual(['was.recycle', 'was.recycle-memory']);
    expect(wasClues(scheduled)).toEqual(['was.recycle']);
  });

  it('reads an idle shutdown as nothing worse', () => {
    const line =
      "A worker process with process id of '4312' serving application pool 'OrdersPool' was shutdown due to inactivity. Application Pool timeout configuration was set to 20 minutes. A new worker process will be started when needed.";
    expect(scan(line)).toEqual({ 'was.idle-shutdown': '20' });
  });

  it('raises nothing on routine WAS lines or prose about pools', () => {
    const lines = [
      "A worker process '4312' serving application pool 'OrdersPool' was started.",
      'We recycle the app pool every night at 3am',
      'the process was killed by the deployment script',
      'ping to the database failed',
    ];
    for (const line of lines) expect({ line, clues: wasClues(line) }).toEqual({ line, clues: [] });
  });
});
