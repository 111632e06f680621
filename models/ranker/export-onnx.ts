// MmoeWeights → ONNX bytes for onnxruntime-web. Experts, gates and towers are each fused into a few
// batched MatMuls (stacked weights), so the graph has O(layers) nodes whatever the expert/task count.
// Only the config's hashed item-side slots become tables; per-user vectors arrive inside `dense`.
import { createGraph, type Graph } from '../onnx/graph.js';
import { encodeModel, ONNX_OPSET } from '../onnx/model.js';
import { concat, gather, linear, relu, reshape, sigmoid, softmax, squeeze, transpose, where } from '../onnx/ops.js';
import { int64s } from '../onnx/tensor.js';
import { checkMmoeWeights } from './check-weights.js';
import { type Dense, inputWidth, type MmoeWeights, TASK_OUTPUT } from './mmoe-weights.js';

export const MMOE_INPUT_DENSE = 'dense'; // float32 [batch, denseDim]
// int64 [batch, slots]: ONNX's native index type, accepted by Gather in onnxruntime-web's wasm backend.
export const MMOE_INPUT_IDS = 'ids';
export const MMOE_OUTPUT_PREDS = 'preds'; // float32 [batch, tasks], after TASK_OUTPUT
export const MMOE_OUTPUT_GATES = 'gates'; // float32 [batch, tasks, experts], only with { gates: true }
const BATCH = 'batch';

export type MmoeExportMeta = { featureSpecVersion: string; modelVersion?: string; extra?: Record<string, string> };

/** [in × Σ out]: the layers side by side, so one MatMul computes all of them. */
function sideBySide(ds: readonly Dense[]): { W: Float32Array; b: Float32Array } {
  const inDim = ds[0]!.inDim;
  const total = ds.reduce((s, d) => s + d.outDim, 0);
  const W = new Float32Array(inDim * total);
  for (let i = 0; i < inDim; i++) {
    let col = 0;
    for (const d of ds) {
      W.set(d.W.subarray(i * d.outDim, (i + 1) * d.outDim), i * total + col);
      col += d.outDim;
    }
  }
  const b = new Float32Array(total);
  ds.reduce((col, d) => (b.set(d.b, col), col + d.outDim), 0);
  return { W, b };
}

const concatF32 = (parts: readonly Float32Array[]): Float32Array => {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((off, p) => (out.set(p, off), off + p.length), 0);
  return out;
};

/** h[n,B,in] → act(h W[n] + b[n]) for a stack of n same-shaped layers (batched MatMul). */
function stackedLayer(g: Graph, h: string, ds: readonly Dense[], name: string, act: boolean): string {
  const { inDim, outDim } = ds[0]!;
  const W = g.initializer(`${name}.W`, concatF32(ds.map((d) => d.W)), [ds.length, inDim, outDim]);
  const b = g.initializer(`${name}.b`, concatF32(ds.map((d) => d.b)), [ds.length, 1, outDim]);
  const y = linear(g, h, W, b);
  return act ? relu(g, y) : y;
}

export function exportMmoe(w: MmoeWeights, meta: MmoeExportMeta, opts: { gates?: boolean } = {}): Uint8Array {
  checkMmoeWeights(w);
  const c = w.config;
  const E = c.numExperts;
  const T = c.tasks.length;
  const g = createGraph('mmoe');
  const dense = g.input(MMOE_INPUT_DENSE, 'float32', [BATCH, c.denseDim]);
  const ids = g.input(MMOE_INPUT_IDS, 'int64', [BATCH, c.embeddings.length]);

  // x = concat(dense, table_s[ids[:, s]] ...)
  const parts = w.embeddings.map((e, s) => {
    const table = g.initializer(`emb.${e.name}`, e.table, [e.buckets, e.dim]);
    const slot = gather(g, ids, g.constant(int64s([s]), [], 'slot'), 1); // [batch]
    return gather(g, table, slot, 0); // [batch, dim]
  });
  const x = parts.length ? concat(g, [dense, ...parts], 1) : dense;

  // Experts: layer 0 for all experts in one [in × E·h1] MatMul, then a batched [E, B, h] stack.
  const first = sideBySide(w.experts.map((layers) => layers[0]!));
  const h1 = c.expertHidden[0]!;
  let h = relu(g, linear(g, x, g.initializer('experts.0.W', first.W, [inputWidth(c), E * h1]), g.initializer('experts.0.b', first.b, [E * h1])));
  h = transpose(g, reshape(g, h, [0, E, h1]), [1, 0, 2]); // [E, B, h1]
  for (let l = 1; l < c.expertHidden.length; l++) h = stackedLayer(g, h, w.experts.map((ls) => ls[l]!), `experts.${l}`, true);
  const expertsOut = transpose(g, h, [1, 0, 2]); // [B, E, H]

  // Gates: all tasks' logits in one MatMul, softmax over experts per task.
  const gw = sideBySide(w.gates);
  const logits = linear(g, x, g.initializer('gates.W', gw.W, [inputWidth(c), T * E]), g.initializer('gates.b', gw.b, [T * E]));
  const gates = softmax(g, reshape(g, logits, [0, T, E]), -1); // [B, T, E]
  const mix = g.op1('MatMul', [gates, expertsOut]); // [B, T, H]: Σ_e gate[t,e] · expert_e

  // Towers: batched over tasks, [T, B, ·]; the last layer has width 1.
  let t = transpose(g, mix, [1, 0, 2]);
  const depth = c.towerHidden.length + 1;
  for (let l = 0; l < depth; l++) t = stackedLayer(g, t, w.towers.map((ls) => ls[l]!), `towers.${l}`, l < depth - 1);
  const raw = transpose(g, squeeze(g, t, [2]), [1, 0]); // [B, T]

  const isSigmoid = g.constant(Uint8Array.from(c.tasks, (task) => (TASK_OUTPUT[task] === 'sigmoid' ? 1 : 0)), [T], 'sigmoid_mask');
  where(g, isSigmoid, sigmoid(g, raw), raw, MMOE_OUTPUT_PREDS);
  g.output(MMOE_OUTPUT_PREDS, 'float32', [BATCH, T]);
  if (opts.gates) {
    g.op1('Identity', [gates], {}, MMOE_OUTPUT_GATES);
    g.output(MMOE_OUTPUT_GATES, 'float32', [BATCH, T, E]);
  }

  return encodeModel(g, {
    producerVersion: meta.modelVersion ?? '',
    metadata: {
      ...meta.extra,
      'edgefeed.model': 'mmoe',
      'edgefeed.feature_spec_version': meta.featureSpecVersion,
      'edgefeed.tasks': c.tasks.join(','),
      'edgefeed.task_output': c.tasks.map((task) => TASK_OUTPUT[task]).join(','),
      'edgefeed.inputs': `${MMOE_INPUT_DENSE}:float32[batch,${c.denseDim}];${MMOE_INPUT_IDS}:int64[batch,${c.embeddings.length}]`,
      'edgefeed.embedding_slots': c.embeddings.map((e) => `${e.name}:${e.buckets}x${e.dim}`).join(','),
      'edgefeed.opset': String(ONNX_OPSET),
    },
  });
}
