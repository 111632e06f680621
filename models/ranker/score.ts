// The ranking score: a weighted sum of the MMoE heads. The weights are configuration, not model
// parameters, so product can trade clicks for watch time without retraining.
import { z } from 'zod';
import { TASKS, type Task } from './mmoe-weights.js';

export type RankingWeights = Record<Task, number>;

/** Dislike is strongly negative: one predicted dislike outweighs a likely click. */
export const DEFAULT_RANKING_WEIGHTS: Readonly<RankingWeights> = Object.freeze({
  click: 0.1,
  watch: 1.0,
  like: 0.5,
  finish: 0.3,
  dislike: -2.0,
});

const overridesSchema = z.object(Object.fromEntries(TASKS.map((t) => [t, z.number().finite().optional()]))).strict();

/** Config overrides (e.g. from JSON) merged over the defaults; unknown task names are rejected. */
export function rankingWeights(overrides: unknown = {}): RankingWeights {
  const parsed = overridesSchema.parse(overrides) as Partial<RankingWeights>;
  const out = { ...DEFAULT_RANKING_WEIGHTS };
  for (const t of TASKS) if (parsed[t] !== undefined) out[t] = parsed[t];
  return out;
}

/** One score per row of a [B × tasks] prediction matrix, in row order. */
export function score(
  preds: { tasks: readonly Task[]; preds: Float32Array },
  weights: Readonly<RankingWeights> = DEFAULT_RANKING_WEIGHTS,
): Float64Array {
  const T = preds.tasks.length;
  const w = preds.tasks.map((t) => weights[t]);
  const out = new Float64Array(preds.preds.length / T);
  for (let r = 0; r < out.length; r++) {
    let s = 0;
    for (let t = 0; t < T; t++) s += w[t]! * preds.preds[r * T + t]!;
    out[r] = s;
  }
  return out;
}
