import { describe, expect, it } from 'vitest';
import { IdOutOfRangeError, InputShapeError, WeightShapeError } from './errors.js';
import { SPEC_CONFIG, seededInputs, TINY_CONFIG } from './fixtures.js';
import { mmoeForward } from './forward.js';
import { HAND_EXPECTED, HAND_INPUT, HAND_WEIGHTS } from './hand-weights.js';
import { randomMmoeWeights } from './random-weights.js';

describe('mmoeForward', () => {
  it('matches the hand-worked two-expert model', () => {
    const out = mmoeForward(HAND_WEIGHTS, HAND_INPUT, { gates: true });
    expect(out.batch).toBe(2);
    expect(out.tasks).toEqual(['click', 'watch']);
    HAND_EXPECTED.preds.forEach((v, i) => expect(out.preds[i]).toBeCloseTo(v, 6));
    HAND_EXPECTED.gates.forEach((v, i) => expect(out.gates![i]).toBeCloseTo(v, 6));
  });

  it('gate rows are softmax distributions: positive and summing to 1 per (row, task)', () => {
    const w = randomMmoeWeights(SPEC_CONFIG, 3);
    const out = mmoeForward(w, seededInputs(SPEC_CONFIG, 64, 9), { gates: true });
    const E = SPEC_CONFIG.numExperts;
    expect(out.gates).toHaveLength(64 * SPEC_CONFIG.tasks.length * E);
    for (let off = 0; off < out.gates!.length; off += E) {
      const row = out.gates!.subarray(off, off + E);
      expect(row.every((g) => g > 0)).toBe(true);
      expect(row.reduce((s, g) => s + g, 0)).toBeCloseTo(1, 6);
    }
    // The gates differ between tasks: that is the point of one gate per task.
    expect(out.gates!.subarray(0, E)).not.toEqual(out.gates!.subarray(E, 2 * E));
  });

  it('applies sigmoid to probability heads only, and accepts Int32 or BigInt64 ids alike', () => {
    const w = randomMmoeWeights(TINY_CONFIG, 1);
    const input = seededInputs(TINY_CONFIG, 50, 2);
    const a = mmoeForward(w, input);
    const b = mmoeForward(w, { dense: input.dense, ids: Int32Array.from(input.ids, Number) });
    expect(a.preds).toEqual(b.preds);
    const clicks = a.preds.filter((_, i) => i % 2 === 0);
    expect(clicks.every((p) => p > 0 && p < 1)).toBe(true);
    // Watch is E[log(1+s)] (identity head): with random weights some rows fall outside (0, 1).
    expect(a.preds.filter((_, i) => i % 2 === 1).some((p) => p <= 0 || p >= 1)).toBe(true);
  });

  it('rejects ids outside their table, mis-sized inputs and inconsistent weights', () => {
    const w = randomMmoeWeights(TINY_CONFIG, 1);
    const dense = new Float32Array(3);
    expect(() => mmoeForward(w, { dense, ids: Int32Array.from([5, 0]) })).toThrow(IdOutOfRangeError);
    expect(() => mmoeForward(w, { dense, ids: Int32Array.from([-1, 0]) })).toThrow(IdOutOfRangeError);
    expect(() => mmoeForward(w, { dense, ids: Int32Array.from([0]) })).toThrow(InputShapeError);
    expect(() => mmoeForward(w, { dense: new Float32Array(4), ids: Int32Array.from([0, 0]) })).toThrow(InputShapeError);
    const broken = { ...w, gates: [w.gates[0]!] };
    expect(() => mmoeForward(broken, { dense, ids: Int32Array.from([0, 0]) })).toThrow(WeightShapeError);
  });
});
