// Lays out one feature row from FeatureInputs in spec order: raw dense values, hashed ids and the
// position input. Training and serving both call featureRow, so the two cannot drift apart.
import { featureConfig } from './config.js';
import { EXTRACTORS } from './dense.js';
import { bucketOf } from './hash.js';
import type { FeatureInputs } from './inputs.js';
import { DENSE_DIM, DENSE_FEATURES, DENSE_OFFSET, ID_SLOTS, type FeatureGroup, type IdSlotName } from './spec.js';

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

/** Groups whose features read only the user, the time and the request, never the video. */
const USER_SIDE: ReadonlySet<FeatureGroup> = new Set(['user', 'behaviour', 'context']);
const userSide = DENSE_FEATURES.filter((f) => USER_SIDE.has(f.group));
const itemSide = DENSE_FEATURES.filter((f) => !USER_SIDE.has(f.group));

/**
 * Dense rows of many videos for one user at one time, each equal to denseRow's: the user-side columns
 * are extracted once and copied. `row(i)` gives each row's input; `each` gets the reused raw row.
 */
export function userDenseRows(count: number, row: (i: number) => FeatureInputs, each: (raw: Float32Array, i: number) => void): void {
  if (count === 0) return;
  const template = new Float32Array(DENSE_DIM);
  const first = row(0);
  for (const f of userSide) EXTRACTORS[f.name](first, template, DENSE_OFFSET[f.name]);
  const raw = new Float32Array(DENSE_DIM);
  for (let i = 0; i < count; i++) {
    const x = i === 0 ? first : row(i);
    raw.set(template);
    for (const f of itemSide) EXTRACTORS[f.name](x, raw, DENSE_OFFSET[f.name]);
    each(raw, i);
  }
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
