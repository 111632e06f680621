// The two towers' parameters as views over flat buffers (one for dense layers so Adam runs in one loop,
// one for the embedding tables), in the order they are serialised.
import type { Dense } from '../../models/train/dense.js';
import type { Rng } from '../../models/train/rng.js';
import { itemWidth, userWidth, type TwoTowerShape } from './config.js';
import { TwoTowerBytesError } from './errors.js';

export type TowerDense = { user: Dense[]; item: Dense[] };
/**
 * Embedding tables: item ids, profile fields, categories, creators. The id table is shared by the history
 * pool and the item tower: an item learns both from being chosen and from preceding other choices, and
 * a user's history lands in the same space as the candidates (one table's memory, not two).
 */
export type Tables = { id: Float32Array; profile: Float32Array; category: Float32Array; creator: Float32Array };
export const TABLES = ['id', 'profile', 'category', 'creator'] as const;

const mlp = (inDim: number, s: TwoTowerShape) => [[inDim, s.hidden], [s.hidden, s.dims]] as const;
const shapes = (s: TwoTowerShape) => ({ user: mlp(userWidth(s), s), item: mlp(itemWidth(s), s) });

export const denseParamCount = (s: TwoTowerShape) =>
  [...shapes(s).user, ...shapes(s).item].reduce((n, [i, o]) => n + i * o + o, 0);

export function denseViews(s: TwoTowerShape, flat: Float32Array): TowerDense {
  if (flat.length !== denseParamCount(s)) throw new TwoTowerBytesError(`dense buffer has ${flat.length} floats, need ${denseParamCount(s)}`);
  let at = 0;
  const take = (n: number) => flat.subarray(at, (at += n));
  const dense = ([inDim, outDim]: readonly [number, number]): Dense => ({ inDim, outDim, W: take(inDim * outDim), b: take(outDim) });
  return { user: shapes(s).user.map(dense), item: shapes(s).item.map(dense) };
}

/** Rows × width of each table. */
export const tableShapes = (s: TwoTowerShape): Record<keyof Tables, [number, number]> => ({
  id: [s.idBuckets, s.idDim],
  profile: [s.profileBuckets, s.fieldDim],
  category: [s.categories.length + 1, s.fieldDim],
  creator: [s.creatorBuckets, s.fieldDim],
});

export const tableParamCount = (s: TwoTowerShape) => TABLES.reduce((n, t) => n + tableShapes(s)[t][0] * tableShapes(s)[t][1], 0);

export function tableViews(s: TwoTowerShape, flat: Float32Array): Tables {
  if (flat.length !== tableParamCount(s)) throw new TwoTowerBytesError(`table buffer has ${flat.length} floats, need ${tableParamCount(s)}`);
  let at = 0;
  const views = TABLES.map((t) => flat.subarray(at, (at += tableShapes(s)[t][0] * tableShapes(s)[t][1])));
  return { id: views[0]!, profile: views[1]!, category: views[2]!, creator: views[3]! };
}

/** He-normal hidden layers, LeCun-normal output layers, zero biases, small random embeddings. */
export function initParams(d: TowerDense, tableFlat: Float32Array, rng: Rng) {
  for (const layers of [d.user, d.item]) {
    layers.forEach((p, l) => {
      const sd = Math.sqrt((l === layers.length - 1 ? 1 : 2) / p.inDim);
      for (let i = 0; i < p.W.length; i++) p.W[i] = rng.normal() * sd;
      p.b.fill(0);
    });
  }
  for (let i = 0; i < tableFlat.length; i++) tableFlat[i] = rng.normal() * 0.05;
}
