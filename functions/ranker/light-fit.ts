// The light ranker's training loop: a tiny MLP (LIGHT_DIM → hidden ReLU → 1 logit), click BCE, Adam,
// on the calling thread with the plain-TS kernels of models/train (the model is too small for workers).
// Inputs are standardised while training and the scaling is folded into layer 0 afterwards, so the
// exported model takes raw `lightInputs` rows and the edge does no normalisation.
import { LIGHT_DIM, LIGHT_LAYOUT_VERSION } from '../../models/light-ranker/layout.js';
import type { Dense, LightWeights } from '../../models/light-ranker/weights.js';
import { adamDense, DEFAULT_ADAM } from '../../models/train/adam.js';
import { denseBackward, denseForward } from '../../models/train/dense.js';
import { tsKernels as be } from '../../models/train/kernels-ts.js';
import { bceWithLogits } from '../../models/train/losses.js';
import { permutation, seededRng } from '../../models/train/rng.js';

export type FitOptions = { hidden: number[]; epochs: number; batchSize: number; lr: number; seed: number };

const dense = (inDim: number, outDim: number): Dense => ({ inDim, outDim, W: new Float32Array(inDim * outDim), b: new Float32Array(outDim) });

/** Per-column mean and std (std floored: constant columns stay finite) of row-major x. */
function columnStats(x: Float32Array, n: number) {
  const mean = new Float64Array(LIGHT_DIM), sq = new Float64Array(LIGHT_DIM);
  for (let i = 0; i < n; i++) for (let k = 0; k < LIGHT_DIM; k++) (mean[k]! += x[i * LIGHT_DIM + k]! / n), (sq[k]! += x[i * LIGHT_DIM + k]! ** 2 / n);
  const std = mean.map((m, k) => Math.max(1e-3, Math.sqrt(Math.max(0, sq[k]! - m * m))));
  return { mean, std };
}

/** Layer 0 over standardised inputs → the same layer over raw inputs: W'=W/σ, b'=b−Σ(μ/σ)W. */
function foldStandardisation(d: Dense, mean: Float64Array, std: Float64Array): Dense {
  const out = dense(d.inDim, d.outDim);
  out.b.set(d.b);
  for (let k = 0; k < d.inDim; k++) {
    for (let j = 0; j < d.outDim; j++) {
      const w = d.W[k * d.outDim + j]! / std[k]!;
      out.W[k * d.outDim + j] = w;
      out.b[j]! -= mean[k]! * w;
    }
  }
  return out;
}

/** Trains on x [n × LIGHT_DIM] (raw lightInputs rows) and y [n] in {0,1}. Deterministic per seed. */
export function fitLight(x: Float32Array, y: Float32Array, n: number, o: FitOptions): { weights: LightWeights; lastEpochLoss: number } {
  const rng = seededRng(o.seed);
  const { mean, std } = columnStats(x, n);
  const widths = [LIGHT_DIM, ...o.hidden, 1];
  const layers = widths.slice(1).map((w, l) => dense(widths[l]!, w));
  for (const d of layers) for (let i = 0; i < d.W.length; i++) d.W[i] = rng.normal() * Math.sqrt(2 / d.inDim); // He init
  const grads = layers.map((d) => dense(d.inDim, d.outDim));
  const moments = layers.map((d) => ({ mW: new Float32Array(d.W.length), vW: new Float32Array(d.W.length), mb: new Float32Array(d.outDim), vb: new Float32Array(d.outDim) }));
  const B = o.batchSize;
  const xs = new Float32Array(B * LIGHT_DIM);
  const acts = widths.map((w) => new Float32Array(B * w)); // acts[0] = input, acts[l+1] = output of layer l
  const deltas = widths.map((w) => new Float32Array(B * w));
  const adam = { ...DEFAULT_ADAM, lr: o.lr };
  let step = 0, lastEpochLoss = NaN;

  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const order = permutation(n, rng);
    let lossSum = 0;
    for (let start = 0; start < n; start += B) {
      const rows = Math.min(B, n - start);
      for (let r = 0; r < rows; r++) {
        const i = order[start + r]!;
        for (let k = 0; k < LIGHT_DIM; k++) xs[r * LIGHT_DIM + k] = (x[i * LIGHT_DIM + k]! - mean[k]!) / std[k]!;
      }
      acts[0]!.set(xs.subarray(0, rows * LIGHT_DIM));
      layers.forEach((d, l) => {
        denseForward(be, d, acts[l]!, acts[l + 1]!, rows);
        if (l < layers.length - 1) be.relu(acts[l + 1]!, acts[l + 1]!, rows * d.outDim);
      });
      const z = acts[layers.length]!, dz = deltas[layers.length]!;
      for (let r = 0; r < rows; r++) {
        const { loss, grad } = bceWithLogits(z[r]!, y[order[start + r]!]!);
        lossSum += loss;
        dz[r] = grad / rows;
      }
      for (let l = layers.length - 1; l >= 0; l--) {
        const dx = l > 0 ? deltas[l]! : null;
        denseBackward(be, layers[l]!, grads[l]!, acts[l]!, deltas[l + 1]!, dx, rows);
        if (dx) be.reluBackward(acts[l]!, dx, dx, rows * layers[l]!.inDim);
      }
      step++;
      layers.forEach((d, l) => {
        const g = grads[l]!, m = moments[l]!;
        adamDense(d.W, g.W, m.mW, m.vW, step, adam);
        adamDense(d.b, g.b, m.mb, m.vb, step, adam);
      });
    }
    lastEpochLoss = lossSum / n;
  }
  layers[0] = foldStandardisation(layers[0]!, mean, std);
  return { weights: { layout: LIGHT_LAYOUT_VERSION, layers }, lastEpochLoss };
}
