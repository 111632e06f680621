// The two towers' raw inputs, shared by training and serving so both hash and scale identically.
import { fnv1a32 } from '../../models/features/hash.js';
import type { User, Video } from '../../models/schemas.js';
import type { TwoTowerShape } from './config.js';

const HOUR_MS = 3_600_000;
/** log1p(seconds or hours) is at most ~11 for a day-long video or a year-old upload: /4 keeps it near 1. */
const LOG_SCALE = 4;

/** Row 0 of the id table is the learned "unknown" row; hashed ids use rows 1..buckets-1. */
export const UNKNOWN_ID_ROW = 0;
export const idRow = (videoId: string, buckets: number) => 1 + (fnv1a32(videoId) % (buckets - 1));

/** Region, device and language rows of the shared profile table (a missing user hashes as "?"). */
export function profileRows(user: User | undefined, buckets: number): [number, number, number] {
  const row = (field: string, v: string | undefined) => fnv1a32(`${field}:${v ?? '?'}`) % buckets;
  return [row('region', user?.region), row('device', user?.device), row('language', user?.language)];
}

export const creatorRow = (creatorId: string, buckets: number) => fnv1a32(`creator:${creatorId}`) % buckets;

/** log(1 + duration s) and log(1 + age h) at `atMs`, scaled; an upload in the future counts as age 0. */
export function itemDense(v: Pick<Video, 'duration_sec' | 'upload_ts'>, atMs: number): [number, number] {
  const ageHours = Math.max(0, atMs - v.upload_ts) / HOUR_MS;
  return [Math.log1p(v.duration_sec) / LOG_SCALE, Math.log1p(ageHours) / LOG_SCALE];
}

/** Category index of the model's vocabulary; 0 for a category training never saw. */
export function categoryIndexer(s: Pick<TwoTowerShape, 'categories'>): (category: string) => number {
  const at = new Map(s.categories.map((c, i) => [c, i + 1]));
  return (c) => at.get(c) ?? 0;
}

/** Share of each category among the given videos (unknown ids skipped): the user tower's dense taste input. */
export function categoryShares(videoIds: Iterable<string>, videos: ReadonlyMap<string, Pick<Video, 'category'>>): Map<string, number> {
  const counts = new Map<string, number>();
  let n = 0;
  for (const id of videoIds) {
    const c = videos.get(id)?.category;
    if (c === undefined) continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    n++;
  }
  return new Map([...counts].map(([c, k]) => [c, k / n]));
}

/** Writes shares into `out[0..categories]` by vocabulary index (unknown categories pool at 0). */
export function writeShares(shares: ReadonlyMap<string, number> | undefined, index: (c: string) => number, out: Float32Array, at: number, width: number) {
  out.fill(0, at, at + width);
  if (shares) for (const [c, s] of shares) out[at + index(c)]! += s;
}
