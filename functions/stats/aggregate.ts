// One pass over the event log: time-decayed engagement per video (per region and global) and each
// user's category profile and watched set. Pure: events in, aggregates out; the job does the I/O.
import type { Event, User, Video } from '../../models/schemas.js';
import { decayFactor, engagement } from './engagement.js';

export type UserProfile = { categories: Map<string, number>; watched: Set<string>; views: number };
export type Aggregates = {
  /** Decay reference time: sums are in units of "engagement at refMs"; rescale with decayFactor. */
  refMs: number;
  maxTsMs: number;
  /** Slowly decayed engagement: what is popular overall. */
  videoScore: Map<string, number>;
  /** Fast-decayed engagement, overall and per region: what is trending now. */
  globalTrend: Map<string, number>;
  regionTrend: Map<string, Map<string, number>>;
  users: Map<string, UserProfile>;
  events: number;
  skippedUnknownVideo: number;
};

export function newAggregates(): Aggregates {
  return { refMs: NaN, maxTsMs: -Infinity, videoScore: new Map(), globalTrend: new Map(), regionTrend: new Map(), users: new Map(), events: 0, skippedUnknownVideo: 0 };
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

export type AggregateContext = {
  videos: Map<string, Video>;
  users: Map<string, User>;
  /** Regional trending decays fast; overall popularity slowly. */
  trendingHalfLifeHours: number;
  popularityHalfLifeHours: number;
};

export function addEvent(
  agg: Aggregates,
  e: Event,
  ctx: AggregateContext,
): void {
  const video = ctx.videos.get(e.video_id);
  if (!video) {
    agg.skippedUnknownVideo++;
    return;
  }
  agg.events++;
  if (Number.isNaN(agg.refMs)) agg.refMs = e.ts;
  if (e.ts > agg.maxTsMs) agg.maxTsMs = e.ts;
  const value = engagement(e);
  if (value !== 0) {
    add(agg.videoScore, e.video_id, value * decayFactor(e.ts, agg.refMs, ctx.popularityHalfLifeHours));
    const trend = value * decayFactor(e.ts, agg.refMs, ctx.trendingHalfLifeHours);
    add(agg.globalTrend, e.video_id, trend);
    const region = e.region ?? ctx.users.get(e.user_id)?.region;
    if (region) {
      let m = agg.regionTrend.get(region);
      if (!m) agg.regionTrend.set(region, (m = new Map()));
      add(m, e.video_id, trend);
    }
  }
  if (e.type === 'view' || e.type === 'like' || e.type === 'share' || e.type === 'comment') {
    let p = agg.users.get(e.user_id);
    if (!p) agg.users.set(e.user_id, (p = { categories: new Map(), watched: new Set(), views: 0 }));
    p.watched.add(e.video_id);
    if (e.type === 'view') p.views++;
    add(p.categories, video.category, Math.max(0, engagement(e)));
  }
}
