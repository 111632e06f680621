// Thompson sampling over per-video counters: each arm's engagement rate θ is drawn from its Beta
// posterior and the highest draws win, so a video is tried about as often as it might be the best.
import { betaSample } from './beta-sample.js';
import type { Uniform } from './seeded-random.js';

export type ArmCounters = { impressions: number; engagements: number };
/** Beta prior on an arm's engagement rate: `alpha` pseudo-engagements in `alpha + beta` pseudo-impressions. */
export type BetaPrior = { alpha: number; beta: number };

const count = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);

/**
 * Beta(α0 + engagements, β0 + impressions − engagements). Counters are eventually consistent: an
 * engagement may be counted before its impression, so failures never go below zero.
 */
export function armPosterior(c: ArmCounters, prior: BetaPrior): BetaPrior {
  const engagements = count(c.engagements);
  return { alpha: prior.alpha + engagements, beta: prior.beta + Math.max(0, count(c.impressions) - engagements) };
}

/** One θ per arm, in arm order (the order of draws from `u`, so a fixed seed repeats). */
export function thompsonSamples(arms: readonly ArmCounters[], prior: BetaPrior, u: Uniform): number[] {
  return arms.map((arm) => {
    const p = armPosterior(arm, prior);
    return betaSample(u, p.alpha, p.beta);
  });
}

/** Indices of the `k` highest samples, best first; equal samples keep arm order. */
export function topArms(samples: readonly number[], k: number): number[] {
  return samples
    .map((_, i) => i)
    .sort((a, b) => samples[b]! - samples[a]! || a - b)
    .slice(0, Math.max(0, k));
}
