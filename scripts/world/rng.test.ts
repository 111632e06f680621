import { describe, expect, it } from 'vitest';
import { cumulative, hashString, stream } from './rng.js';

const draw = (n: number, f: () => number) => Array.from({ length: n }, f);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('seeded streams', () => {
  it('replay exactly for the same (seed, name, index) and differ otherwise', () => {
    const a = stream(42, 'user', 7);
    const b = stream(42, 'user', 7);
    expect(draw(5, () => a.float())).toEqual(draw(5, () => b.float()));
    const firsts = new Set([stream(42, 'user', 8), stream(43, 'user', 7), stream(42, 'video', 7)].map((s) => s.float()));
    firsts.add(stream(42, 'user', 7).float());
    expect(firsts.size).toBe(4);
    expect(hashString('user')).not.toBe(hashString('users'));
  });

  it('neighbouring indices give uncorrelated first draws', () => {
    const xs = draw(2000, (() => { let i = 0; return () => stream(1, 'user', i++).float(); })());
    expect(mean(xs)).toBeCloseTo(0.5, 1);
    const lag1 = xs.slice(1).reduce((a, x, i) => a + (x - 0.5) * (xs[i]! - 0.5), 0) / (xs.length - 1) / (1 / 12);
    expect(Math.abs(lag1)).toBeLessThan(0.08);
  });

  it('draws the distributions the world uses with the right means', () => {
    const s = stream(3, 'dist');
    expect(mean(draw(20_000, () => s.normal()))).toBeCloseTo(0, 1);
    expect(mean(draw(20_000, () => s.gamma(0.3)))).toBeCloseTo(0.3, 1);
    expect(mean(draw(20_000, () => s.gamma(2.5)))).toBeCloseTo(2.5, 1);
    expect(mean(draw(20_000, () => s.poisson(1.5)))).toBeCloseTo(1.5, 1);
    const cum = cumulative([1, 0, 3]);
    const picks = draw(20_000, () => s.pickCumulative(cum));
    expect(picks.filter((p) => p === 1)).toHaveLength(0);
    expect(picks.filter((p) => p === 2).length / picks.length).toBeCloseTo(0.75, 1);
    expect(draw(1000, () => s.int(6)).every((x) => x >= 0 && x < 6 && Number.isInteger(x))).toBe(true);
  });
});
