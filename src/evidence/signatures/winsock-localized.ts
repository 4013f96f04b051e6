/**
 * Winsock's socket errors in the other display languages of Windows. .NET takes a SocketException's
 * message from the operating system (FormatMessage), so on a German, Chinese, Russian or Japanese
 * server the same refusal reads "Es konnte keine Verbindung hergestellt werden, da der Zielcomputer
 * die Verbindung verweigerte." or "由于目标计算机积极拒绝，无法连接。", with no English word in it, and
 * .NET Framework and older .NET Core print no `(10061)` beside it. The clues are net-http.ts's:
 * only the wording differs. Each fragment is the distinctive part of the system message, free of
 * apostrophes and punctuation that pastes change.
 */
import type { Signature } from './types';

/** Where the texts come from: the localized Windows system message table for each Winsock code. */
const WINDOWS = (code: string, language: string): string => `Windows system message for ${code} in the ${language} display language (winerror.h; FormatMessage), as .NET's SocketException prints it`;

export const SIGNATURES: readonly Signature[] = [
  // --- WSAECONNREFUSED 10061: nothing listens at the address
  {
    clue: 'net.connection-refused',
    all: ['目标计算机积极拒绝'],
    source: WINDOWS('WSAECONNREFUSED (10061)', 'zh-CN'),
    examples: { match: ['System.Net.Http.HttpRequestException: 由于目标计算机积极拒绝，无法连接。 (localhost:5000)'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['目標電腦拒絕連線'],
    source: WINDOWS('WSAECONNREFUSED (10061)', 'zh-TW'),
    examples: { match: ['SocketException: 無法連線，因為目標電腦拒絕連線。 127.0.0.1:5000'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['da der zielcomputer die verbindung verweigerte'],
    source: WINDOWS('WSAECONNREFUSED (10061)', 'de-DE'),
    examples: { match: ['System.Net.Sockets.SocketException: Es konnte keine Verbindung hergestellt werden, da der Zielcomputer die Verbindung verweigerte 127.0.0.1:5000'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['конечный компьютер отверг запрос на подключение'],
    source: WINDOWS('WSAECONNREFUSED (10061)', 'ru-RU'),
    examples: { match: ['System.Net.Sockets.SocketException: Подключение не установлено, т.к. конечный компьютер отверг запрос на подключение 127.0.0.1:5000'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['によって拒否されたため', '接続できませんでした'],
    source: WINDOWS('WSAECONNREFUSED (10061)', 'ja-JP'),
    examples: { match: ['System.Net.Sockets.SocketException: 対象のコンピューターによって拒否されたため、接続できませんでした。 127.0.0.1:5000'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['ordinateur cible', 'expressément refusée'],
    source: WINDOWS('WSAECONNREFUSED (10061)', 'fr-FR'),
    examples: { match: ["System.Net.Sockets.SocketException: Aucune connexion n'a pu être établie car l'ordinateur cible l'a expressément refusée 127.0.0.1:5000"] },
  },
  {
    clue: 'net.connection-refused',
    all: ['equipo de destino denegó expresamente'],
    source: WINDOWS('WSAECONNREFUSED (10061)', 'es-ES'),
    examples: { match: ['No se puede establecer una conexión ya que el equipo de destino denegó expresamente dicha conexión. 127.0.0.1:5000'] },
  },
  {
    clue: 'net.connection-refused',
    all: ['máquina de destino as recusou ativamente'],
    source: WINDOWS('WSAECONNREFUSED (10061)', 'pt-BR'),
    examples: { match: ['Nenhuma conexão pôde ser feita porque a máquina de destino as recusou ativamente. 127.0.0.1:5000'] },
  },

  // --- WSAECONNRESET 10054: the peer reset the connection
  {
    clue: 'net.connection-reset',
    all: ['远程主机强迫关闭了一个现有的连接'],
    source: WINDOWS('WSAECONNRESET (10054)', 'zh-CN'),
    examples: { match: ['System.IO.IOException: 无法从传输连接中读取数据: 远程主机强迫关闭了一个现有的连接。'] },
  },
  {
    clue: 'net.connection-reset',
    all: ['vom remotehost geschlossen'],
    any: ['eine vorhandene verbindung', 'eine bestehende verbindung'],
    source: WINDOWS('WSAECONNRESET (10054)', 'de-DE'),
    examples: { match: ['System.IO.IOException: Von der Übertragungsverbindung können keine Daten gelesen werden: Eine vorhandene Verbindung wurde vom Remotehost geschlossen.'] },
  },
  {
    clue: 'net.connection-reset',
    all: ['удаленный хост принудительно разорвал существующее подключение'],
    source: WINDOWS('WSAECONNRESET (10054)', 'ru-RU'),
    examples: { match: ['System.IO.IOException: Не удается прочитать данные из транспортного соединения: Удаленный хост принудительно разорвал существующее подключение.'] },
  },
  {
    clue: 'net.connection-reset',
    all: ['リモート ホストに強制的に切断されました'],
    source: WINDOWS('WSAECONNRESET (10054)', 'ja-JP'),
    examples: { match: ['System.IO.IOException: 転送接続からデータを読み取れません: 既存の接続はリモート ホストに強制的に切断されました。'] },
  },
  {
    clue: 'net.connection-reset',
    all: ['connexion existante', 'hôte distant'],
    source: WINDOWS('WSAECONNRESET (10054)', 'fr-FR'),
    examples: { match: ["Une connexion existante a dû être fermée par l'hôte distant."] },
  },
  {
    clue: 'net.connection-reset',
    all: ['interrupción de una conexión existente por el host remoto'],
    source: WINDOWS('WSAECONNRESET (10054)', 'es-ES'),
    examples: { match: ['Se ha forzado la interrupción de una conexión existente por el host remoto.'] },
  },
  {
    clue: 'net.connection-reset',
    all: ['cancelamento de uma conexão existente pelo host remoto'],
    source: WINDOWS('WSAECONNRESET (10054)', 'pt-BR'),
    examples: { match: ['Foi forçado o cancelamento de uma conexão existente pelo host remoto.'] },
  },

  // --- WSAETIMEDOUT 10060: the peer never answered the connect
  {
    clue: 'net.connect-timeout',
    all: ['由于连接方在一段时间后没有正确答复'],
    source: WINDOWS('WSAETIMEDOUT (10060)', 'zh-CN'),
    examples: { match: ['由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。 10.0.0.4:443'] },
  },
  {
    clue: 'net.connect-timeout',
    all: ['ein verbindungsversuch ist fehlgeschlagen', 'nach einer bestimmten zeitspanne'],
    source: WINDOWS('WSAETIMEDOUT (10060)', 'de-DE'),
    examples: { match: ['Ein Verbindungsversuch ist fehlgeschlagen, da die Gegenstelle nach einer bestimmten Zeitspanne nicht richtig reagiert hat'] },
  },
  {
    clue: 'net.connect-timeout',
    all: ['попытка установить соединение была безуспешной'],
    source: WINDOWS('WSAETIMEDOUT (10060)', 'ru-RU'),
    examples: { match: ['Попытка установить соединение была безуспешной, т.к. от другого компьютера за требуемое время не получен нужный отклик'] },
  },
  {
    clue: 'net.connect-timeout',
    all: ['一定の時間を過ぎても正しく応答しなかったため'],
    source: WINDOWS('WSAETIMEDOUT (10060)', 'ja-JP'),
    examples: { match: ['接続済みの呼び出し先が一定の時間を過ぎても正しく応答しなかったため、接続できませんでした。'] },
  },

  // --- WSAEADDRINUSE 10048: the port is taken
  {
    clue: 'net.address-in-use',
    all: ['只允许使用一次'],
    any: ['套接字地址'],
    source: WINDOWS('WSAEADDRINUSE (10048)', 'zh-CN'),
    examples: { match: ['通常每个套接字地址(协议/网络地址/端口)只允许使用一次。'] },
  },
  {
    clue: 'net.address-in-use',
    all: ['socketadresse', 'nur jeweils einmal verwendet werden'],
    source: WINDOWS('WSAEADDRINUSE (10048)', 'de-DE'),
    examples: { match: ['Normalerweise darf jede Socketadresse (Protokoll, Netzwerkadresse oder Anschluss) nur jeweils einmal verwendet werden.'] },
  },
  {
    clue: 'net.address-in-use',
    all: ['обычно разрешается только одно использование адреса сокета'],
    source: WINDOWS('WSAEADDRINUSE (10048)', 'ru-RU'),
    examples: { match: ['Обычно разрешается только одно использование адреса сокета (протокол/сетевой адрес/порт)'] },
  },
  {
    clue: 'net.address-in-use',
    all: ['ソケット アドレス', '1 つだけ使用できます'],
    source: WINDOWS('WSAEADDRINUSE (10048)', 'ja-JP'),
    examples: { match: ['通常、各ソケット アドレスに対してプロトコル、ネットワーク アドレス、またはポートのどれか 1 つだけ使用できます。'] },
  },
];
