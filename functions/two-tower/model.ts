// The trained two-tower model at serving time: user and item vectors from raw catalogue and profile
// data through the same hashing, gathers and MLPs as training (TS kernels, plain buffers).
import { tsKernels } from '../../models/train/kernels-ts.js';
import type { User, Video } from '../../models/schemas.js';
import type { TwoTowerShape } from './config.js';
import { encodeModel } from './codec.js';
import { categoryIndexer, creatorRow, itemDense, profileRows, writeShares } from './features.js';
import { knownIds } from './known-ids.js';
import { inferenceActs } from './layout.js';
import { denseViews, tableViews } from './params.js';
import { createPass } from './pass.js';
import { ITEM_DENSE, ITEM_SLOTS, sharesWidth } from './rows.js';

export interface TwoTowerModel {
  dims: number;
  shape: TwoTowerShape;
  /**
   * L2-normalised user vector. `history` = watched video ids, newest first (ids training never saw are
   * skipped); `categoryShares` = the user's category distribution (see categoryShares()), absent = unknown.
   */
  userVector(user: User | undefined, history: readonly string[], categoryShares?: ReadonlyMap<string, number>): Float32Array;
  /** videos.length × dims, row-major, L2-normalised; freshness is measured at `nowMs`. */
  itemVectors(videos: readonly Video[], nowMs: number): Float32Array;
  /** Weights and shape, versioned: loadTwoTower(bytes) restores an identical model. */
  toBytes(): Uint8Array;
}

const ROWS_PER_CHUNK = 256;

export function createModel(shape: TwoTowerShape, denseFlat: Float32Array, tableFlat: Float32Array, owners: Uint32Array): TwoTowerModel {
  const act = inferenceActs(shape, ROWS_PER_CHUNK);
  const pass = createPass(shape, tsKernels, denseViews(shape, denseFlat), tableViews(shape, tableFlat), act);
  const known = knownIds(shape.idBuckets, owners);
  const catIndex = categoryIndexer(shape), C = sharesWidth(shape), N = shape.historyLength, d = shape.dims, b = act.batch;

  function userVector(user: User | undefined, history: readonly string[], shares?: ReadonlyMap<string, number>) {
    b.profile.set(profileRows(user, shape.profileBuckets), 0);
    const rows = history.map((id) => known.knownRow(id)).filter((r) => r >= 0).slice(0, N);
    b.hist.fill(-1, 0, N);
    b.hist.set(rows, 0);
    writeShares(shares, catIndex, b.shares, 0, C);
    return pass.forwardUsers(1).slice(0, d);
  }

  function itemVectors(videos: readonly Video[], nowMs: number) {
    const out = new Float32Array(videos.length * d);
    for (let at = 0; at < videos.length; at += ROWS_PER_CHUNK) {
      const rows = Math.min(ROWS_PER_CHUNK, videos.length - at);
      for (let i = 0; i < rows; i++) {
        const v = videos[at + i]!;
        b.item.set([known.row(v.video_id), catIndex(v.category), creatorRow(v.creator_id, shape.creatorBuckets)], i * ITEM_SLOTS);
        b.itemDense.set(itemDense(v, nowMs), i * ITEM_DENSE);
      }
      out.set(pass.forwardItems(rows).subarray(0, rows * d), at * d);
    }
    return out;
  }

  return { dims: d, shape, userVector, itemVectors, toBytes: () => encodeModel(shape, denseFlat, tableFlat, owners) };
}
