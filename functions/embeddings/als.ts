// Implicit-feedback ALS (Hu, Koren & Volinsky 2008) with the conjugate-gradient row solver: alternate
// users and items, each row solved against the other side's precomputed Gram matrix. Single thread (als-parallel.ts splits rows).
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { cgScratch, cgSolveRow, type CgScratch } from './cg-solve.js';
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
  const model = initModel(matrix, o);
  const f = o.factors, s = cgScratch(f);
  for (let it = 0; it < o.iterations; it++) {
    const m = matrix.users;
    solveRows(m, 0, m.rows, model.userFactors, model.itemFactors, gram(model.itemFactors, m.cols, f, o.regularization), f, o.cgSteps, s);
    const t = matrix.items;
    solveRows(t, 0, t.rows, model.itemFactors, model.userFactors, gram(model.userFactors, t.cols, f, o.regularization), f, o.cgSteps, s);
    o.onIteration?.(it, model);
  }
  return model;
}

/** Seeded starting factors; every trainer starts here so a seed means the same model on any thread count. */
export function initModel(matrix: InteractionMatrix, o: Pick<AlsOptions, 'factors' | 'seed'>): AlsModel {
  const f = o.factors;
  const rng = xoroshiro128plus(o.seed);
  // Small centred init (as `implicit` does) so the first solves are driven by the data, not the init.
  const init = (n: number) => Float32Array.from({ length: n * f }, () => (uniformFloat64(rng) - 0.5) / f);
  return { factors: f, userFactors: init(matrix.users.rows), itemFactors: init(matrix.items.rows) };
}

/** Solves rows [from, to) of `m` in place; rows are independent given `gramReg`, so any split is exact. */
export function solveRows(
  m: Csr, from: number, to: number, target: Float32Array, other: Float32Array, gramReg: Float32Array, f: number, steps: number, s: CgScratch,
): void {
  for (let row = from; row < to; row++) cgSolveRow(m, row, target, other, gramReg, f, steps, s);
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
