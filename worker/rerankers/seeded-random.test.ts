import { describe, expect, it } from 'vitest';
import { seededUniform } from './seeded-random.js';

const draws = (seed: number, k: number) => {
  const u = seededUniform(seed);
  return Array.from({ length: k }, u);
};

describe('seededUniform', () => {
  it('repeats its draws for the same seed', () => {
    expect(draws(42, 8)).toEqual(draws(42, 8));
  });

  it('gives different first draws for neighbouring seeds (the warm-up mixes the seed in)', () => {
    const firsts = Array.from({ length: 64 }, (_, seed) => draws(seed, 1)[0]!);
    expect(new Set(firsts).size).toBe(firsts.length);
    // Unmixed, every first draw sits near 1; mixed, they spread over (0, 1] with a mean near 1/2.
    const mean = firsts.reduce((a, b) => a + b, 0) / firsts.length;
    const se = Math.sqrt(1 / 12 / firsts.length);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * se);
  });

  it('draws in (0, 1]', () => {
    const xs = draws(7, 10_000);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1);
  });
});
