// One batch through both towers: gather embeddings into each tower's input, run the MLPs, and on the
// way back scatter input gradients into row-sparse table gradients (merged per table for lazy Adam).
import type { Arena } from '../../models/train/arena.js';
import type { Kernels } from '../../models/train/backend.js';
import { embeddingBackward, embeddingForward, type SparseGrad } from '../../models/train/embedding.js';
import { mergeSparse } from '../../models/train/sparse-reduce.js';
import { itemWidth, userWidth, type TwoTowerShape } from './config.js';
import { poolBackward, poolForward } from './history-pool.js';
import type { Tables, TowerDense } from './params.js';
import { allocRows, ITEM_DENSE, ITEM_SLOTS, PROFILE_SLOTS, sharesWidth } from './rows.js';
import { allocTower, towerBackward, towerForward } from './tower.js';

export type PassActs = ReturnType<typeof allocActs>;

export function allocActs(a: Arena, s: TwoTowerShape, maxRows: number) {
  const sparse = (dim: number, cap: number): SparseGrad => ({ dim, rows: a.i32(cap), grads: a.f32(cap * dim), count: a.i32(1) });
  const B = maxRows, N = s.historyLength, f = s.fieldDim;
  const acts = {
    batch: allocRows(s, B, a),
    user: allocTower(a, userWidth(s), s.hidden, s.dims, B),
    item: allocTower(a, itemWidth(s), s.hidden, s.dims, B),
    scores: a.f32(B * B),
    slotGrads: {
      profile: Array.from({ length: PROFILE_SLOTS }, () => sparse(f, B)),
      idItem: sparse(s.idDim, B), idHist: sparse(s.idDim, B * N), category: sparse(f, B), creator: sparse(f, B),
    },
    /** Merged per table, in TABLES order: id, profile, category, creator. */
    tableGrads: [] as SparseGrad[],
  };
  const sg = acts.slotGrads;
  // Category and creator have one slot each: their slot gradient is already the table gradient.
  acts.tableGrads = [sparse(s.idDim, B + B * N), sparse(f, PROFILE_SLOTS * B), sg.category, sg.creator];
  return acts;
}

export function createPass(s: TwoTowerShape, be: Kernels, p: TowerDense, t: Tables, act: PassActs) {
  const N = s.historyLength, f = s.fieldDim, E = s.idDim, C = sharesWidth(s);
  const UW = userWidth(s), IW = itemWidth(s), b = act.batch;

  function forwardUsers(rows: number): Float32Array {
    const x = act.user.x;
    for (let k = 0; k < PROFILE_SLOTS; k++) embeddingForward(t.profile, f, b.profile, k, PROFILE_SLOTS, x, UW, k * f, rows);
    poolForward(t.id, E, b.hist, N, x, UW, PROFILE_SLOTS * f, rows);
    for (let i = 0; i < rows; i++) x.set(b.shares.subarray(i * C, i * C + C), i * UW + PROFILE_SLOTS * f + E);
    towerForward(be, p.user, act.user, rows);
    return act.user.out;
  }

  function forwardItems(rows: number): Float32Array {
    const x = act.item.x;
    embeddingForward(t.id, E, b.item, 0, ITEM_SLOTS, x, IW, 0, rows);
    embeddingForward(t.category, f, b.item, 1, ITEM_SLOTS, x, IW, E, rows);
    embeddingForward(t.creator, f, b.item, 2, ITEM_SLOTS, x, IW, E + f, rows);
    for (let i = 0; i < rows; i++) x.set(b.itemDense.subarray(i * ITEM_DENSE, i * ITEM_DENSE + ITEM_DENSE), i * IW + E + 2 * f);
    towerForward(be, p.item, act.item, rows);
    return act.item.out;
  }

  /** From act.user.dOut and act.item.dOut: dense gradients into `g`, table gradients into act.tableGrads. */
  function backward(g: TowerDense, rows: number) {
    towerBackward(be, p.user, g.user, act.user, rows);
    towerBackward(be, p.item, g.item, act.item, rows);
    const sg = act.slotGrads, du = act.user.dx, di = act.item.dx;
    sg.profile.forEach((o, k) => embeddingBackward(o, b.profile, k, PROFILE_SLOTS, du, UW, k * f, rows));
    poolBackward(sg.idHist, b.hist, N, du, UW, PROFILE_SLOTS * f, rows);
    embeddingBackward(sg.idItem, b.item, 0, ITEM_SLOTS, di, IW, 0, rows);
    embeddingBackward(sg.category, b.item, 1, ITEM_SLOTS, di, IW, E, rows);
    embeddingBackward(sg.creator, b.item, 2, ITEM_SLOTS, di, IW, E + f, rows);
    mergeSparse([[sg.idItem], [sg.idHist]], [act.tableGrads[0]!]);
    mergeSparse(sg.profile.map((o) => [o]), [act.tableGrads[1]!]);
  }

  return { act, forwardUsers, forwardItems, backward };
}
