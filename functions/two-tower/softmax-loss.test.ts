import { describe, expect, it } from 'vitest';
import { expectGradClose } from '../../models/train/finite-diff.js';
import { tsKernels } from '../../models/train/kernels-ts.js';
import { seededRng } from '../../models/train/rng.js';
import { inBatchSoftmax, type BatchLossInput } from './softmax-loss.js';

const n = 5, d = 3;
function setup(logQ: boolean, keys = [0, 1, 2, 1, 4]) {
  const rng = seededRng(3);
  const r = (k: number) => Float32Array.from({ length: k }, () => rng.normal() * 0.5);
  const p: BatchLossInput = {
    u: r(n * d), v: r(n * d), du: new Float32Array(n * d), dv: new Float32Array(n * d), keys: Int32Array.from(keys),
    logq: Float32Array.from([-1, -3, -0.5, -3, -2]), weights: Float32Array.from([1, 2, 1, 1, 0.5]), rows: n, d, temperature: 0.5, logQ,
  };
  const loss = () => inBatchSoftmax(tsKernels, { ...p, du: new Float32Array(n * d), dv: new Float32Array(n * d) }, new Float32Array(n * n));
  return { p, loss };
}

describe('inBatchSoftmax', () => {
  it('equals the weighted cross-entropy computed by hand, with duplicate items masked', () => {
    const { p, loss } = setup(true);
    let want = 0, wsum = 0;
    for (let i = 0; i < n; i++) {
      const z = Array.from({ length: n }, (_, j) => {
        if (j !== i && p.keys[j] === p.keys[i]) return -Infinity;
        let s = 0;
        for (let k = 0; k < d; k++) s += p.u[i * d + k]! * p.v[j * d + k]!;
        return s / p.temperature - p.logq[j]!;
      });
      const lse = Math.log(z.reduce((a, x) => a + Math.exp(x), 0));
      want += p.weights[i]! * (lse - z[i]!);
      wsum += p.weights[i]!;
    }
    expect(loss()).toBeCloseTo(want / wsum, 5);
  });

  it('gradients match finite differences with and without log-Q', () => {
    for (const logQ of [true, false]) {
      const { p, loss } = setup(logQ);
      inBatchSoftmax(tsKernels, p, new Float32Array(n * n));
      expectGradClose(p.u, p.du.slice(), loss, { eps: 1e-3, atol: 1e-3 });
      expectGradClose(p.v, p.dv.slice(), loss, { eps: 1e-3, atol: 1e-3 });
    }
  });

  it('log-Q raises the loss of a popular positive and lowers that of a rare one', () => {
    // Subtracting log q lifts rare columns more than popular ones, so training must score a popular
    // positive higher than without the correction: popular items are no longer over-penalised.
    const on = setup(true), off = setup(false);
    const perRow = (s: ReturnType<typeof setup>, row: number) => {
      const w = Float32Array.from({ length: n }, (_, i) => (i === row ? 1 : 0));
      return inBatchSoftmax(tsKernels, { ...s.p, weights: w }, new Float32Array(n * n));
    };
    expect(perRow(on, 2)).toBeGreaterThan(perRow(off, 2)); // item 2: log q = −0.5, the most popular
    expect(perRow(on, 1)).toBeLessThan(perRow(off, 1)); // item 1: log q = −3, the rarest
  });
});
