// ALS fold-in for an incremental run: each changed user's row solved against fixed item vectors
// (the same least-squares step a full iteration takes), with more CG steps than a warm-started
// iteration needs because the solve starts from zero.
import { cgScratch, cgSolveRow } from '../embeddings/cg-solve.js';
import type { Csr } from '../embeddings/interactions.js';
import { gram } from '../embeddings/linalg.js';
import type { Vectors } from '../embeddings/vectors-file.js';

export const FOLD_IN_CG_STEPS = 12;

/** `rows` of `users` (columns in `columnIds` order) → rows.length × dims vectors. */
export function foldInRows(users: Csr, rows: number[], items: Vectors, columnIds: string[], regularization: number): Float32Array {
  const f = items.dims;
  const at = new Map(items.ids.map((id, i) => [id, i]));
  // Item table in the matrix's column order; videos without a vector (new since the parent) are zero.
  const Y = new Float32Array(columnIds.length * f);
  columnIds.forEach((id, c) => {
    const i = at.get(id);
    if (i !== undefined) Y.set(items.data.subarray(i * f, (i + 1) * f), c * f);
  });
  const g = gram(Y, columnIds.length, f, regularization);
  const target = new Float32Array(users.rows * f);
  const s = cgScratch(f);
  for (const row of rows) cgSolveRow(users, row, target, Y, g, f, FOLD_IN_CG_STEPS, s);
  const out = new Float32Array(rows.length * f);
  rows.forEach((row, i) => out.set(target.subarray(row * f, (row + 1) * f), i * f));
  return out;
}
