// Min-max normalisation of scores within one slate, so MMR's λ weighs relevance against similarity
// the same way whatever the ranker's scale (probabilities, logits, blended EWT).

/**
 * Each score mapped to [0, 1]: the slate's best is 1, its worst 0. Equal scores are all 1 (nothing to
 * tell apart). Non-finite scores are a ranker fault the feed survives: NaN and -Infinity rank last
 * (0), +Infinity first (1); the range is taken over the finite ones.
 */
export function slateRelevance(scores: readonly number[]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (!Number.isFinite(s)) continue;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const span = max - min;
  return scores.map((s) => {
    if (Number.isNaN(s) || s === -Infinity) return 0;
    if (s === Infinity) return 1;
    return span > 0 ? (s - min) / span : 1;
  });
}
