import { describe, expect, it } from 'vitest';
import { checkMmoeWeights } from './check-weights.js';
import { WeightShapeError } from './errors.js';
import { SPEC_CONFIG } from './fixtures.js';
import { randomMmoeWeights } from './random-weights.js';

describe('randomMmoeWeights', () => {
  it('is deterministic per seed and follows the layout contract', () => {
    const a = randomMmoeWeights(SPEC_CONFIG, 5);
    expect(() => checkMmoeWeights(a)).not.toThrow();
    expect(randomMmoeWeights(SPEC_CONFIG, 5).experts[2]![1]!.W).toEqual(a.experts[2]![1]!.W);
    expect(randomMmoeWeights(SPEC_CONFIG, 6).experts[2]![1]!.W).not.toEqual(a.experts[2]![1]!.W);
    expect(a.experts[0]![0]!.W).toHaveLength(64 * 64);
    expect(a.towers[4]!.map((d) => [d.inDim, d.outDim])).toEqual([[64, 32], [32, 1]]);
  });

  it('draws Xavier-uniform matrices: within ±sqrt(6/(in+out)) and spread across it', () => {
    const { W } = randomMmoeWeights(SPEC_CONFIG, 5).experts[0]![0]!;
    const bound = Math.sqrt(6 / 128);
    expect(W.every((v) => Math.abs(v) <= bound)).toBe(true);
    const variance = W.reduce((s, v) => s + v * v, 0) / W.length;
    expect(variance).toBeCloseTo((bound * bound) / 3, 2);
  });

  it('checkMmoeWeights names the first inconsistent layer', () => {
    const w = randomMmoeWeights(SPEC_CONFIG, 5);
    w.towers[1]![0] = { ...w.towers[1]![0]!, b: new Float32Array(31) };
    expect(() => checkMmoeWeights(w)).toThrow(WeightShapeError);
    expect(() => checkMmoeWeights(w)).toThrow(/towers\[1\]\[0\]/);
  });
});
