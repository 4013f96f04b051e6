/**
 * Attached files are user input: the bot token goes only over https to Slack's file host (or the
 * configured SLACK_API_URL's origin), redirects are followed by hand and checked hop by hop, type
 * and size are checked first, a download has a time limit and a byte cap, and file names are
 * escaped like any paste before a note shows them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOWNLOAD_LIMITS, fileLabel, readAttachedFiles } from '../../src/slack/files';
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
    else if (path === '/files/to-api') res.writeHead(302, { location: '/api/auth.revoke' }).end();
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

  it('lets the token go with a download only to a file path on files.slack.com (or the configured origin), never to the Web API or a webhook', () => {
    const none = new SlackHosts();
    expect(none.allowsFile('https://files.slack.com/files-pri/T1-F1/x.log')).toBe(true);
    expect(none.allowsFile('https://files.slack.com/files-pri/T1-F1/download/x.log')).toBe(true);
    expect(none.allowsFile('https://files.slack.com/files-tmb/T1-F1-abc/x_360.png')).toBe(true);
    expect(none.allowsFile('http://files.slack.com/files-pri/T1-F1/x.log')).toBe(false);
    // Slack's own hosts, but not files: the Web API and incoming webhooks.
    expect(none.allowsFile('https://slack.com/x')).toBe(false);
    expect(none.allowsFile('https://slack.com/api/auth.revoke')).toBe(false);
    expect(none.allowsFile('https://slack.com/files-pri/T1-F1/x.log')).toBe(false);
    expect(none.allowsFile('https://hooks.slack.com/services/T1/B1/x')).toBe(false);
    expect(none.allowsFile('https://files.slack.com/api/auth.revoke')).toBe(false);
    expect(none.allowsFile('https://files.slack.com/files-pri/../api/auth.revoke')).toBe(false);
    expect(none.allowsFile('https://files.slack.com/files-pri/%2e%2e/api/auth.revoke')).toBe(false);
    expect(none.allowsFile('https://files.slack.com.evil.example/files-pri/T1-F1/x.log')).toBe(false);
    expect(none.allowsFile('https://user:pw@files.slack.com/files-pri/T1-F1/x.log')).toBe(false);
    // The configured origin (GovSlack, a test double): its files, not its Web API.
    expect(hosts.allowsFile(`${slack.base}/files/ok.log`)).toBe(true);
    expect(hosts.allowsFile(`${slack.base}/api/auth.revoke`)).toBe(false);
    expect(hosts.allowsFile(`${slack.base}/api/files/x`)).toBe(false);
    expect(hosts.allowsFile(`${attacker.base}/files/ok.log`)).toBe(false);
    // The Web API check is unchanged: slack.com and hooks.slack.com still take Web API calls and response_url posts.
    expect(none.allows('https://slack.com/api/chat.postMessage')).toBe(true);
    expect(none.allows('https://hooks.slack.com/commands/T1/1/x')).toBe(true);
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

  it.each([
    ['the Web API on slack.com', 'https://slack.com/api/auth.revoke'],
    ['a Web API call with arguments', 'https://slack.com/api/chat.postMessage?channel=C1&text=hi'],
    ['an incoming webhook', 'https://hooks.slack.com/services/T1/B1/XXXXXXXX'],
  ])('never downloads a "file" that is %s, and says why', async (_what, url) => {
    const read = await readAttachedFiles([{ name: 'x.log', mimetype: 'text/plain', url_private: url }], { token: TOKEN, hosts: new SlackHosts() });
    expect(read.text).toBe('');
    expect(read.notes).toEqual([
      'I did not download "x.log": its address is not on Slack\'s file host (files.slack.com) over https, and I send my token nowhere else (there, only to download files). Paste the text, or upload the file to Slack again.',
    ]);
  });

  it('never sends the token to the configured API origin\'s Web API through a file address', async () => {
    const read = await readAttachedFiles(
      [
        { name: 'revoke.log', mimetype: 'text/plain', url_private: `${slack.base}/api/auth.revoke` },
        { name: 'post.log', mimetype: 'text/plain', url_private_download: `${slack.base}/api/chat.postMessage?channel=C1&text=hi` },
      ],
      { token: TOKEN, hosts },
    );
    expect(slack.seen).toEqual([]);
    expect(read.notes).toHaveLength(2);
    expect(read.notes[0]).toMatch(/^I did not download "revoke\.log": its address is not on Slack's file host/);
    expect(read.notes[1]).toMatch(/^I did not download "post\.log": its address is not on Slack's file host/);
  });

  it('refuses a redirect from a file to the Web API on the same host, without sending the token there', async () => {
    const read = await readAttachedFiles([{ name: 'api.log', mimetype: 'text/plain', url_private: `${slack.base}/files/to-api` }], { token: TOKEN, hosts });
    expect(slack.seen.map((s) => s.path)).toEqual(['/files/to-api']);
    expect(read.notes[0]).toMatch(/I could not download "api\.log": it redirected away from Slack's file host/);
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
        // No declared size: the cap is met while streaming.
        { name: 'big.log', mimetype: 'text/plain', url_private: `${slack.base}/files/big.log` },
        { name: 'ok.log', mimetype: 'text/plain', url_private: `${slack.base}/files/ok.log` },
      ],
      { token: TOKEN, hosts, capBytes: 20_000 },
    );
    expect(Buffer.byteLength(read.text)).toBeLessThanOrEqual(20_100);
    expect(read.notes[0]).toMatch(/"big\.log" is larger than 19\.5 KB: I read only its first 19\.5 KB/);
    expect(read.notes[1]).toMatch(/I did not read "ok\.log": the files together are over the 19\.5 KB limit/);
  });

  it('does not download a file Slack declares larger than the cap, says so, and reads the next one', async () => {
    const read = await readAttachedFiles(
      [
        { name: 'whole.log', mimetype: 'text/plain', url_private: `${slack.base}/files/big.log`, size: 50 * 1024 * 1024 },
        { name: 'ok.log', mimetype: 'text/plain', url_private: `${slack.base}/files/ok.log` },
      ],
      { token: TOKEN, hosts, capBytes: 20_000 },
    );
    expect(slack.seen.map((s) => s.path)).toEqual(['/files/ok.log']);
    expect(read.notes).toEqual(['I did not download "whole.log": it is 50 MB, over the 19.5 KB limit. Attach the lines around the 502 (or run the diag502 CLI on the whole file).']);
    expect(read.text).toContain('ANCM Out-Of-Process Startup Failure');
  });

  it.each([Number.POSITIVE_INFINITY, Number.NaN, -1])('treats a declared size of %p as unknown: the file is downloaded, the byte cap still applies', async (size) => {
    const read = await readAttachedFiles([{ name: 'ok.log', mimetype: 'text/plain', url_private: `${slack.base}/files/ok.log`, size }], { token: TOKEN, hosts, capBytes: 20_000 });
    expect(slack.seen.map((s) => s.path)).toEqual(['/files/ok.log']);
    expect(read.notes).toEqual([]);
    expect(read.text).toContain('ANCM Out-Of-Process Startup Failure');
  });

  it('gives up on a download that takes too long, with a note', async () => {
    const started = Date.now();
    const read = await readAttachedFiles([{ name: 'slow.log', mimetype: 'text/plain', url_private: `${slack.base}/files/slow.log` }], { token: TOKEN, hosts, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(read.notes[0]).toMatch(/I could not download "slow\.log": it took longer than 0\.3 s, so I stopped/);
  });

  it('reads the next file after one that timed out', async () => {
    const read = await readAttachedFiles(
      [
        { name: 'slow.log', mimetype: 'text/plain', url_private: `${slack.base}/files/slow.log` },
        { name: 'ok.log', mimetype: 'text/plain', url_private: `${slack.base}/files/ok.log` },
      ],
      { token: TOKEN, hosts, timeoutMs: 300 },
    );
    expect(read.notes).toHaveLength(1);
    expect(read.notes[0]).toMatch(/I could not download "slow\.log": it took longer than 0\.3 s/);
    expect(read.text).toContain('file ok.log\nHTTP Error 502.5 - ANCM Out-Of-Process Startup Failure');
  });

  it('gives up after about 15 seconds by default', () => {
    expect(DOWNLOAD_LIMITS.timeoutMs).toBe(15_000);
  });

  it('escapes a file name like a paste: it pings nobody and shows no disguised link', async () => {
    const name = '<!channel> urgent <https://evil.example/login|re-auth here>.png';
    const read = await readAttachedFiles([{ name, mimetype: 'image/png', url_private: `${slack.base}/files/x` }], { token: TOKEN, hosts });
    expect(read.notes[0]).toContain('&lt;!channel&gt; urgent &lt;https://evil.example/login|re-auth here&gt;.png');
    expect(read.notes[0]).not.toMatch(/<!channel>|<https:/);
    expect(fileLabel({ title: 'a\nb' })).toBe('"a b"');
  });

  it('escapes a file title (shown when there is no name) and a mimetype like a paste', async () => {
    const titled = await readAttachedFiles([{ title: '<!channel> <https://evil.example/login|re-auth>', mimetype: 'image/png', url_private: `${slack.base}/files/x` }], { token: TOKEN, hosts });
    expect(titled.notes[0]).toBe('I skipped "&lt;!channel&gt; &lt;https://evil.example/login|re-auth&gt;": it is image/png, not a text log or config file.');
    const typed = await readAttachedFiles([{ name: 'a.bin', mimetype: '<!here>/<https://evil.example|x>', url_private: `${slack.base}/files/x` }], { token: TOKEN, hosts });
    expect(typed.notes[0]).toBe('I skipped "a.bin": it is &lt;!here&gt;/&lt;https://evil.example|x&gt;, not a text log or config file.');
    for (const note of [...titled.notes, ...typed.notes]) expect(note).not.toMatch(/<!channel>|<!here>|<https:/);
    expect(slack.seen).toEqual([]);
    expect(fileLabel({ name: 'x'.repeat(300) }).length).toBeLessThanOrEqual(82);
  });
});
