/**
 * The README's console session is a real one: the session scripts/console-readme.js runs (`npm
 * start` in a pseudo-terminal, the example log pasted, a question, `exit`) prints today exactly what
 * the README shows. When the console's output changes, `npm run console:readme` writes it again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDist } from '../helpers/fresh-dist';

interface ConsoleReadme {
  captureSession(root: string): Promise<string>;
  shownSession(readme: string): string | undefined;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require('../../scripts/console-readme.js') as ConsoleReadme;

const ROOT = join(__dirname, '..', '..');

describe('the README console session', () => {
  // Installed means built and bundled, as `npm install` leaves it.
  beforeAll(() => freshDist({ bundle: true }), 180_000);

  it('is what `npm start` in a terminal prints today for the same paste and question', async () => {
    const shown = script.shownSession(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(shown).toBeDefined();
    // The parts a person notices first: npm's banner, the chart's file, the prompt and the question.
    expect(shown).toMatch(/^\$ npm start\n\n> diag502@[\d.]+ start\n> node bin\/start\.js\n/);
    expect(shown).toMatch(/^Timeline chart: \/tmp\/diag502\/timeline-[0-9a-f]{16}\.png$/m);
    expect(shown).toContain('diag502> why do you think so?');
    expect(await script.captureSession(ROOT)).toBe(shown);
  }, 150_000);
});
