// Implicit-feedback ALS (Hu, Koren & Volinsky 2008) with the conjugate-gradient row solver: alternate
// users and items, each row solved against the other side's precomputed Gram matrix. Single thread.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { cgScratch, cgSolveRow } from './cg-solve.js';
import type { Csr, InteractionMatrix } from './interactions.js';
import { dot, gram } from './linalg.js';

export interface AlsOptions {
  factors: number;
  iterations: number;
  /** λ added to the Gram diagonal: ridge on every factor row. */
  regularization: number;
  /** CG steps per row per half-iteration (3, the `implicit` library default, is enough with warm starts). */
  cgSteps: number;
  seed: number;
  /** Called after each full iteration (users then items), e.g. to log the loss or elapsed time. */
  onIteration?: (iteration: number, model: AlsModel) => void;
}
export const DEFAULT_ALS_OPTIONS: AlsOptions = { factors: 64, iterations: 15, regularization: 0.01, cgSteps: 3, seed: 1 };

export interface AlsModel {
  factors: number;
  userFactors: Float32Array; // nUsers × factors, row-major
  itemFactors: Float32Array; // nItems × factors, row-major
}

export function trainAls(matrix: InteractionMatrix, opts: Partial<AlsOptions> = {}): AlsModel {
  const o = { ...DEFAULT_ALS_OPTIONS, ...opts };
  const f = o.factors;
  const rng = xoroshiro128plus(o.seed);
  // Small centred init (as `implicit` does) so the first solves are driven by the data, not the init.
  const init = (n: number) => Float32Array.from({ length: n * f }, () => (uniformFloat64(rng) - 0.5) / f);
  const model: AlsModel = { factors: f, userFactors: init(matrix.users.rows), itemFactors: init(matrix.items.rows) };
  for (let it = 0; it < o.iterations; it++) {
    solveSide(matrix.users, model.userFactors, model.itemFactors, f, o);
    solveSide(matrix.items, model.itemFactors, model.userFactors, f, o);
    o.onIteration?.(it, model);
  }
  return model;
}

function solveSide(m: Csr, target: Float32Array, other: Float32Array, f: number, o: AlsOptions): void {
  const g = gram(other, m.cols, f, o.regularization);
  const s = cgScratch(f);
  for (let row = 0; row < m.rows; row++) cgSolveRow(m, row, target, other, g, f, o.cgSteps, s);
}

/**
 * The objective ALS minimises: Σ_all c·(p − x·y)² + λ(‖X‖² + ‖Y‖²). The unobserved part (c = 1, p = 0)
 * is Σ (x·y)² = ⟨XᵀX, YᵀY⟩, so the sum costs O(nnz·f + f²) instead of O(users·items·f).
 */
export function alsLoss(matrix: InteractionMatrix, model: AlsModel, regularization: number): number {
  const { factors: f, userFactors: X, itemFactors: Y } = model;
  const m = matrix.users;
  const gx = gram(X, m.rows, f), gy = gram(Y, m.cols, f);
  let loss = 0;
  for (let k = 0; k < f * f; k++) loss += gx[k]! * gy[k]!;
  for (let u = 0; u < m.rows; u++) {
    for (let e = m.indptr[u]!; e < m.indptr[u + 1]!; e++) {
      const v = m.values[e]!;
      const s = dot(X, u * f, Y, m.indices[e]! * f, f);
      const p = v > 0 ? 1 : 0;
      loss += Math.abs(v) * (p - s) ** 2 - s * s;
    }
  }
  let norms = 0;
  for (let k = 0; k < f; k++) norms += gx[k * f + k]! + gy[k * f + k]!;
  return loss + regularization * norms;
}
