/**
 * The chart file formats, chosen by a file name's extension. Apart from render.ts so a face can
 * check a name without loading Vega and resvg.
 */
export type ChartFormat = 'png' | 'svg';

/** PNG or SVG by the file name's extension (any case); undefined for any other. */
export function chartFormatOf(path: string): ChartFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.png')) return 'png';
  if (lower.endsWith('.svg')) return 'svg';
  return undefined;
}
