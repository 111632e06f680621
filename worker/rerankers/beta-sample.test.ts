import { describe, expect, it } from 'vitest';
import { betaSample, gammaSample, normalSample } from './beta-sample.js';
import { seededUniform } from './seeded-random.js';

const DRAWS = 20_000;
const moments = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
};

describe('normalSample', () => {
  it('has mean 0 and variance 1', () => {
    const u = seededUniform(1);
    const { mean, variance } = moments(Array.from({ length: DRAWS }, () => normalSample(u)));
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(DRAWS));
    // Var of the sample variance of a normal: 2σ⁴ / (N − 1).
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / (DRAWS - 1)));
  });
});

describe('gammaSample', () => {
  // Gamma(k): mean k, variance k, fourth central moment 3k² + 6k.
  it.each([0.3, 1, 2.5, 40])('matches the mean and variance of Gamma(%s)', (k) => {
    const u = seededUniform(Math.round(k * 1000));
    const xs = Array.from({ length: DRAWS }, () => gammaSample(u, k));
    expect(Math.min(...xs)).toBeGreaterThan(0);
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean - k)).toBeLessThan(4 * Math.sqrt(k / DRAWS));
    expect(Math.abs(variance - k)).toBeLessThan(4 * Math.sqrt((2 * k * k + 6 * k) / DRAWS));
  });
});

describe('betaSample', () => {
  it.each([
    [0.5, 0.5],
    [2, 5],
    [31, 71],
    [1, 19],
  ])('draws in [0, 1] with the mean of Beta(%s, %s)', (a, b) => {
    const u = seededUniform(a * 100 + b);
    const xs = Array.from({ length: DRAWS }, () => betaSample(u, a, b));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1);
    const betaMean = a / (a + b);
    const betaVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(moments(xs).mean - betaMean)).toBeLessThan(4 * Math.sqrt(betaVariance / DRAWS));
  });

  it('repeats for the same seed', () => {
    const run = () => {
      const u = seededUniform(99);
      return Array.from({ length: 5 }, () => betaSample(u, 3, 7));
    };
    expect(run()).toEqual(run());
  });
});
