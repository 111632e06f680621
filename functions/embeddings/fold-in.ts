// Fold-in: solve only some users' rows against fixed item factors, the step an incremental rebuild runs
// for users with new events (Hu, Koren & Volinsky 2008 §4: a user's vector is one least-squares solve).
import { solveRows } from './als.js';
import { cgScratch } from './cg-solve.js';
import { InteractionIndexError } from './errors.js';
import type { Csr } from './interactions.js';
import { gram } from './linalg.js';

/** CG steps for a fold-in: more than training's 3, since a new user has no warm start to refine. */
export const FOLD_IN_CG_STEPS = 12;

export interface FoldInOptions {
  factors: number;
  /** λ: the same ridge the item factors were trained with. */
  regularization: number;
  cgSteps?: number;
  /** rows.rows × factors starting vectors (e.g. the users' previous vectors); zeros when absent. */
  init?: Float32Array;
  /** YᵀY + λI of itemFactors, when the caller folds in several batches against the same items. */
  gramReg?: Float32Array;
}

/** Returns rows.rows × factors user vectors, row k solved from rows' row k (columns index itemFactors). */
export function foldInUsers(rows: Csr, itemFactors: Float32Array, o: FoldInOptions): Float32Array {
  const f = o.factors;
  if (itemFactors.length !== rows.cols * f)
    throw new InteractionIndexError(`item factors hold ${itemFactors.length / f} rows, the user rows have ${rows.cols} columns`);
  const out = new Float32Array(rows.rows * f);
  if (o.init) out.set(o.init.subarray(0, out.length));
  const g = o.gramReg ?? gram(itemFactors, rows.cols, f, o.regularization);
  solveRows(rows, 0, rows.rows, out, itemFactors, g, f, o.cgSteps ?? FOLD_IN_CG_STEPS, cgScratch(f));
  return out;
}

/** The sub-matrix of `m` holding only `rowIds` (in that order), e.g. the users with new events. */
export function selectRows(m: Csr, rowIds: ArrayLike<number>): Csr {
  const indptr = new Int32Array(rowIds.length + 1);
  for (let k = 0; k < rowIds.length; k++) {
    const r = rowIds[k]!;
    if (!(r >= 0 && r < m.rows)) throw new InteractionIndexError(`row ${r} outside 0..${m.rows - 1}`);
    indptr[k + 1] = indptr[k]! + m.indptr[r + 1]! - m.indptr[r]!;
  }
  const indices = new Int32Array(indptr[rowIds.length]!), values = new Float32Array(indices.length);
  for (let k = 0; k < rowIds.length; k++) {
    const r = rowIds[k]!;
    indices.set(m.indices.subarray(m.indptr[r]!, m.indptr[r + 1]!), indptr[k]!);
    values.set(m.values.subarray(m.indptr[r]!, m.indptr[r + 1]!), indptr[k]!);
  }
  return { rows: rowIds.length, cols: m.cols, indptr, indices, values };
}
