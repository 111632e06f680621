// The ranking score: the expected value of showing an item. The post-click heads (watch, like, finish,
// dislike) predict given a click, so they count P(click) times: score = P(click)·(w_click + Σ w_t·pred_t).
// A plain weighted sum would rank long videos nobody clicks above short ones everybody does. The weights
// are configuration, not model parameters, so product can trade clicks for watch time without retraining.
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

/** The score of one item from its head predictions (`pred(task)`). */
export function scoreOf(pred: (task: Task) => number, w: Readonly<RankingWeights> = DEFAULT_RANKING_WEIGHTS): number {
  let value = w.click;
  for (const t of TASKS) if (t !== 'click') value += w[t] * pred(t);
  return pred('click') * value;
}

/** One score per row of a [B × tasks] prediction matrix, in row order. */
export function score(
  preds: { tasks: readonly Task[]; preds: Float32Array },
  weights: Readonly<RankingWeights> = DEFAULT_RANKING_WEIGHTS,
): Float64Array {
  const T = preds.tasks.length;
  const col = new Map(preds.tasks.map((t, i) => [t, i]));
  const out = new Float64Array(preds.preds.length / T);
  for (let r = 0; r < out.length; r++) {
    out[r] = scoreOf((t) => {
      const i = col.get(t);
      return i === undefined ? 0 : preds.preds[r * T + i]!;
    }, weights);
  }
  return out;
}
