import { describe, expect, it } from 'vitest';
import { denseBackward, denseForward } from './dense.js';
import { embeddingBackward, embeddingForward, type SparseGrad } from './embedding.js';
import { dotLoss, expectGradClose } from './finite-diff.js';
import { gateBackward, gateForward } from './gate.js';
import { mixBackward, mixForward } from './mixture.js';
import { testMemory } from './test-memory.js';

const { arena, backends, rand } = testMemory(3);
const rows = 3;

for (const be of backends) {
  describe(`layer gradients match finite differences (${be.kind})`, () => {
    it('Dense: dW, db and dx', () => {
      const [inDim, outDim] = [5, 3];
      const p = { inDim, outDim, W: rand(inDim * outDim), b: rand(outDim) };
      const g = { inDim, outDim, W: arena.f32(inDim * outDim), b: arena.f32(outDim) };
      const x = rand(rows * inDim), y = arena.f32(rows * outDim), r = rand(rows * outDim), dx = arena.f32(rows * inDim);
      const loss = () => (denseForward(be, p, x, y, rows), dotLoss(y, r));
      denseBackward(be, p, g, x, r, dx, rows);
      for (const [param, grad] of [[p.W, g.W], [p.b, g.b], [x, dx]] as const) expectGradClose(param, grad, loss);
    });

    it('ReLU: dx passes where the output is positive', () => {
      const x = rand(12).map((v) => (Math.abs(v) < 0.1 ? v + 0.3 : v)), y = arena.f32(12), r = rand(12), dx = arena.f32(12);
      const xs = arena.f32(12);
      xs.set(x);
      const loss = () => (be.relu(xs, y, 12), dotLoss(y, r));
      loss();
      be.reluBackward(y, r, dx, 12);
      expect(dx.some((v) => v === 0) && dx.some((v) => v !== 0)).toBe(true);
      expectGradClose(xs, dx, loss);
    });

    it('softmax gate: dG, dg and dx through the softmax Jacobian', () => {
      const [inDim, ne] = [4, 3];
      const p = { inDim, outDim: ne, W: rand(inDim * ne), b: rand(ne) };
      const g = { inDim, outDim: ne, W: arena.f32(inDim * ne), b: arena.f32(ne) };
      const x = rand(rows * inDim), probs = arena.f32(rows * ne), r = rand(rows * ne), dProbs = arena.f32(rows * ne), dx = arena.f32(rows * inDim);
      const loss = () => (gateForward(be, p, x, probs, rows), dotLoss(probs, r));
      loss();
      dProbs.set(r);
      gateBackward(be, p, g, x, probs, dProbs, dx, rows, false);
      for (const [param, grad] of [[p.W, g.W], [p.b, g.b], [x, dx]] as const) expectGradClose(param, grad, loss);
    });

    it('mixture: gate weights and expert outputs', () => {
      const [ne, width] = [3, 5];
      const gate = rand(rows * ne), experts = [0, 1, 2].map(() => rand(rows * width)), mix = arena.f32(rows * width), r = rand(rows * width);
      const dGate = arena.f32(rows * ne), dExperts = experts.map(() => arena.f32(rows * width));
      const loss = () => (mixForward(be, gate, experts, mix, rows, width), dotLoss(mix, r));
      mixBackward(be, gate, experts, r, dGate, dExperts, rows, width, false);
      expectGradClose(gate, dGate, loss);
      experts.forEach((e, i) => expectGradClose(e, dExperts[i]!, loss));
    });

    it('embedding: row-sparse gradient sums repeated ids and leaves other rows out', () => {
      const [buckets, dim, xWidth, col] = [6, 2, 5, 2];
      const table = rand(buckets * dim), ids = new Int32Array([4, 1, 4, 0]), n = ids.length;
      const x = arena.f32(n * xWidth), r = rand(n * xWidth);
      const sparse: SparseGrad = { dim, rows: arena.i32(n), grads: arena.f32(n * dim), count: arena.i32(1) };
      const loss = () => (embeddingForward(table, dim, ids, 0, 1, x, xWidth, col, n), dotLoss(x, r));
      loss();
      embeddingBackward(sparse, ids, 0, 1, r, xWidth, col, n);
      expect(Array.from(sparse.rows.subarray(0, sparse.count[0]))).toEqual([4, 1, 0]);
      const dense = new Float64Array(buckets * dim);
      for (let k = 0; k < sparse.count[0]!; k++) for (let d = 0; d < dim; d++) dense[sparse.rows[k]! * dim + d] = sparse.grads[k * dim + d]!;
      expectGradClose(table, dense, loss);
    });
  });
}
