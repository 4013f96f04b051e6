/**
 * Draws the timeline: Vega-Lite compiles the spec to Vega, Vega renders SVG headless (no canvas,
 * no DOM), and resvg turns the SVG into a PNG with the DejaVu font (fonts.ts).
 */
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Timeline } from '../contract';
import type { ChartFormat } from './format';
import { fontFiles } from './fonts';
import { CHART_FONT, timelineSpec } from './spec';

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
  // The font first: without it there is nothing worth laying out.
  const fonts = fontFiles();
  const svg = await timelineSvg(timeline);
  // Off the main thread: the Slack bot keeps answering while a day of minutes is rasterized.
  const image = await renderAsync(svg, { font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: CHART_FONT }, background: 'white' });
  return image.asPng();
}

/** The chart in a format, as bytes to write. */
export async function renderTimeline(timeline: Timeline, format: ChartFormat): Promise<Buffer> {
  return format === 'png' ? timelinePng(timeline) : Buffer.from(await timelineSvg(timeline), 'utf8');
}
