// Combines hourly trending buckets into one decayed score per video, as the central job's exponential
// time decay does (half-life in hours). A bucket counts as if all its events happened at its midpoint.
import type { TrendingScore } from '../stores/realtime-store.js';
import { TRENDING_BUCKET_SECONDS } from './limits.js';

export type TrendingBucket = { hour: number; counts: ReadonlyMap<string, number> };

const BUCKET_MS = TRENDING_BUCKET_SECONDS * 1000;

/** The UTC hour numbers of the last `hours` buckets, newest first (the current hour included). */
export const recentHours = (nowMs: number, hours: number): number[] => {
  const current = Math.floor(nowMs / BUCKET_MS);
  return Array.from({ length: Math.max(0, Math.floor(hours)) }, (_, i) => current - i);
};

export const bucketDecay = (hour: number, nowMs: number, halfLifeHours: number): number => {
  const ageMs = Math.max(0, nowMs - (hour * BUCKET_MS + BUCKET_MS / 2));
  return Math.pow(2, -ageMs / (halfLifeHours * 3_600_000));
};

/** Videos with a positive decayed score, best first (ties by id, so the order is reproducible). */
export function decayTrending(buckets: readonly TrendingBucket[], nowMs: number, halfLifeHours: number, limit = Infinity): TrendingScore[] {
  const scores = new Map<string, number>();
  for (const b of buckets) {
    const f = bucketDecay(b.hour, nowMs, halfLifeHours);
    for (const [id, n] of b.counts) scores.set(id, (scores.get(id) ?? 0) + n * f);
  }
  return [...scores]
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([video_id, score]) => ({ video_id, score }));
}
