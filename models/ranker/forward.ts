// The reference MMoE forward pass in plain TypeScript, following mmoe-weights.ts literally. It is the
// ground truth the ONNX export is checked against, and a fallback scorer where no runtime is loaded.
import { checkMmoeWeights } from './check-weights.js';
import { IdOutOfRangeError, InputShapeError } from './errors.js';
import { type Dense, inputWidth, type MmoeWeights, TASK_OUTPUT, type Task } from './mmoe-weights.js';

export type MmoeInput = {
  /** [B × denseDim], row-major, already normalised. */
  dense: Float32Array;
  /** [B × embeddings.length] hashed bucket indices, one per embedding slot. */
  ids: Int32Array | BigInt64Array;
};
export type MmoeOutput = {
  batch: number;
  tasks: readonly Task[];
  /** [B × tasks] after TASK_OUTPUT (probabilities; watch is E[log(1+watch_time_sec)]). */
  preds: Float32Array;
  /** [B × tasks × numExperts] softmax gate weights, only when asked for. */
  gates?: Float32Array;
};

/** y = act(x W + b) for every row; sums in float64, stored as float32 like the runtime's tensors. */
export function affine(x: Float32Array, rows: number, d: Dense, relu: boolean): Float32Array {
  const { inDim, outDim, W, b } = d;
  const y = new Float32Array(rows * outDim);
  const acc = new Float64Array(outDim);
  for (let r = 0; r < rows; r++) {
    acc.set(b);
    for (let i = 0; i < inDim; i++) {
      const xi = x[r * inDim + i]!;
      if (xi === 0) continue; // ReLU outputs are often zero: skipping them is exact
      const off = i * outDim;
      for (let j = 0; j < outDim; j++) acc[j]! += xi * W[off + j]!;
    }
    for (let j = 0; j < outDim; j++) y[r * outDim + j] = relu ? Math.max(0, acc[j]!) : acc[j]!;
  }
  return y;
}

const chain = (x: Float32Array, rows: number, layers: Dense[], reluLast: boolean) =>
  layers.reduce((h, d, l) => affine(h, rows, d, reluLast || l < layers.length - 1), x);

/** x = concat(dense, emb_0[ids_0], ...): the shared input of experts and gates. */
export function buildInput(w: MmoeWeights, input: MmoeInput): { x: Float32Array; batch: number } {
  const { denseDim, embeddings } = w.config;
  const slots = embeddings.length;
  const batch = input.dense.length / denseDim;
  if (!Number.isInteger(batch)) throw new InputShapeError(`dense has ${input.dense.length} values, not a multiple of ${denseDim}`);
  if (input.ids.length !== batch * slots) throw new InputShapeError(`ids has ${input.ids.length} values, expected ${batch}×${slots}`);
  const width = inputWidth(w.config);
  const x = new Float32Array(batch * width);
  for (let r = 0; r < batch; r++) {
    x.set(input.dense.subarray(r * denseDim, (r + 1) * denseDim), r * width);
    let col = denseDim;
    w.embeddings.forEach((e, s) => {
      const id = Number(input.ids[r * slots + s]!);
      if (!(id >= 0 && id < e.buckets && Number.isInteger(id))) throw new IdOutOfRangeError(e.name, id, e.buckets);
      x.set(e.table.subarray(id * e.dim, (id + 1) * e.dim), r * width + col);
      col += e.dim;
    });
  }
  return { x, batch };
}

/** Row-wise softmax in place (max-subtracted, so large logits do not overflow). */
export function softmaxRows(z: Float32Array, width: number): Float32Array {
  for (let off = 0; off < z.length; off += width) {
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, z[off + k]!);
    let sum = 0;
    for (let k = 0; k < width; k++) sum += z[off + k] = Math.exp(z[off + k]! - max);
    for (let k = 0; k < width; k++) z[off + k]! /= sum;
  }
  return z;
}

export function mmoeForward(w: MmoeWeights, input: MmoeInput, opts: { gates?: boolean } = {}): MmoeOutput {
  checkMmoeWeights(w);
  const { numExperts: E, tasks } = w.config;
  const T = tasks.length;
  const H = w.config.expertHidden.at(-1)!;
  const { x, batch } = buildInput(w, input);
  const experts = w.experts.map((layers) => chain(x, batch, layers, true)); // E × [B × H]
  const preds = new Float32Array(batch * T);
  const gatesOut = opts.gates ? new Float32Array(batch * T * E) : undefined;
  tasks.forEach((task, t) => {
    const gate = softmaxRows(affine(x, batch, w.gates[t]!, false), E); // [B × E]
    const mix = new Float32Array(batch * H);
    for (let r = 0; r < batch; r++) {
      for (let e = 0; e < E; e++) {
        const g = gate[r * E + e]!;
        if (gatesOut) gatesOut[(r * T + t) * E + e] = g;
        const h = experts[e]!;
        for (let k = 0; k < H; k++) mix[r * H + k]! += g * h[r * H + k]!;
      }
    }
    const raw = chain(mix, batch, w.towers[t]!, false); // [B × 1]
    const sigmoid = TASK_OUTPUT[task] === 'sigmoid';
    for (let r = 0; r < batch; r++) preds[r * T + t] = sigmoid ? 1 / (1 + Math.exp(-raw[r]!)) : raw[r]!;
  });
  return gatesOut ? { batch, tasks, preds, gates: gatesOut } : { batch, tasks, preds };
}
