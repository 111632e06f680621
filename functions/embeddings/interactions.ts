// Sparse user×item confidence matrix for implicit ALS (Hu, Koren & Volinsky 2008), in CSR for the
// user step and its transpose for the item step. No installed package builds CSR from triples.
import { InteractionIndexError } from './errors.js';

/** Confidence scale: c = 1 + alpha·|w|. 40 is the value the paper found best on TV-watching data. */
export const DEFAULT_ALPHA = 40;

/** Compressed sparse rows; `values` holds a SIGNED confidence: +c where preference p = 1, −c where p = 0. */
export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array; // length rows + 1
  indices: Int32Array; // column of each entry, ascending within a row
  values: Float32Array;
}

export interface InteractionMatrix {
  /** Rows are users, columns items. */
  users: Csr;
  /** Rows are items, columns users (the transpose, same entries). */
  items: Csr;
}

export interface Interaction {
  user: number;
  item: number;
  weight: number;
}

/**
 * Sums duplicate (user, item) weights, then: summed w > 0 → p = 1 with c = 1 + alpha·w; summed w < 0
 * (dislikes, skips outweighing views) → p = 0 with c = 1 + alpha·|w|, i.e. a confident "not wanted";
 * summed w = 0 → dropped (same as never seen: p = 0, c = 1).
 */
export function buildInteractions(
  triples: Iterable<Interaction>,
  shape: { users: number; items: number },
  alpha = DEFAULT_ALPHA,
): InteractionMatrix {
  const sums = new Map<number, number>(); // key = user * items + item (exact below 2^53)
  for (const { user, item, weight } of triples) {
    if (!(user >= 0 && user < shape.users && item >= 0 && item < shape.items) || !Number.isInteger(user + item))
      throw new InteractionIndexError(`interaction (${user}, ${item}) outside ${shape.users}×${shape.items}`);
    const key = user * shape.items + item;
    sums.set(key, (sums.get(key) ?? 0) + weight);
  }
  const rowsOf = new Int32Array(sums.size);
  const colsOf = new Int32Array(sums.size);
  const vals = new Float32Array(sums.size);
  let n = 0;
  for (const [key, w] of sums) {
    if (w === 0) continue;
    rowsOf[n] = Math.floor(key / shape.items);
    colsOf[n] = key % shape.items;
    vals[n] = Math.sign(w) * (1 + alpha * Math.abs(w));
    n++;
  }
  const users = toCsr(rowsOf.subarray(0, n), colsOf.subarray(0, n), vals.subarray(0, n), shape.users, shape.items);
  return { users, items: transpose(users) };
}

/** Counting sort of COO entries into CSR; columns end up ascending because entries are placed in column order. */
function toCsr(r: Int32Array, c: Int32Array, v: Float32Array, rows: number, cols: number): Csr {
  const byCol = sortedOrder(c, cols);
  const indptr = new Int32Array(rows + 1);
  for (let k = 0; k < r.length; k++) indptr[r[k]! + 1]!++;
  for (let i = 0; i < rows; i++) indptr[i + 1]! += indptr[i]!;
  const next = indptr.slice(0, rows);
  const indices = new Int32Array(r.length);
  const values = new Float32Array(r.length);
  for (const k of byCol) {
    const at = next[r[k]!]!++;
    indices[at] = c[k]!;
    values[at] = v[k]!;
  }
  return { rows, cols, indptr, indices, values };
}

function sortedOrder(keys: Int32Array, range: number): Int32Array {
  const start = new Int32Array(range + 1);
  for (const k of keys) start[k + 1]!++;
  for (let i = 0; i < range; i++) start[i + 1]! += start[i]!;
  const order = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k++) order[start[keys[k]!]!++] = k;
  return order;
}

export function transpose(m: Csr): Csr {
  const rowOf = new Int32Array(m.indices.length);
  for (let i = 0; i < m.rows; i++) rowOf.fill(i, m.indptr[i]!, m.indptr[i + 1]!);
  return toCsr(m.indices, rowOf, m.values, m.cols, m.rows);
}
