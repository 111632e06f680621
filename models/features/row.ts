// Lays out one feature row from FeatureInputs in spec order: raw dense values, hashed ids and the
// position input. Training and serving both call featureRow, so the two cannot drift apart.
import { featureConfig } from './config.js';
import { EXTRACTORS } from './dense.js';
import { bucketOf } from './hash.js';
import type { FeatureInputs } from './inputs.js';
import { DENSE_DIM, DENSE_FEATURES, DENSE_OFFSET, ID_SLOTS, type IdSlotName } from './spec.js';

export type FeatureRow = {
  /** Raw (not yet normalised) dense values, DENSE_DIM wide; see normalise.ts. */
  dense: Float32Array;
  ids: Int32Array;
  position: number;
};

const ID_VALUE: Record<IdSlotName, (x: FeatureInputs) => string | undefined> = {
  user_id: (x) => x.user.user_id,
  video_id: (x) => x.video.video_id,
  creator_id: (x) => x.video.creator_id,
  category: (x) => x.video.category,
  region: (x) => x.ctx.region ?? x.user.region,
  language: (x) => x.user.language,
};

export function denseRow(x: FeatureInputs, out = new Float32Array(DENSE_DIM)): Float32Array {
  for (const f of DENSE_FEATURES) EXTRACTORS[f.name](x, out, DENSE_OFFSET[f.name]);
  return out;
}

/** Bucket per id slot; an absent value (unknown language...) maps to bucket 0 of its table. */
export function idRow(x: FeatureInputs, out = new Int32Array(ID_SLOTS.length)): Int32Array {
  ID_SLOTS.forEach((s, i) => {
    const v = ID_VALUE[s.name](x);
    out[i] = v === undefined ? 0 : bucketOf(v, s.buckets);
  });
  return out;
}

/** Training keeps the real position; serving ranks every candidate as if shown at servingPosition. */
export function featureRow(x: FeatureInputs, mode: 'training' | 'serving'): FeatureRow {
  return { dense: denseRow(x), ids: idRow(x), position: mode === 'serving' ? featureConfig.servingPosition : x.position };
}
