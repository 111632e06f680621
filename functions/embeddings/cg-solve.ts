// One row's ALS update by conjugate gradient (as the `implicit` library does, Takács et al. 2011):
// solve (GᵀG + λI + Gᵀ(C − I)G) x = Gᵀ C p for the row, warm-started from the row's current factors.
import type { Csr } from './interactions.js';
import { axpy, dot, matVec } from './linalg.js';

const RESIDUAL_EPS = 1e-20;

/** Scratch buffers reused across rows so the hot loop allocates nothing. */
export interface CgScratch {
  x: Float32Array;
  r: Float32Array;
  p: Float32Array;
  ap: Float32Array;
}
export const cgScratch = (f: number): CgScratch => ({
  x: new Float32Array(f),
  r: new Float32Array(f),
  p: new Float32Array(f),
  ap: new Float32Array(f),
});

/**
 * Updates row `row` of `target` in place. `other` is the fixed side's factor table, `gramReg` its Gram
 * matrix with λ on the diagonal; `m` is CSR whose rows index `target` and columns index `other`.
 */
export function cgSolveRow(
  m: Csr, row: number, target: Float32Array, other: Float32Array, gramReg: Float32Array, f: number, steps: number, s: CgScratch,
): void {
  const { x, r, p, ap } = s;
  const xo = row * f;
  for (let k = 0; k < f; k++) x[k] = target[xo + k]!;
  const start = m.indptr[row]!, end = m.indptr[row + 1]!;

  // r = b − A x, with b = Σ_{p=1} c·y and A x = G x + Σ (c − 1)(y·x) y.
  matVec(gramReg, x, r, f);
  for (let k = 0; k < f; k++) r[k] = -r[k]!;
  for (let e = start; e < end; e++) {
    const v = m.values[e]!, yo = m.indices[e]! * f;
    const c = Math.abs(v);
    const coef = (v > 0 ? c : 0) - (c - 1) * dot(other, yo, x, 0, f);
    axpy(coef, other, yo, r, f);
  }
  p.set(r);
  let rsOld = dot(r, 0, r, 0, f);
  for (let it = 0; it < steps && rsOld > RESIDUAL_EPS; it++) {
    matVec(gramReg, p, ap, f);
    for (let e = start; e < end; e++) {
      const yo = m.indices[e]! * f;
      axpy((Math.abs(m.values[e]!) - 1) * dot(other, yo, p, 0, f), other, yo, ap, f);
    }
    const alpha = rsOld / dot(p, 0, ap, 0, f);
    for (let k = 0; k < f; k++) {
      x[k]! += alpha * p[k]!;
      r[k]! -= alpha * ap[k]!;
    }
    const rsNew = dot(r, 0, r, 0, f);
    const beta = rsNew / rsOld;
    for (let k = 0; k < f; k++) p[k] = r[k]! + beta * p[k]!;
    rsOld = rsNew;
  }
  for (let k = 0; k < f; k++) target[xo + k] = x[k]!;
}
