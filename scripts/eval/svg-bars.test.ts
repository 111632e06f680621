import { describe, expect, it } from 'vitest';
import { BAR_MARGIN, svgBars } from './svg-bars.js';

const heights = (svg: string) => [...svg.matchAll(/<rect class="bar"[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
const ys = (svg: string) => [...svg.matchAll(/<rect class="bar"[^>]* y="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('svgBars', () => {
  const values = [0.2, 0.05, 0.1];
  const svg = String(svgBars(values.map((v, i) => ({ label: `kind${i}`, value: v, color: '#123' })), { title: 'NDCG@10', height: 150 }));
  it('draws one rect per bar, heights proportional to the values, the largest filling the plot', () => {
    const h = heights(svg);
    expect(h).toHaveLength(values.length);
    const plot = 150 - BAR_MARGIN.top - BAR_MARGIN.bottom;
    expect(h[0]).toBeCloseTo(plot, 2);
    for (let i = 1; i < values.length; i++) expect(h[i]! / h[0]!).toBeCloseTo(values[i]! / values[0]!, 3);
    // Bars stand on one baseline.
    ys(svg).forEach((y, i) => expect(y + h[i]!).toBeCloseTo(150 - BAR_MARGIN.bottom, 1));
    expect(svg).toContain('>0.0500</text>');
  });
  it('escapes labels and the title', () => {
    const s = String(svgBars([{ label: '<b>&"x"', value: 1, color: '#000' }], { title: 'a<b' }));
    expect(s).not.toContain('<b>');
    expect(s).toContain('&lt;b&gt;&amp;&quot;x&quot;');
    expect(s).toContain('aria-label="a&lt;b"');
  });
  it('draws zero-height bars for zero, negative or missing values', () => {
    const s = String(svgBars([{ label: 'a', value: 0, color: '#000' }, { label: 'b', value: Number.NaN, color: '#000' }], { title: 't' }));
    expect(heights(s)).toEqual([0, 0]);
    expect(s).toContain('>n/a</text>');
    expect(heights(String(svgBars([], { title: 'none' })))).toEqual([]);
  });
});
