import { describe, expect, it } from 'vitest';
import { auc, logLoss, regression } from './classification.js';

describe('classification metrics', () => {
  it('AUC counts correctly ordered pairs, ties as half', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([1, 2, 3], [0, 1, 1])).toBe(1);
    expect(auc([3, 2, 1], [0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([0.2, 0.3], [1, 1])).toBeNaN();
  });
  it('log loss matches the formula and is finite at 0 and 1', () => {
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 10);
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });
  it('RMSE and R²', () => {
    expect(regression([1, 2, 3], [1, 2, 3])).toEqual({ rmse: 0, r2: 1 });
    const r = regression([2, 2, 2], [1, 2, 3]);
    expect(r.rmse).toBeCloseTo(Math.sqrt(2 / 3), 10);
    expect(r.r2).toBe(0);
  });
});
