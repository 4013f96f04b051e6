/**
 * Attached files are user input: the bot token goes only over https to Slack's file host (or the
 * configured SLACK_API_URL's origin), redirects are followed by hand and checked hop by hop, type
 * and size are checked first, a download has a time limit and a byte cap, and file names are
 * escaped like any paste before a note shows them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileLabel, readAttachedFiles } from '../../src/slack/files';
import { SlackHosts } from '../../src/slack/slack-hosts';

const TOKEN = 'xoxb-file-test-token';

interface Host {
  server: Server;
  base: string;
  seen: { path: string; authorization?: string | undefined }[];
}

async function host(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Host> {
  const seen: Host['seen'] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

let slack: Host;
let attacker: Host;
let hosts: SlackHosts;

beforeAll(async () => {
  attacker = await host((_req, res) => res.writeHead(200).end('stolen'));
  slack = await host((req, res) => {
    const path = req.url ?? '';
    if (path === '/files/ok.log') res.writeHead(200, { 'content-type': 'text/plain' }).end('HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure\n');
    else if (path === '/files/away') res.writeHead(302, { location: `${attacker.base}/collect` }).end();
    else if (path === '/files/hop') res.writeHead(302, { location: '/files/ok.log' }).end();
    else if (path === '/files/loop') res.writeHead(302, { location: '/files/loop' }).end();
    else if (path === '/files/big.log') res.writeHead(200).end('x'.repeat(5000).concat('\n').repeat(100));
    else if (path === '/files/slow.log') res.writeHead(200).write('first line\n'); // never ends
    else res.writeHead(404).end();
  });
  hosts = new SlackHosts(`${slack.base}/api/`);
});

afterAll(() => {
  slack.server.closeAllConnections();
  attacker.server.closeAllConnections();
  slack.server.close();
  attacker.server.close();
});

beforeEach(() => {
  slack.seen.length = 0;
  attacker.seen.length = 0;
});

describe('SlackHosts', () => {
  it('allows https to Slack file hosts and the configured API origin, nothing else', () => {
    const none = new SlackHosts();
    expect(none.allows('https://files.slack.com/files-pri/T1-F1/x.log')).toBe(true);
    expect(none.allows('https://FILES.SLACK.COM/files-pri/T1-F1/x.log')).toBe(true);
    expect(none.allows('http://files.slack.com/files-pri/T1-F1/x.log')).toBe(false);
    expect(none.allows('https://files.slack.com:8443/x')).toBe(false);
    expect(none.allows('https://files.slack.com.evil.example/x')).toBe(false);
    expect(none.allows('https://evil.example/files.slack.com/x')).toBe(false);
    expect(none.allows('https://user:pw@files.slack.com/x')).toBe(false);
    expect(none.allows('file:///etc/passwd')).toBe(false);
    expect(none.allows('not a url')).toBe(false);
    const gov = new SlackHosts('https://slack-gov.com/api/');
    expect(gov.allows('https://slack-gov.com/files/x')).toBe(true);
    expect(gov.allows('http://slack-gov.com/files/x')).toBe(false);
    expect(hosts.allows(`${slack.base}/files/x`)).toBe(true);
    expect(hosts.allows(`${attacker.base}/files/x`)).toBe(false);
  });
});

describe('readAttachedFiles', () => {
  it('downloads a text file from the Slack host with the token', async () => {
    const read = await readAttachedFiles([{ name: 'ok.log', mimetype: 'text/plain', url_private: `${slack.base}/files/ok.log`, size: 56 }], { token: TOKEN, hosts });
    expect(read.text).toContain('ANCM Out-Of-Process Startup Failure');
    expect(read.notes).toEqual([]);
    expect(slack.seen[0]!.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('never fetches a file on another host, and says why', async () => {
    const read = await readAttachedFiles([{ name: 'bait.log', mimetype: 'text/plain', url_private: `${attacker.base}/files/bait.log` }], { token: TOKEN, hosts });
    expect(attacker.seen).toEqual([]);
    expect(read.text).toBe('');
    expect(read.notes).toHaveLength(1);
    expect(read.notes[0]).toMatch(/I did not download "bait\.log": its address is not on Slack's file host .* over https, and I send my token nowhere else/);
  });

  it('refuses plain http to files.slack.com (no request is made)', async () => {
    const read = await readAttachedFiles([{ name: 'a.log', mimetype: 'text/plain', url_private: 'http://files.slack.com/files-pri/T1-F1/a.log' }], { token: TOKEN, hosts: new SlackHosts() });
    expect(read.notes[0]).toMatch(/not on Slack's file host \(files\.slack\.com\) over https/);
  });

  it('follows a redirect within Slack by hand, and refuses one that leaves it without sending the token there', async () => {
    const hop = await readAttachedFiles([{ name: 'hop.log', mimetype: 'text/plain', url_private: `${slack.base}/files/hop` }], { token: TOKEN, hosts });
    expect(hop.text).toContain('ANCM');
    expect(slack.seen.map((s) => s.path)).toEqual(['/files/hop', '/files/ok.log']);
    const away = await readAttachedFiles([{ name: 'away.log', mimetype: 'text/plain', url_private: `${slack.base}/files/away` }], { token: TOKEN, hosts });
    expect(attacker.seen).toEqual([]);
    expect(away.notes[0]).toMatch(/I could not download "away\.log": it redirected away from Slack's file host/);
  });

  it('stops after a few redirects', async () => {
    const loop = await readAttachedFiles([{ name: 'loop.log', mimetype: 'text/plain', url_private: `${slack.base}/files/loop` }], { token: TOKEN, hosts, maxRedirects: 3 });
    expect(loop.notes[0]).toMatch(/too many redirects/);
    expect(slack.seen).toHaveLength(4);
  });

  it('skips a file whose type is not text without downloading it', async () => {
    const read = await readAttachedFiles([{ name: 'screenshot.png', mimetype: 'image/png', url_private: `${slack.base}/files/ok.log` }], { token: TOKEN, hosts });
    expect(slack.seen).toEqual([]);
    expect(read.notes[0]).toBe('I skipped "screenshot.png": it is image/png, not a text log or config file.');
  });

  it('reads a file over the byte cap up to the cap and says so; the rest of the message is still read', async () => {
    const read = await readAttachedFiles(
      [
        { name: 'big.log', mimetype: 'text/plain', url_private: `${slack.base}/files/big.log`, size: 500_100 },
        { name: 'ok.log', mimetype: 'text/plain', url_private: `${slack.base}/files/ok.log` },
      ],
      { token: TOKEN, hosts, capBytes: 20_000 },
    );
    expect(Buffer.byteLength(read.text)).toBeLessThanOrEqual(20_100);
    expect(read.notes[0]).toMatch(/"big\.log" is larger than 19\.5 KB: I read only its first 19\.5 KB/);
    expect(read.notes[1]).toMatch(/I did not read "ok\.log": the files together are over the 19\.5 KB limit/);
  });

  it('gives up on a download that takes too long, with a note', async () => {
    const started = Date.now();
    const read = await readAttachedFiles([{ name: 'slow.log', mimetype: 'text/plain', url_private: `${slack.base}/files/slow.log` }], { token: TOKEN, hosts, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(read.notes[0]).toMatch(/I could not download "slow\.log": it took longer than 0\.3 s, so I stopped/);
  });

  it('escapes a file name like a paste: it pings nobody and shows no disguised link', async () => {
    const name = '<!channel> urgent <https://evil.example/login|re-auth here>.png';
    const read = await readAttachedFiles([{ name, mimetype: 'image/png', url_private: `${slack.base}/files/x` }], { token: TOKEN, hosts });
    expect(read.notes[0]).toContain('&lt;!channel&gt; urgent &lt;https://evil.example/login|re-auth here&gt;.png');
    expect(read.notes[0]).not.toMatch(/<!channel>|<https:/);
    expect(fileLabel({ title: 'a\nb' })).toBe('"a b"');
    expect(fileLabel({ name: 'x'.repeat(300) }).length).toBeLessThanOrEqual(82);
  });
});
