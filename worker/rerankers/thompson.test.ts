import { describe, expect, it } from 'vitest';
import { seededUniform } from './seeded-random.js';
import { armPosterior, thompsonSamples, topArms, type ArmCounters, type BetaPrior } from './thompson.js';

const prior: BetaPrior = { alpha: 1, beta: 1 };
const betaMoments = ({ alpha, beta }: BetaPrior) => ({
  mean: alpha / (alpha + beta),
  variance: (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)),
});
const TRIALS = 1000;
/** How often arm 0's draw beats arm 1's over seeds 0..TRIALS−1. */
const winRate = (arms: ArmCounters[]) => {
  let wins = 0;
  for (let seed = 0; seed < TRIALS; seed++) {
    const [a, b] = thompsonSamples(arms, prior, seededUniform(seed));
    if (a! > b!) wins++;
  }
  return wins / TRIALS;
};

describe('armPosterior', () => {
  it('adds engagements to α and the other impressions to β', () => {
    expect(armPosterior({ impressions: 100, engagements: 30 }, { alpha: 2, beta: 8 })).toEqual({ alpha: 32, beta: 78 });
    expect(armPosterior({ impressions: 0, engagements: 0 }, { alpha: 2, beta: 8 })).toEqual({ alpha: 2, beta: 8 });
  });

  it('survives counters that raced or went bad: β never drops below the prior', () => {
    expect(armPosterior({ impressions: 1, engagements: 3 }, prior)).toEqual({ alpha: 4, beta: 1 });
    expect(armPosterior({ impressions: -5, engagements: Number.NaN }, prior)).toEqual(prior);
  });
});

describe('thompsonSamples', () => {
  const arms: ArmCounters[] = [
    { impressions: 10, engagements: 2 },
    { impressions: 0, engagements: 0 },
    { impressions: 50, engagements: 20 },
  ];

  it('repeats for a fixed seed and differs between seeds', () => {
    const draw = (seed: number) => thompsonSamples(arms, prior, seededUniform(seed));
    expect(draw(123)).toEqual(draw(123));
    expect(draw(124)).not.toEqual(draw(123));
    expect(new Set(Array.from({ length: 20 }, (_, s) => topArms(draw(s), 1)[0])).size).toBeGreaterThan(1);
  });

  it('lets the better arm win at least as often as the Beta means and variances guarantee', () => {
    const better: ArmCounters = { impressions: 100, engagements: 30 };
    const worse: ArmCounters = { impressions: 100, engagements: 5 };
    const a = betaMoments(armPosterior(better, prior));
    const b = betaMoments(armPosterior(worse, prior));
    // Cantelli: P(θa ≤ θb) ≤ σ² / (σ² + d²) for d = E[θa − θb] > 0, σ² = Var θa + Var θb.
    const d = a.mean - b.mean;
    const sigma2 = a.variance + b.variance;
    const bound = d ** 2 / (sigma2 + d ** 2);
    const slack = 3 * Math.sqrt((bound * (1 - bound)) / TRIALS);
    expect(winRate([better, worse])).toBeGreaterThanOrEqual(bound - slack);
    expect(winRate([worse, better])).toBeLessThanOrEqual(1 - bound + slack);
  });

  it('favours neither position when the arms are equal', () => {
    const same: ArmCounters = { impressions: 40, engagements: 8 };
    expect(Math.abs(winRate([same, same]) - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / TRIALS));
  });
});

describe('topArms', () => {
  it('returns the k best indices, best first, equal samples in arm order', () => {
    expect(topArms([0.2, 0.9, 0.5, 0.9], 3)).toEqual([1, 3, 2]);
    expect(topArms([0.2, 0.9], 5)).toEqual([1, 0]);
    expect(topArms([0.2, 0.9], 0)).toEqual([]);
  });
});
