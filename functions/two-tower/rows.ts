// Tower inputs as flat typed arrays, one row per example: what the training set stores per positive and
// what serving builds per query. Ids are already table rows (hashing and the unknown-id rule applied).
import type { Arena } from '../../models/train/arena.js';
import type { TwoTowerShape } from './config.js';

/** Per row: 3 profile rows, `historyLength` id rows (-1 empty), category shares, then item id/category/creator rows and 2 dense. */
export type TowerRows = {
  n: number;
  profile: Int32Array; hist: Int32Array; shares: Float32Array;
  item: Int32Array; itemDense: Float32Array;
  /** Per row: item key (equal keys = same video, masked as in-batch negatives), log q, loss weight. */
  keys: Int32Array; logq: Float32Array; weights: Float32Array;
};

export const PROFILE_SLOTS = 3;
export const ITEM_SLOTS = 3;
export const ITEM_DENSE = 2;
export const sharesWidth = (s: TwoTowerShape) => s.categories.length + 1;

type Alloc = { f32(n: number): Float32Array; i32(n: number): Int32Array };
const plainAlloc: Alloc = { f32: (n) => new Float32Array(n), i32: (n) => new Int32Array(n) };

export function allocRows(s: TwoTowerShape, n: number, a: Alloc | Arena = plainAlloc): TowerRows {
  return {
    n,
    profile: a.i32(n * PROFILE_SLOTS), hist: a.i32(n * s.historyLength).fill(-1), shares: a.f32(n * sharesWidth(s)),
    item: a.i32(n * ITEM_SLOTS), itemDense: a.f32(n * ITEM_DENSE),
    keys: a.i32(n), logq: a.f32(n), weights: a.f32(n).fill(1),
  };
}

/** Copies rows `idx[from..from+count)` of `src` into rows 0..count-1 of `dst`. */
export function gatherRows(s: TwoTowerShape, src: TowerRows, idx: ArrayLike<number>, from: number, count: number, dst: TowerRows) {
  const N = s.historyLength, C = sharesWidth(s);
  const copy = <T extends Int32Array | Float32Array>(a: T, b: T, w: number, r: number, i: number) => b.set(a.subarray(r * w, r * w + w) as never, i * w);
  for (let i = 0; i < count; i++) {
    const r = idx[from + i]!;
    copy(src.profile, dst.profile, PROFILE_SLOTS, r, i);
    copy(src.hist, dst.hist, N, r, i);
    copy(src.shares, dst.shares, C, r, i);
    copy(src.item, dst.item, ITEM_SLOTS, r, i);
    copy(src.itemDense, dst.itemDense, ITEM_DENSE, r, i);
    dst.keys[i] = src.keys[r]!;
    dst.logq[i] = src.logq[r]!;
    dst.weights[i] = src.weights[r]!;
  }
}
