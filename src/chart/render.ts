/**
 * Draws the timeline: Vega-Lite compiles the spec to Vega, Vega renders SVG headless (no canvas,
 * no DOM), and resvg turns the SVG into a PNG. resvg gets the DejaVu font by file and no system
 * fonts, so the same timeline gives the same picture on every machine.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Timeline } from '../contract';
import type { ChartFormat } from './format';
import { CHART_FONT, timelineSpec } from './spec';

/** Where Debian and Ubuntu put DejaVu (fonts-dejavu-core); DIAG502_FONT_DIR overrides it. */
const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];

function fontFiles(): string[] {
  const dirs = process.env.DIAG502_FONT_DIR ? [process.env.DIAG502_FONT_DIR] : FONT_DIRS;
  for (const dir of dirs) {
    const files = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(dir, f)).filter((f) => existsSync(f));
    if (files.length > 0) return files;
  }
  return [];
}

/** The chart as SVG text. */
export async function timelineSvg(timeline: Timeline): Promise<string> {
  const vegaSpec = compile(timelineSpec(timeline) as unknown as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as PNG bytes. Throws when no DejaVu font is found (text would not be drawn). */
export async function timelinePng(timeline: Timeline): Promise<Buffer> {
  const svg = await timelineSvg(timeline);
  const fonts = fontFiles();
  if (fonts.length === 0) throw new Error(`no DejaVu Sans font found in ${FONT_DIRS.join(', ')} (set DIAG502_FONT_DIR)`);
  // Off the main thread: the Slack bot keeps answering while a day of minutes is rasterized.
  const image = await renderAsync(svg, { font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: CHART_FONT }, background: 'white' });
  return image.asPng();
}

/** The chart in a format, as bytes to write. */
export async function renderTimeline(timeline: Timeline, format: ChartFormat): Promise<Buffer> {
  return format === 'png' ? timelinePng(timeline) : Buffer.from(await timelineSvg(timeline), 'utf8');
}
