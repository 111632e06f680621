// From raw feature rows to the MMoE's inputs: dense columns normalised with stats fitted on the
// training slice only, the feed position appended as one more input (position-bias: trained with the
// real position, served at featureConfig.servingPosition), and the ids of the model's embedding slots.
// The user-id slot is dropped: no per-user table ships in a model; users enter through their features.
import { TASKS } from '../../models/candidates.js';
import { featureConfig } from '../../models/features/config.js';
import { normFitter, normalise, type NormStats } from '../../models/features/normalise.js';
import { DENSE_DIM, ID_SLOT_COUNT, ID_SLOTS } from '../../models/features/spec.js';
import type { MmoeConfig } from '../../models/ranker/mmoe-weights.js';
import type { RankerDataset } from './dataset.js';

export const MODEL_SLOTS = ID_SLOTS.map((s, i) => ({ ...s, column: i })).filter((s) => s.name !== 'user_id');
export const MODEL_DENSE_DIM = DENSE_DIM + 1;
/** log1p keeps deep positions from dominating; 0 is the top of the feed. */
export const positionInput = (position: number) => Math.log1p(position);

export const rankerConfig = (o: { numExperts?: number; expertHidden?: number[]; towerHidden?: number[] } = {}): MmoeConfig => ({
  denseDim: MODEL_DENSE_DIM,
  embeddings: MODEL_SLOTS.map((s) => ({ name: s.name, buckets: s.buckets, dim: s.dim })),
  numExperts: o.numExperts ?? 4,
  expertHidden: o.expertHidden ?? [64, 64],
  towerHidden: o.towerHidden ?? [32],
  tasks: TASKS,
});

export function fitStats(train: RankerDataset): NormStats {
  const f = normFitter();
  for (let i = 0; i < train.n; i++) f.add(train.dense.subarray(i * DENSE_DIM, (i + 1) * DENSE_DIM));
  return f.stats();
}

export type ModelRows = { n: number; dense: Float32Array; ids: Int32Array; labels: Float32Array };

/** `position: 'serving'` scores every row as if shown at the serving position (what the edge does). */
export function modelRows(d: RankerDataset, stats: NormStats, position: 'logged' | 'serving' = 'logged'): ModelRows {
  const dense = new Float32Array(d.n * MODEL_DENSE_DIM);
  const ids = new Int32Array(d.n * MODEL_SLOTS.length);
  for (let i = 0; i < d.n; i++) {
    const out = dense.subarray(i * MODEL_DENSE_DIM, (i + 1) * MODEL_DENSE_DIM);
    normalise(d.dense.subarray(i * DENSE_DIM, (i + 1) * DENSE_DIM), stats, out);
    out[DENSE_DIM] = positionInput(position === 'serving' ? featureConfig.servingPosition : d.position[i]!);
    MODEL_SLOTS.forEach((s, k) => (ids[i * MODEL_SLOTS.length + k] = d.ids[i * ID_SLOT_COUNT + s.column]!));
  }
  return { n: d.n, dense, ids, labels: d.labels };
}
