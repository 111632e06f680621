import { describe, expect, it } from 'vitest';
import { QUALITY_BAR, ratio, verdict } from './quality-bar.js';

describe('quality bar', () => {
  it('passes only when both ratios clear their bars', () => {
    expect(verdict(0.15, 0.1, 0.2)).toMatchObject({ pass: true, lists_vs_trending: { pass: true }, lists_vs_oracle: { pass: true } });
    expect(verdict(0.15, 0.1, 0.2).lists_vs_oracle?.ratio).toBeCloseTo(0.75, 10);
    const low = verdict(0.14, 0.1, 0.2);
    expect(low.lists_vs_trending).toMatchObject({ pass: false, bar: QUALITY_BAR.listsVsTrending });
    expect(low.lists_vs_trending.ratio).toBeCloseTo(1.4, 10);
    expect(low.lists_vs_oracle?.ratio).toBeCloseTo(0.7, 10);
    expect(low.pass).toBe(false);
    expect(verdict(0.15, 0.1, 0.3)).toMatchObject({ pass: false, lists_vs_trending: { pass: true }, lists_vs_oracle: { pass: false } });
  });
  it('handles a zero base and a missing oracle', () => {
    expect(ratio(0.1, 0, 1.5)).toEqual({ ratio: null, bar: 1.5, pass: true });
    expect(ratio(0, 0, 1.5).pass).toBe(false);
    expect(verdict(0.3, 0.1, null)).toMatchObject({ pass: false, lists_vs_oracle: null, lists_vs_trending: { pass: true } });
  });
});
