// One thread's MMoE forward and backward over a shard of rows, following models/ranker/mmoe-weights.ts:
// x = concat(dense, embeddings) → experts (ReLU MLPs) → per-task softmax gates mix them → towers → heads.
import { inputWidth, TASKS, type MmoeConfig } from '../ranker/mmoe-weights.js';
import type { Arena } from './arena.js';
import type { Kernels } from './backend.js';
import { ShapeError } from './errors.js';
import { denseBackward, denseForward } from './dense.js';
import { embeddingBackward, embeddingForward, type SparseGrad } from './embedding.js';
import { gateBackward, gateForward } from './gate.js';
import type { MmoeDense } from './mmoe-params.js';
import { mixBackward, mixForward } from './mixture.js';

/** Rows in shared memory: dense [n×denseDim], hashed bucket ids [n×tables], labels [n×TASKS]. */
export type Dataset = { n: number; dense: Float32Array; ids: Int32Array; labels: Float32Array };

export type Activations = ReturnType<typeof allocActivations>;

/** Every buffer a pass over at most `maxRows` rows needs, carved from the arena once. */
export function allocActivations(a: Arena, c: MmoeConfig, maxRows: number) {
  const nt = c.tasks.length, H = c.expertHidden.at(-1)!, f = (w: number) => a.f32(maxRows * w);
  return {
    x: f(inputWidth(c)),
    dx: f(c.embeddings.length ? inputWidth(c) : 0),
    ids: a.i32(maxRows * c.embeddings.length),
    labels: f(TASKS.length),
    experts: Array.from({ length: c.numExperts }, () => c.expertHidden.map(f)),
    gates: c.tasks.map(() => f(c.numExperts)),
    mix: c.tasks.map(() => f(H)),
    towers: c.tasks.map(() => [...c.towerHidden, 1].map(f)),
    dRaw: c.tasks.map(() => f(1)),
    dTower: c.towerHidden.map(f),
    dMix: f(H),
    dGate: f(c.numExperts),
    dExpertOut: Array.from({ length: c.numExperts }, () => f(H)),
    dExpertHidden: c.expertHidden.slice(0, -1).map(f),
    sparse: c.embeddings.map((e): SparseGrad => ({ dim: e.dim, rows: a.i32(maxRows), grads: f(e.dim), count: a.i32(1) })),
    nt,
  };
}

export function createMmoePass(c: MmoeConfig, be: Kernels, p: MmoeDense, tables: Float32Array[], g: MmoeDense, act: Activations) {
  // Heads, labels and losses are indexed in TASKS order; a subset of tasks is not supported yet.
  if (c.tasks.join() !== TASKS.join()) throw new ShapeError(`config.tasks must be ${TASKS.join(', ')}`);
  const I = inputWidth(c), H = c.expertHidden.at(-1)!, nSlots = c.embeddings.length;
  const cols = c.embeddings.reduce<number[]>((o, e, i) => [...o, o[i]! + e.dim], [c.denseDim]);
  const expertOuts = act.experts.map((l) => l.at(-1)!);
  const dx = nSlots ? act.dx : null;

  /** Gathers dataset rows `idx[from..from+rows)` into the pass's input buffers. */
  function load(d: Dataset, idx: Int32Array, from: number, rows: number) {
    const nl = TASKS.length;
    for (let i = 0; i < rows; i++) {
      const r = idx[from + i]!;
      act.x.set(d.dense.subarray(r * c.denseDim, (r + 1) * c.denseDim), i * I);
      act.ids.set(d.ids.subarray(r * nSlots, (r + 1) * nSlots), i * nSlots);
      act.labels.set(d.labels.subarray(r * nl, (r + 1) * nl), i * nl);
    }
  }

  /** Raw head outputs (logits, or E[log(1+watch)]) per task: views valid until the next forward. */
  function forward(rows: number): Float32Array[] {
    c.embeddings.forEach((e, s) => embeddingForward(tables[s]!, e.dim, act.ids, s, nSlots, act.x, I, cols[s]!, rows));
    p.experts.forEach((layers, e) => {
      let h = act.x;
      layers.forEach((d, l) => {
        const y = act.experts[e]![l]!;
        denseForward(be, d, h, y, rows);
        be.relu(y, y, rows * d.outDim);
        h = y;
      });
    });
    return p.towers.map((layers, t) => {
      gateForward(be, p.gates[t]!, act.x, act.gates[t]!, rows);
      mixForward(be, act.gates[t]!, expertOuts, act.mix[t]!, rows, H);
      let h = act.mix[t]!;
      layers.forEach((d, l) => {
        const y = act.towers[t]![l]!;
        denseForward(be, d, h, y, rows);
        if (l < layers.length - 1) be.relu(y, y, rows * d.outDim);
        h = y;
      });
      return h;
    });
  }

  /** Gradients of the last forward given dRaw (in act.dRaw): dense into `g`, embeddings into act.sparse. */
  function backward(rows: number) {
    p.towers.forEach((layers, t) => {
      let dy = act.dRaw[t]!;
      for (let l = layers.length - 1; l >= 0; l--) {
        const input = l === 0 ? act.mix[t]! : act.towers[t]![l - 1]!;
        const dIn = l === 0 ? act.dMix : act.dTower[l - 1]!;
        denseBackward(be, layers[l]!, g.towers[t]![l]!, input, dy, dIn, rows);
        if (l > 0) be.reluBackward(input, dIn, dIn, rows * layers[l]!.inDim);
        dy = dIn;
      }
      mixBackward(be, act.gates[t]!, expertOuts, act.dMix, act.dGate, act.dExpertOut, rows, H, t > 0);
      gateBackward(be, p.gates[t]!, g.gates[t]!, act.x, act.gates[t]!, act.dGate, dx, rows, t > 0);
    });
    p.experts.forEach((layers, e) => {
      let dy = act.dExpertOut[e]!;
      for (let l = layers.length - 1; l >= 0; l--) {
        const y = act.experts[e]![l]!;
        be.reluBackward(y, dy, dy, rows * layers[l]!.outDim);
        const input = l === 0 ? act.x : act.experts[e]![l - 1]!;
        const dIn = l === 0 ? dx : act.dExpertHidden[l - 1]!;
        denseBackward(be, layers[l]!, g.experts[e]![l]!, input, dy, dIn, rows, l === 0);
        if (dIn) dy = dIn;
      }
    });
    if (dx) c.embeddings.forEach((_, s) => embeddingBackward(act.sparse[s]!, act.ids, s, nSlots, dx, I, cols[s]!, rows));
  }

  return { load, forward, backward, act };
}
