import { looksRandom } from '../../../src/evidence/redact/entropy';

describe('looksRandom: the fallback for values whose names say nothing', () => {
  it.each(['Kq3vN8xR2mT7wYp4Lz9aB1cD', 'Fk8sLq2mPz7vRt4nWx9cYb3h', 'pAGv4ietcJNk_EwsQZ5BN9-K4MuNYS2a9wl4Jw-q9D0', 'aB3dE5gH7jK9mN1pQ3sT5vW7', 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MEFCQ0RFRg=='])('%s looks generated', (value) => {
    expect(looksRandom(value)).toBe(true);
  });

  it.each([
    ['short', 'Kq3vN8xR2mT7wYp4'],
    ['with spaces', 'Kq3vN8xR2mT7 wYp4Lz9aB1cD'],
    ['a GUID', '{80000045-0000-F700-B63F-84710C7967BB}'],
    ['a version', '8.0.1124.51707'],
    ['hex', '5b1b0cd1b0a3b9e1b8f8c8d1f0e4c6a2b9d7e3f1'],
    ['a hex code', '0x80072EE2'],
    ['a Windows path', 'C:\\inetpub\\shop\\Shop2.dll'],
    ['a relative path', '.\\logs\\stdout2024Q4'],
    ['a URL', 'https://shop2.example.com/Api/V2'],
    ['a type name', 'System.ComponentModel.Win32Exception'],
    ['an assembly list', 'Microsoft.AspNetCore.AzureAppServices.HostingStartup'],
    ['a pool name', 'ShopPool-Prod-WestEurope2'],
    ['no digits', 'AbcdefGhijklMnopqrStuvwx'],
    ['no upper case', 'k3j4h5g6f7d8s9a0q1w2e3r4'],
    ['an upper-case request id', '0HN7A1B2C3D4E5:00000001'],
    ['repetition', 'aA1aA1aA1aA1aA1aA1aA1aA1'],
  ])('%s stays readable', (_what, value) => {
    expect(looksRandom(value)).toBe(false);
  });
});
