import { describe, expect, it } from 'vitest';
import { blend, blendItems, MIN_STORED_CLICK } from './blend.js';

describe('blend', () => {
  const heavy = { score: 0.3 * 1.6, click: 0.3 }; // P(click) 0.3, value per click 1.6

  it('weight 0 is the heavy score; weight 1 is the light P(click) times the heavy value per click', () => {
    expect(blend(0.9, heavy, 0)).toBe(heavy.score);
    expect(blend(0.5, heavy, 1)).toBeCloseTo(0.5 * 1.6, 12);
    expect(blend(0.5, heavy, 0.25)).toBeCloseTo((0.75 * 0.3 + 0.25 * 0.5) * 1.6, 12);
  });

  it('agrees with the heavy order where light agrees with heavy, and follows light as the weight grows', () => {
    expect(blend(heavy.click, heavy, 0.7)).toBeCloseTo(heavy.score, 12);
    const a = { score: 0.2 * 2, click: 0.2 }, b = { score: 0.25 * 1.8, click: 0.25 }; // heavy prefers b
    expect(blend(0.6, a, 0.02)).toBeLessThan(blend(0.2, b, 0.02));
    expect(blend(0.6, a, 0.9)).toBeGreaterThan(blend(0.2, b, 0.9));
  });

  it('a negative value per click stays negative; a zero click is floored, not divided by', () => {
    expect(blend(0.8, { score: -0.1, click: 0.2 }, 1)).toBeCloseTo(-0.4, 12);
    expect(blend(0.5, { score: 0, click: 0 }, 1)).toBe(0);
    expect(blend(0.5, { score: 1e-4, click: 0 }, 1)).toBeCloseTo((1e-4 * 0.5) / MIN_STORED_CLICK, 9);
    expect(() => blend(0.5, heavy, 1.5)).toThrow(RangeError);
    expect(() => blend(0.5, heavy, Number.NaN)).toThrow(RangeError);
  });

  it('blendItems: one score per item in order; an item without preds keeps its heavy score', () => {
    const items = [{ score: 0.48, preds: [0.3, 1, 0, 0, 0] }, { score: 0.7 }];
    expect([...blendItems(Float32Array.of(0.5, 0.9), items, 1)]).toEqual([blend(Math.fround(0.5), { score: 0.48, click: 0.3 }, 1), 0.7]);
    expect(() => blendItems(Float32Array.of(0.5), items, 1)).toThrow(RangeError);
  });
});
