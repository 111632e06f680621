import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { calibrate, fitCalibrator, loadCalibrator } from './calibrator.js';
import { ece } from './ece.js';
import { CalibrationDataError } from './errors.js';
import { fitIsotonic } from './isotonic.js';
import { logit, sigmoid } from './logit.js';
import { fitPlatt } from './platt.js';

const A = 2;
const B = -0.5;
/** Scores sigmoid(z) whose true probability is sigmoid(A·z + B): an under-confident, shifted model. */
function slice(seed: number, n: number) {
  const g = xoroshiro128plus(seed);
  const u = () => uniformFloat64(g);
  const scores = new Float64Array(n);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = 1.2 * Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    scores[i] = sigmoid(z);
    labels[i] = u() < sigmoid(A * z + B) ? 1 : 0;
  }
  return { scores, labels };
}
const fit = slice(1, 20_000);
const test = slice(2, 20_000);

describe('calibration', () => {
  const before = ece(test.scores, test.labels).ece;

  it('Platt recovers the known a, b', () => {
    const c = fitPlatt(fit.scores, fit.labels);
    expect(c.a).toBeGreaterThan(A - 0.1);
    expect(c.a).toBeLessThan(A + 0.1);
    expect(c.b).toBeGreaterThan(B - 0.06);
    expect(c.b).toBeLessThan(B + 0.06);
  });

  it.each(['platt', 'isotonic'] as const)('%s cuts ECE on a fresh slice to under a quarter', (kind) => {
    const c = loadCalibrator(JSON.parse(JSON.stringify(fitCalibrator(kind, fit.scores, fit.labels))));
    const after = ece(test.scores.map((s) => calibrate(c, s)), test.labels).ece;
    expect(before).toBeGreaterThan(0.05);
    expect(after).toBeLessThan(0.02);
    expect(after).toBeLessThan(before / 4);
    expect(ece(test.scores.map((s) => calibrate(c, s)), test.labels, { strategy: 'mass' }).ece).toBeLessThan(0.02);
  });

  it('isotonic output is monotone in the score and within [0, 1]', () => {
    const c = fitIsotonic(fit.scores, fit.labels);
    expect(c.x.every((x, i) => i === 0 || x > c.x[i - 1]!)).toBe(true);
    expect(c.y.every((y, i) => i === 0 || y >= c.y[i - 1]!)).toBe(true);
    let prev = -1;
    for (let s = 0; s <= 1; s += 0.001) {
      const p = calibrate(c, s);
      expect(p).toBeGreaterThanOrEqual(prev);
      expect(p).toBeLessThanOrEqual(1);
      prev = p;
    }
  });

  it('PAV pools violators by hand-checkable means, ties included', () => {
    const c = fitIsotonic([0.1, 0.2, 0.3, 0.3, 0.4], [0, 1, 0, 0, 1]);
    // 0.2 → 1 violates the block at 0.3 (0/2): pooled into {0.2, 0.3, 0.3} with mean label 1/3
    expect(c.x.map((x) => +x.toFixed(6))).toEqual([0.1, 0.266667, 0.4]);
    expect(c.y.map((y) => +y.toFixed(6))).toEqual([0, 0.333333, 1]);
    expect(calibrate(c, 0.05)).toBe(0);
    expect(calibrate(c, 0.9)).toBe(1);
  });

  it('ECE and reliability points on a hand example', () => {
    const r = ece([0.1, 0.1, 0.9, 0.9], [0, 1, 1, 1], { bins: 10 });
    // bin 1: |0.1 - 0.5| over half the rows; bin 9: |0.9 - 1| over the other half
    expect(r.ece).toBeCloseTo(0.25, 9);
    expect(r.points).toEqual([
      { lo: 0.1, hi: 0.2, count: 2, meanPred: 0.1, fracPos: 0.5 },
      { lo: 0.9, hi: 1, count: 2, meanPred: 0.9, fracPos: 1 },
    ]);
    expect(ece([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1], { bins: 2, strategy: 'mass' }).points.map((p) => p.count)).toEqual([2, 2]);
  });

  it('refuses empty or mismatched slices, and logit/sigmoid invert each other', () => {
    expect(() => fitPlatt([], [])).toThrow(CalibrationDataError);
    expect(() => ece([0.5], [])).toThrow(CalibrationDataError);
    expect(sigmoid(logit(0.73))).toBeCloseTo(0.73, 9);
    expect(sigmoid(-800)).toBe(0);
  });
});
