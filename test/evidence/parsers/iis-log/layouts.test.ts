import { AZURE_APP_SERVICE_FIELDS, DEFAULT_W3C_FIELDS, ROLE, guessLayout, layoutFromFields } from '../../../../src/evidence/parsers/iis-log/layouts';
import { detach, keptRefText, readUint } from '../../../../src/evidence/parsers/iis-log/text';
import { MAX_REF_TEXT } from '../../../../src/evidence/ref-text';

const roleAt = (roles: Uint8Array, role: number) => roles.indexOf(role);

describe('layoutFromFields', () => {
  it('maps the default #Fields (case-insensitive) to the roles the aggregate reads', () => {
    const layout = layoutFromFields(DEFAULT_W3C_FIELDS.map((f) => f.toUpperCase()), 'fields', 4);
    expect(layout.fieldCount).toBe(15);
    expect([ROLE.date, ROLE.time, ROLE.method, ROLE.url, ROLE.status, ROLE.substatus, ROLE.win32, ROLE.timeTaken].map((r) => roleAt(layout.roles, r))).toEqual([0, 1, 3, 4, 11, 12, 13, 14]);
    expect(layout.httpErr).toBe(false);
    expect(layout.line).toBe(4);
  });

  it('reads cs-uri as the URL of HTTPERR logs and marks them', () => {
    const layout = layoutFromFields('date time c-ip c-port s-ip s-port cs-version cs-method cs-uri sc-status s-siteid s-reason s-queuename'.split(' '), 'fields');
    expect(layout.httpErr).toBe(true);
    expect(roleAt(layout.roles, ROLE.url)).toBe(8);
    expect(roleAt(layout.roles, ROLE.reason)).toBe(11);
  });

  it('takes only the first column of a repeated field', () => {
    const layout = layoutFromFields(['sc-status', 'sc-status'], 'fields');
    expect([...layout.roles]).toEqual([ROLE.status, 0]);
  });
});

describe('guessLayout', () => {
  it('recognizes the Azure App Service layout by its field count and status column', () => {
    const fields = '2016-11-23 16:04:59 SITE GET / - 80 - 203.0.113.1 UA cookie - host 502 3 12030 407 1019 31'.split(' ');
    expect(fields).toHaveLength(AZURE_APP_SERVICE_FIELDS.length);
    const layout = guessLayout(fields);
    expect(roleAt(layout?.roles ?? new Uint8Array(), ROLE.status)).toBe(13);
    expect(roleAt(layout?.roles ?? new Uint8Array(), ROLE.timeTaken)).toBe(18);
  });

  it('recognizes HTTPERR rows of 13, 14 and 16 fields', () => {
    const base = '2026-11-20 10:00:00 203.0.113.1 5000 10.0.0.4 443 HTTP/1.1 GET /';
    expect(guessLayout(`${base} 503 1 AppOffline Pool`.split(' '))?.httpErr).toBe(true);
    expect(guessLayout(`${base} - 503 1 AppOffline Pool`.split(' '))?.httpErr).toBe(true);
    const sixteen = guessLayout(`${base} - - 503 1 AppOffline Pool -`.split(' '));
    expect(roleAt(sixteen?.roles ?? new Uint8Array(), ROLE.reason)).toBe(13);
  });

  it('returns undefined for text that is no log row', () => {
    expect(guessLayout('we get a 502 every few minutes'.split(' '))).toBeUndefined();
    expect(guessLayout(Array(5000).fill('-'))).toBeUndefined();
  });
});

describe('iis-log text helpers', () => {
  it('reads unsigned integers in place and rejects anything else', () => {
    expect(readUint('x 12002 y', 2, 7)).toBe(12002);
    expect(readUint('-', 0, 1)).toBe(-1);
    expect(readUint('12a', 0, 3)).toBe(-1);
    expect(readUint('', 0, 0)).toBe(-1);
    expect(readUint('1'.repeat(16), 0, 16)).toBe(-1);
  });

  it('copies strings exactly and cuts evidence text', () => {
    const odd = 'abc\uD800def-ghijklmnop';
    expect(detach(odd)).toBe(odd);
    expect(keptRefText('x'.repeat(1000))).toHaveLength(MAX_REF_TEXT);
  });
});
