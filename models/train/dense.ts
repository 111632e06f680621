// Dense (Linear) layer y = x·W + b over row batches, W row-major [in][out] as in MmoeWeights.
import type { Dense } from '../ranker/mmoe-weights.js';
import type { Kernels } from './backend.js';

export type { Dense };

export function denseForward(be: Kernels, p: Dense, x: Float32Array, y: Float32Array, rows: number) {
  be.matmul(x, p.W, y, rows, p.inDim, p.outDim, false);
  be.biasAdd(y, p.b, rows, p.outDim);
}

/**
 * Writes dW = xᵀ·dy and db = Σ dy into `g` (overwriting), and dx (+)= dy·Wᵀ when dx is given:
 * `accDx` lets several consumers of one input (experts and gates reading x) sum into the same dx.
 */
export function denseBackward(
  be: Kernels, p: Dense, g: Dense, x: Float32Array, dy: Float32Array, dx: Float32Array | null, rows: number, accDx = false,
) {
  be.matmulAT(x, dy, g.W, rows, p.inDim, p.outDim, false);
  be.biasGrad(dy, g.b, rows, p.outDim);
  if (dx) be.matmulBT(dy, p.W, dx, rows, p.outDim, p.inDim, accDx);
}
