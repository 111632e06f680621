import { describe, expect, it } from 'vitest';
import { createBackend } from '../../models/train/backend.js';
import { expectGradClose } from '../../models/train/finite-diff.js';
import { seededRng } from '../../models/train/rng.js';
import type { TwoTowerShape } from './config.js';
import { trainLayout } from './layout.js';
import { initParams, TABLES } from './params.js';
import { createPass } from './pass.js';
import { inBatchSoftmax } from './softmax-loss.js';

const shape: TwoTowerShape = {
  dims: 4, historyLength: 3, idDim: 4, fieldDim: 2, hidden: 5, idBuckets: 8, profileBuckets: 6, creatorBuckets: 4, categories: ['a', 'b'],
};
const B = 4;

describe('two-tower pass', () => {
  it('backward matches finite differences for dense weights and every embedding table', () => {
    const { memory, layout: L } = trainLayout(shape, B, false);
    const be = createBackend('ts', memory, L.scratch);
    const rng = seededRng(11);
    initParams(L.params, L.tableFlat, rng);
    // Larger than init so every gradient is visible, and nonzero biases so no row's vector is near zero length.
    for (let i = 0; i < L.tableFlat.length; i++) L.tableFlat[i] = rng.normal() * 0.5;
    for (let i = 0; i < L.paramFlat.length; i++) L.paramFlat[i] = rng.normal() * 0.4;
    const pass = createPass(shape, be, L.params, L.tables, L.act);
    const b = L.act.batch;
    b.profile.set([0, 1, 2, 3, 4, 5, 0, 2, 4, 1, 3, 5]);
    b.hist.set([1, 2, -1, 3, 3, 4, -1, -1, -1, 5, 6, 7]);
    b.shares.set([0, 1, 0, 0.5, 0.5, 0, 0, 0, 0, 0.2, 0.3, 0.5]);
    b.item.set([1, 1, 0, 2, 2, 1, 0, 0, 2, 7, 1, 3]);
    b.itemDense.set([0.3, 0.1, 0.5, 0.9, 0.2, 0.2, 1.1, 0.4]);
    b.keys.set([0, 1, 2, 3]);
    b.logq.set([-1, -2, -1.5, -0.5]);
    b.weights.fill(1);
    const loss = () => inBatchSoftmax(be, {
      u: pass.forwardUsers(B), v: pass.forwardItems(B), du: L.act.user.dOut, dv: L.act.item.dOut,
      keys: b.keys, logq: b.logq, weights: b.weights, rows: B, d: shape.dims, temperature: 0.5, logQ: true,
    }, L.act.scores);
    loss();
    pass.backward(L.grads, B);
    const dense = L.gradFlat.slice();
    const dTables = L.act.tableGrads.map((g) => {
      const full = new Float32Array(L.tables[TABLES[L.act.tableGrads.indexOf(g)]!].length);
      for (let k = 0; k < g.count[0]!; k++) full.set(g.grads.subarray(k * g.dim, (k + 1) * g.dim), g.rows[k]! * g.dim);
      return full;
    });
    const every = (n: number, step: number) => Array.from({ length: Math.ceil(n / step) }, (_, i) => i * step);
    expectGradClose(L.paramFlat, dense, loss, { eps: 2e-4, atol: 3e-3, indices: every(L.paramFlat.length, 7), maxKinkShare: 0.1 });
    TABLES.forEach((t, k) => expectGradClose(L.tables[t], dTables[k]!, loss, { eps: 2e-4, atol: 3e-3, maxKinkShare: 0.1 }));
    expect(dTables[0]!.some((x) => x !== 0)).toBe(true);
  });
});
