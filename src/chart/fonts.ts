/**
 * The font the chart's text is drawn with. resvg gets DejaVu Sans by file and no system fonts, so
 * the same timeline gives the same picture on every machine; without it resvg would draw the bars
 * and no text, so a missing font is an error that says where it looked and what to do.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian and Ubuntu put DejaVu (fonts-dejavu-core, which the Dockerfile installs), then other distributions. */
export const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** The folders searched: DIAG502_FONT_DIR alone when set, else FONT_DIRS. */
function fontDirs(): string[] {
  return process.env.DIAG502_FONT_DIR ? [process.env.DIAG502_FONT_DIR] : FONT_DIRS;
}

/** The DejaVu Sans files of the first folder that has any. Throws, saying where it looked, when none has. */
export function fontFiles(): string[] {
  const dirs = fontDirs();
  for (const dir of dirs) {
    const files = FONT_FILES.map((f) => join(dir, f)).filter((f) => existsSync(f));
    if (files.length > 0) return files;
  }
  throw new Error(`no DejaVu Sans font found in ${dirs.join(', ')}: install fonts-dejavu-core, or set DIAG502_FONT_DIR to a folder holding DejaVuSans.ttf`);
}
