import { describe, expect, it } from 'vitest';
import { TASKS, type MmoeConfig } from '../ranker/mmoe-weights.js';
import { createBackend } from './backend.js';
import { createSharedMemory } from './arena.js';
import { ShapeError } from './errors.js';
import { expectGradClose } from './finite-diff.js';
import { layoutBytes, layoutOn } from './layout.js';
import { DEFAULT_LOSS, multiTaskLoss } from './losses.js';
import { createMmoePass } from './mmoe-pass.js';
import { exportWeights, importWeights, initParams } from './mmoe-params.js';
import { seededRng } from './rng.js';
import { toyDataset } from './toy-data.js';

const config: MmoeConfig = {
  denseDim: 3,
  embeddings: [{ name: 'user_id', buckets: 5, dim: 2 }, { name: 'video_id', buckets: 4, dim: 3 }],
  numExperts: 2,
  expertHidden: [4, 3],
  towerHidden: [3],
  tasks: TASKS,
};
const rows = 6;
const data = toyDataset(config, rows, 21);
const idx = Int32Array.from({ length: rows }, (_, i) => i);

function tinyModel(kind: 'ts' | 'wasm', seed = 2) {
  const input = { config, workers: 0, batchSize: rows };
  const memory = createSharedMemory(layoutBytes(input), true);
  const L = layoutOn(memory.buffer, input);
  initParams(config, L.params, L.tables, seededRng(seed));
  const s = L.slots[0]!;
  const pass = createMmoePass(config, createBackend(kind, memory, s.scratch), L.params, L.tables, s.grads, s.act);
  const loss = (labels = data.labels) => {
    pass.load({ ...data, labels }, idx, 0, rows);
    return multiTaskLoss(pass.forward(rows), s.act.labels, s.act.dRaw, rows, rows, DEFAULT_LOSS).reduce((a, b) => a + b, 0);
  };
  const grads = (labels = data.labels) => {
    const l = loss(labels);
    pass.backward(rows);
    return l;
  };
  return { L, s, pass, loss, grads };
}

describe('MMoE end to end', () => {
  for (const kind of ['ts', 'wasm'] as const) {
    it(`every gradient matches finite differences on a tiny config (${kind})`, () => {
      const m = tinyModel(kind);
      m.grads();
      // A small step rarely crosses a ReLU kink (those few are checked as subgradients); float32 noise sets atol.
      const opts = { eps: 5e-4, atol: 2e-3, rtol: 2e-2, maxKinkShare: 0.02 };
      expectGradClose(m.L.paramFlat, m.s.gradFlat.slice(), () => m.loss(), opts);
      // embeddings: scatter the row-sparse gradients into dense tables and check every entry
      config.embeddings.forEach((e, t) => {
        const sp = m.s.act.sparse[t]!, dense = new Float64Array(e.buckets * e.dim);
        for (let k = 0; k < sp.count[0]!; k++) for (let d = 0; d < e.dim; d++) dense[sp.rows[k]! * e.dim + d] = sp.grads[k * e.dim + d]!;
        expectGradClose(m.L.tables[t]!, dense, () => m.loss(), opts);
      });
    });
  }

  it('a post-click label on a non-clicked row changes no gradient anywhere in the model', () => {
    const m = tinyModel('wasm');
    m.grads();
    const before = m.s.gradFlat.slice(), sparse = m.s.act.sparse.map((s) => s.grads.slice());
    const nt = TASKS.length, labels = data.labels.slice();
    const nonClicked = idx.filter((r) => labels[r * nt] === 0);
    expect(nonClicked.length).toBeGreaterThan(0);
    for (const r of nonClicked) for (let t = 1; t < nt; t++) labels[r * nt + t] = 100 + t;
    m.grads(labels);
    expect(Array.from(m.s.gradFlat)).toEqual(Array.from(before));
    m.s.act.sparse.forEach((s, t) => expect(Array.from(s.grads)).toEqual(Array.from(sparse[t]!)));
  });

  it('exports MmoeWeights and imports them into another model with identical outputs', () => {
    const a = tinyModel('wasm', 2), b = tinyModel('ts', 3);
    const w = exportWeights(config, a.L.params, a.L.tables);
    expect(w.experts[1]![0]!.W).toHaveLength((3 + 2 + 3) * 4);
    expect(w.towers[4]!.at(-1)!.outDim).toBe(1);
    expect(a.loss()).not.toBeCloseTo(b.loss(), 3);
    importWeights(b.L.params, b.L.tables, w);
    expect(b.loss()).toBeCloseTo(a.loss(), 5);
    const broken = { ...w, gates: w.gates.map((g) => ({ ...g, outDim: 3 })) };
    expect(() => importWeights(b.L.params, b.L.tables, broken)).toThrow(ShapeError);
  });
});
