// Training examples from time-ordered positives: each positive becomes one row whose user side is built
// only from that user's earlier positives (point in time), and the model's shape is fixed from the data.
import type { User, Video } from '../../models/schemas.js';
import { bucketsFor, FIELD_DIM, HIDDEN, PROFILE_BUCKETS, type TwoTowerOptions, type TwoTowerShape } from './config.js';
import { TwoTowerInputError } from './errors.js';
import { categoryIndexer, creatorRow, itemDense, profileRows } from './features.js';
import { knownIds, type KnownIds } from './known-ids.js';
import { allocRows, ITEM_DENSE, ITEM_SLOTS, PROFILE_SLOTS, sharesWidth, type TowerRows } from './rows.js';

export type Positive = { user_id: string; video_id: string; ts: number; weight?: number };
export type TwoTowerTrainInput = {
  videos: ReadonlyMap<string, Video>;
  users: ReadonlyMap<string, User>;
  /** In time order; the history of each positive is its user's earlier positives. */
  positives: Positive[];
  /** End of the training window: a positive after it is an input error. */
  nowMs: number;
};

/** Most frequent categories kept in the vocabulary; the rest share index 0 ("other"). */
export const MAX_CATEGORIES = 64;

export type Examples = { shape: TwoTowerShape; rows: TowerRows; known: KnownIds; skipped: number };

export function buildExamples(input: TwoTowerTrainInput, o: TwoTowerOptions): Examples {
  const usable = input.positives.filter((p) => input.videos.has(p.video_id));
  usable.forEach((p, i) => {
    if (i > 0 && p.ts < usable[i - 1]!.ts) throw new TwoTowerInputError(`positive ${i} is earlier than the one before: positives must be in time order`);
    if (p.ts > input.nowMs) throw new TwoTowerInputError(`positive ${i} is after nowMs`);
  });
  if (usable.length < o.batchSize) throw new TwoTowerInputError(`${usable.length} usable positives, fewer than one batch of ${o.batchSize}`);
  const video = (id: string) => input.videos.get(id)!;
  const count = <K>(keys: K[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
  const itemCounts = count(usable.map((p) => p.video_id));
  const catCounts = count(usable.map((p) => video(p.video_id).category));
  const categories = [...catCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CATEGORIES).map(([c]) => c);
  const creators = new Set([...input.videos.values()].map((v) => v.creator_id));
  const shape: TwoTowerShape = {
    dims: o.dims, historyLength: o.historyLength, idDim: o.dims, fieldDim: FIELD_DIM, hidden: HIDDEN,
    idBuckets: bucketsFor(itemCounts.size), profileBuckets: PROFILE_BUCKETS, creatorBuckets: bucketsFor(creators.size), categories,
  };
  const known = knownIds(shape.idBuckets);
  for (const id of itemCounts.keys()) known.add(id);
  const catIndex = categoryIndexer(shape), C = sharesWidth(shape), N = o.historyLength;
  const keyOf = new Map([...itemCounts.keys()].map((id, k) => [id, k]));
  const rows = allocRows(shape, usable.length);
  // Per user: earlier positives' id rows (newest last) and category counts, advanced as we walk in time.
  const past = new Map<string, { ids: number[]; cats: Float64Array; n: number }>();
  usable.forEach((p, i) => {
    const v = video(p.video_id);
    let u = past.get(p.user_id);
    if (!u) past.set(p.user_id, (u = { ids: [], cats: new Float64Array(C), n: 0 }));
    rows.profile.set(profileRows(input.users.get(p.user_id), shape.profileBuckets), i * PROFILE_SLOTS);
    for (let s = 0; s < Math.min(N, u.ids.length); s++) rows.hist[i * N + s] = u.ids[u.ids.length - 1 - s]!;
    if (u.n > 0) for (let c = 0; c < C; c++) rows.shares[i * C + c] = u.cats[c]! / u.n;
    rows.item.set([known.row(p.video_id), catIndex(v.category), creatorRow(v.creator_id, shape.creatorBuckets)], i * ITEM_SLOTS);
    // Freshness as it was when the item was chosen; serving measures it at its own nowMs.
    rows.itemDense.set(itemDense(v, p.ts), i * ITEM_DENSE);
    rows.keys[i] = keyOf.get(p.video_id)!;
    rows.logq[i] = Math.log(itemCounts.get(p.video_id)! / usable.length);
    rows.weights[i] = p.weight ?? 1;
    u.ids.push(known.row(p.video_id));
    if (u.ids.length > 2 * N) u.ids.splice(0, N);
    u.cats[catIndex(v.category)]!++;
    u.n++;
  });
  return { shape, rows, known, skipped: input.positives.length - usable.length };
}
