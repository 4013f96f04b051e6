import { SIGNATURES } from '../../../src/evidence/signatures/winsock-localized';
import { runSignatureTests } from '../../helpers/signature-tester';
import { diagnose } from '../../../src/diagnose';

runSignatureTests('winsock-localized', SIGNATURES);

/** The families a paste's diagnosis lists, best first. */
const families = (text: string): string[] => diagnose([{ source: 'paste', text }]).causes.map((c) => c.family);

describe('winsock-localized: a localized server reads like an English one', () => {
  it('a refusal on a Chinese server behind ANCM reads as the proxy failing to reach the app', () => {
    const text = [
      'IIS 返回 502，日志里是：',
      'System.Net.Http.HttpRequestException: 由于目标计算机积极拒绝，无法连接。 (localhost:5000)',
      ' ---> System.Net.Sockets.SocketException: 由于目标计算机积极拒绝，无法连接。',
    ].join('\n');
    expect(families(text)[0]).toBe('proxy-origin');
  });

  // The Winsock texts in English (net-http.ts) beside a translation: one diagnosis for both.
  it.each([
    ['10061 in German', 'No connection could be made because the target machine actively refused it.', 'Es konnte keine Verbindung hergestellt werden, da der Zielcomputer die Verbindung verweigerte.'],
    ['10054 in Russian', 'An existing connection was forcibly closed by the remote host.', 'Удаленный хост принудительно разорвал существующее подключение.'],
    ['10060 in Japanese', 'A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.', '接続済みの呼び出し先が一定の時間を過ぎても正しく応答しなかったため、接続できませんでした。'],
    ['10048 in German', 'Only one usage of each socket address (protocol/network address/port) is normally permitted.', 'Normalerweise darf jede Socketadresse (Protokoll, Netzwerkadresse oder Anschluss) nur jeweils einmal verwendet werden.'],
  ])('%s gives the diagnosis the English text gives', (_name, english, localized) => {
    const paste = (message: string): string => `the gateway answers 502 and its log says:\nSystem.Net.Http.HttpRequestException: ${message} (10.0.0.4:8080)`;
    const top = (text: string) => diagnose([{ source: 'paste', text }]).causes[0]?.id;
    expect(top(paste(english))).toBeDefined();
    expect(top(paste(localized))).toBe(top(paste(english)));
  });

  it('reads nothing in ordinary prose of those languages', () => {
    expect(diagnose([{ source: 'paste', text: 'Der Zielcomputer ist ein Windows-Server. 远程主机是 Linux。' }]).causes).toEqual([]);
  });
});
