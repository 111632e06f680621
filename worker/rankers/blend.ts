// The final score from the heavy score and the light score. The two are on different scales:
//  - heavy.score is the expected value of showing the item (models/ranker/score.ts):
//    P(click)·(0.1 + 1.0·watch + 0.5·like + 0.3·finish − 2.0·dislike), unbounded and possibly negative,
//    as the KV list stores it; heavy.click is the heavy model's own P(click) in [0, 1].
//  - light is a probability: P(click | heavy predictions, session), trained with click BCE
//    (functions/ranker/light.ts). It refines the heavy click estimate with what only the edge knows.
// So the light score replaces the heavy model's click probability and the value per click is kept:
//   final = heavy.score · ((1 − w)·heavy.click + w·light) / heavy.click
// w = 0 is exactly the heavy order; w = 1 is the light P(click) times the heavy value per click. The
// result stays on the heavy score's scale, so rerankers and the heavy fallback compare like with like.
import { TASKS, type RankedItem } from '../../models/candidates.js';

/** The smallest non-zero click probability the KV codec stores (1/65535): guards the division. */
export const MIN_STORED_CLICK = 1 / 65_535;
const CLICK = TASKS.indexOf('click');

export type HeavySide = { score: number; click: number };

export function blend(light: number, heavy: HeavySide, weight: number): number {
  if (!(weight >= 0 && weight <= 1)) throw new RangeError(`light blend weight must be in [0, 1], got ${weight}`);
  if (weight === 0) return heavy.score;
  const click = Math.max(MIN_STORED_CLICK, heavy.click);
  return (heavy.score * ((1 - weight) * click + weight * light)) / click;
}

/**
 * One final score per item, in input order; `light` comes from the light scorer for the same items.
 * An item without heavy predictions keeps its heavy score (the scorer cannot have scored it).
 */
export function blendItems(light: Float32Array, items: readonly Pick<RankedItem, 'score' | 'preds'>[], weight: number): Float64Array {
  if (light.length !== items.length) throw new RangeError(`${light.length} light scores for ${items.length} items`);
  return Float64Array.from(items, (item, i) => (item.preds ? blend(light[i]!, { score: item.score, click: item.preds[CLICK]! }, weight) : item.score));
}
