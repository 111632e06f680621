// One pass over the event log: time-decayed engagement per video (per region and global) and each
// user's category profile and watched set. Pure: events in, aggregates out; the job does the I/O.
import { watchRatio, type Event, type User, type Video } from '../../models/schemas.js';
import { decayFactor, engagement } from './engagement.js';

export type UserProfile = {
  categories: Map<string, number>;
  /** Everything the user viewed or engaged with: never recommended again. */
  watched: Set<string>;
  views: number;
  /** Sum of watch ratios over views: mean completion = sumWatchRatio / views. */
  sumWatchRatio: number;
  /** Videos the user engaged with positively, oldest first, at most RECENT_MAX (item-to-item seeds). */
  recent: string[];
  followed: Set<string>;
  disliked: Set<string>;
  /** Days (UTC day numbers) with at least one event. */
  activeDays: Set<number>;
  lastTs: number;
};
/** Recent positive engagements kept per user. */
export const RECENT_MAX = 30;
/** A view counts as a positive engagement (an item-to-item seed) from this watch ratio up. */
export const POSITIVE_VIEW_RATIO = 0.5;
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
  if (e.type === 'impression') return;
  let p = agg.users.get(e.user_id);
  if (!p) agg.users.set(e.user_id, (p = newProfile()));
  p.activeDays.add(Math.floor(e.ts / 86_400_000));
  p.lastTs = Math.max(p.lastTs, e.ts);
  if (e.type === 'follow') p.followed.add(video.creator_id);
  if (e.type === 'dislike') p.disliked.add(e.video_id);
  if (e.type === 'view' || e.type === 'like' || e.type === 'share' || e.type === 'comment') {
    p.watched.add(e.video_id);
    const ratio = e.type === 'view' ? (watchRatio(e) ?? 0) : 1;
    if (e.type === 'view') {
      p.views++;
      p.sumWatchRatio += ratio;
    }
    add(p.categories, video.category, Math.max(0, engagement(e)));
    if (ratio >= POSITIVE_VIEW_RATIO) pushRecent(p.recent, e.video_id);
  }
}

export const newProfile = (): UserProfile => ({
  categories: new Map(),
  watched: new Set(),
  views: 0,
  sumWatchRatio: 0,
  recent: [],
  followed: new Set(),
  disliked: new Set(),
  activeDays: new Set(),
  lastTs: -Infinity,
});

function pushRecent(recent: string[], id: string) {
  const at = recent.indexOf(id);
  if (at >= 0) recent.splice(at, 1);
  recent.push(id);
  if (recent.length > RECENT_MAX) recent.shift();
}
