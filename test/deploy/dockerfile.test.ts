/**
 * The Dockerfile is never built by the tests, but the image must be able to draw charts: the slim
 * Debian base has no fonts, and the chart renderer refuses to draw without DejaVu Sans.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_DIRS, FONT_FILES } from '../../src/chart/fonts';

const dockerfile = readFileSync(join(__dirname, '..', '..', 'Dockerfile'), 'utf8');
/** Instructions, with `\` continuations joined and comments left out. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));

describe('Dockerfile', () => {
  it('installs DejaVu Sans (fonts-dejavu-core) from Debian into the folder the chart renderer reads first', () => {
    // One Debian stage: fonts-dejavu-core puts DejaVuSans.ttf in /usr/share/fonts/truetype/dejavu.
    expect(instructions.filter((l) => l.startsWith('FROM '))).toEqual([expect.stringMatching(/^FROM node:\d+-(bookworm|bullseye|trixie)/)]);
    const install = instructions.find((l) => /^RUN .*apt-get install\b/.test(l));
    expect(install).toMatch(/apt-get update && .*apt-get install -y (--no-install-recommends )?.*\bfonts-dejavu-core\b/);
    expect(FONT_DIRS[0]).toBe('/usr/share/fonts/truetype/dejavu');
    expect(FONT_FILES).toContain('DejaVuSans.ttf');
  });
});
