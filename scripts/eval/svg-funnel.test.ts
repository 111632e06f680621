import { describe, expect, it } from 'vitest';
import { svgFunnel } from './svg-funnel.js';

const rects = (svg: string) =>
  [...svg.matchAll(/<rect class="stage" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), w: Number(m[2]) }));

describe('svgFunnel', () => {
  const stages = [{ stage: 'users with a list', value: 1000 }, { stage: 'scored', value: 600 }, { stage: 'hit <top 10>', value: 150 }];
  const svg = String(svgFunnel(stages, { title: 'users', width: 640, labelWidth: 250 }));
  it('draws one centred rect per stage, widths proportional to the values', () => {
    const r = rects(svg);
    expect(r).toHaveLength(3);
    for (let i = 1; i < 3; i++) expect(r[i]!.w / r[0]!.w).toBeCloseTo(stages[i]!.value / 1000, 3);
    const centres = r.map((x) => x.x + x.w / 2);
    for (const c of centres) expect(c).toBeCloseTo(centres[0]!, 1);
    expect(svg).toContain('>1,000</text>');
  });
  it('escapes the stage names', () => {
    expect(svg).toContain('hit &lt;top 10&gt;');
    expect(svg).not.toContain('<top 10>');
  });
});
