import { describe, expect, it } from 'vitest';
import { lorenzCurve } from './creator-exposure.js';
import { LORENZ_MARGIN as M, svgLorenz } from './svg-lorenz.js';

const polylines = (svg: string) =>
  [...svg.matchAll(/<polyline class="curve"[^>]* points="([^"]*)"/g)].map((m) => m[1]!.split(' ').map((p) => p.split(',').map(Number) as [number, number]));

describe('svgLorenz', () => {
  const series = [
    { label: 'lists', color: '#00f', points: lorenzCurve([3, 0, 1, 0]), gini: 0.625 },
    { label: 'even', color: '#0f0', points: lorenzCurve([1, 1]), gini: 0 },
  ];
  const svg = String(svgLorenz(series, { title: 'creator exposure', size: 200 }));
  it('draws one polyline per series, mapped into the plot with y up', () => {
    const lines = polylines(svg);
    expect(lines).toHaveLength(2);
    // (0.75, 0.25) → x = left + 150, y = top + 0.75·200.
    expect(lines[0]).toEqual([[M.left, M.top + 200], [M.left + 50, M.top + 200], [M.left + 100, M.top + 200], [M.left + 150, M.top + 150], [M.left + 200, M.top]]);
    // Equal exposure lies on the diagonal drawn as the line of equality.
    expect(lines[1]).toEqual([[M.left, M.top + 200], [M.left + 100, M.top + 100], [M.left + 200, M.top]]);
    expect(svg).toContain(`<line class="equality" x1="${M.left}" y1="${M.top + 200}" x2="${M.left + 200}" y2="${M.top}"`);
  });
  it('names each series with its Gini in the legend, escaped', () => {
    expect(svg.match(/<g class="legend">/g)).toHaveLength(2);
    expect(svg).toContain('lists (Gini 0.6250)');
    const s = String(svgLorenz([{ ...series[0]!, label: 'a<script>' }], { title: 't' }));
    expect(s).not.toContain('<script>');
    expect(s).toContain('a&lt;script&gt;');
  });
});
