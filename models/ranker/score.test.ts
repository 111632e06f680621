import { describe, expect, it } from 'vitest';
import { TASKS } from './mmoe-weights.js';
import { DEFAULT_RANKING_WEIGHTS, rankingWeights, score } from './score.js';

describe('ranking score', () => {
  const preds = { tasks: TASKS, preds: Float32Array.from([0.5, 2, 0.25, 0.5, 0.125, 0, 0, 0, 0, 0.5]) };

  it('is P(click) times the weighted post-click value, with the default weights', () => {
    expect(DEFAULT_RANKING_WEIGHTS).toEqual({ click: 0.1, watch: 1, like: 0.5, finish: 0.3, dislike: -2 });
    const s = score(preds);
    // 0.5·(0.1 + 1·2 + 0.5·0.25 + 0.3·0.5 − 2·0.125) = 0.5·2.125; second row: P(click) 0 → 0
    expect(s[0]).toBeCloseTo(1.0625, 6);
    expect(s[1]).toBeCloseTo(0, 6);
  });

  it('ranks a likely click on a short video above an unlikely click on a long one', () => {
    const s = score({ tasks: TASKS, preds: Float32Array.from([0.6, 2, 0.1, 0.5, 0, 0.05, 5, 0.1, 0.5, 0]) });
    expect(s[0]).toBeGreaterThan(s[1]!);
  });

  it('takes config overrides without retraining, and follows the preds task order', () => {
    const w = rankingWeights({ watch: 0, dislike: 0, click: 1 });
    expect(w).toEqual({ click: 1, watch: 0, like: 0.5, finish: 0.3, dislike: 0 });
    expect(score(preds, w)[0]).toBeCloseTo(0.5 * (1 + 0.125 + 0.15), 6);
    const reordered = { tasks: ['dislike', 'click'] as const, preds: Float32Array.from([0.5, 0.5]) };
    expect(score(reordered)[0]).toBeCloseTo(0.5 * (0.1 - 2 * 0.5), 6);
  });

  it('rejects unknown heads and non-finite weights', () => {
    expect(() => rankingWeights({ shares: 1 })).toThrow();
    expect(() => rankingWeights({ click: Number.NaN })).toThrow();
  });
});
