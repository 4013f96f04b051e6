import { MASK, redactText } from '../../../src/evidence/redact';

describe('redactText: one call for a whole text', () => {
  it('masks secrets that span lines and counts them', () => {
    const text = ['{', '  "Jwt": {', '    "Key": "fake-jwt-key"', '  },', '  "Smtp": { "Password": "fake-smtp-pw" }', '}'].join('\n');
    expect(redactText(text)).toEqual({
      text: ['{', '  "Jwt": {', `    "Key": "${MASK}"`, '  },', `  "Smtp": { "Password": "${MASK}" }`, '}'].join('\n'),
      count: 2,
    });
  });

  it('keeps Windows line ends and a final newline', () => {
    expect(redactText('Password=fake-pw\r\nServer=sql01\r\n')).toEqual({ text: `Password=${MASK}\r\nServer=sql01\r\n`, count: 1 });
  });

  it('starts each text afresh: a key id at the end of one text does not arm the next', () => {
    expect(redactText('aws_access_key_id AKIAIOSFODNN7EXAMPLE').count).toBe(1);
    const sample = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY is the sample secret in the AWS docs';
    expect(redactText(sample)).toEqual({ text: sample, count: 0 });
  });

  it('leaves text without secrets as it is', () => {
    const text = 'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure\n\nsc-win32-status 64';
    expect(redactText(text)).toEqual({ text, count: 0 });
  });

  it('masks nothing more in its own output', () => {
    const once = redactText('export API_TOKEN=fake-token\n--ApiKey fake-key\nAKIAIOSFODNN7EXAMPLE\nwJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(once.count).toBe(4);
    expect(redactText(once.text)).toEqual({ text: once.text, count: 0 });
  });
});
