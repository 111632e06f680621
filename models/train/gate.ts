// MMoE softmax gate: probs = softmax(x·G + g), one row of expert weights per sample.
import type { Kernels } from './backend.js';
import { denseBackward, denseForward, type Dense } from './dense.js';

export function gateForward(be: Kernels, p: Dense, x: Float32Array, probs: Float32Array, rows: number) {
  denseForward(be, p, x, probs, rows);
  be.softmaxRows(probs, probs, rows, p.outDim);
}

/** Softmax Jacobian in place: dz = p ⊙ (dp − Σ_j p_j·dp_j), over rows of width n. */
export function softmaxBackward(probs: Float32Array, dProbs: Float32Array, dLogits: Float32Array, rows: number, n: number) {
  for (let i = 0; i < rows; i++) {
    const o = i * n;
    let dot = 0;
    for (let j = 0; j < n; j++) dot += probs[o + j]! * dProbs[o + j]!;
    for (let j = 0; j < n; j++) dLogits[o + j] = probs[o + j]! * (dProbs[o + j]! - dot);
  }
}

/** Backward through the gate: dProbs is turned into logit gradients in place, then through the dense. */
export function gateBackward(
  be: Kernels, p: Dense, g: Dense, x: Float32Array, probs: Float32Array, dProbs: Float32Array, dx: Float32Array | null, rows: number, accDx: boolean,
) {
  softmaxBackward(probs, dProbs, dProbs, rows, p.outDim);
  denseBackward(be, p, g, x, dProbs, dx, rows, accDx);
}
