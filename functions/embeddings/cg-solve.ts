// One row's ALS update by conjugate gradient (as the `implicit` library does, Takács et al. 2011):
// solve (GᵀG + λI + Gᵀ(C − I)G) x = Gᵀ C p for the row, warm-started from the row's current factors.
import type { Csr } from './interactions.js';
import { dot, matVec } from './linalg.js';

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
 * out += Σ_e w(e) (y_e · v) y_e over the row's entries, w = c − 1 (plus c·p when `withPreference`, for
 * the right-hand side). Each entry's dot keeps four sums; its axpy is unrolled to match.
 */
function addRankOneTerms(
  m: Csr, start: number, end: number, other: Float32Array, v: Float32Array, out: Float32Array, f: number, sign: number, withPreference: boolean,
): void {
  const { indices, values } = m;
  for (let e = start; e < end; e++) {
    const val = values[e]!, yo = indices[e]! * f;
    const c = Math.abs(val);
    let coef = sign * (c - 1) * dot(other, yo, v, 0, f);
    if (withPreference && val > 0) coef += c;
    if (coef === 0) continue;
    let k = 0;
    for (; k + 3 < f; k += 4) {
      out[k]! += coef * other[yo + k]!;
      out[k + 1]! += coef * other[yo + k + 1]!;
      out[k + 2]! += coef * other[yo + k + 2]!;
      out[k + 3]! += coef * other[yo + k + 3]!;
    }
    for (; k < f; k++) out[k]! += coef * other[yo + k]!;
  }
}

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
  addRankOneTerms(m, start, end, other, x, r, f, -1, true);
  p.set(r);
  let rsOld = dot(r, 0, r, 0, f);
  for (let it = 0; it < steps && rsOld > RESIDUAL_EPS; it++) {
    matVec(gramReg, p, ap, f);
    addRankOneTerms(m, start, end, other, p, ap, f, 1, false);
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
