// Per-video and per-creator engagement counts from one pass over the log, reported as rates smoothed
// toward the catalogue-wide rate (Bayesian pseudo-counts), so a video seen twice is neither 0 nor 1.
import { watchRatio, type Event, type Video } from '../../models/schemas.js';

type Counts = { impressions: number; views: number; sumWatchRatio: number; likes: number; shares: number; comments: number; dislikes: number; follows: number };
export const newCounts = (): Counts => ({ impressions: 0, views: 0, sumWatchRatio: 0, likes: 0, shares: 0, comments: 0, dislikes: 0, follows: 0 });

export type EngagementCounts = { videos: Map<string, Counts>; creators: Map<string, Counts>; total: Counts };
export const newEngagementCounts = (): EngagementCounts => ({ videos: new Map(), creators: new Map(), total: newCounts() });

/** Pseudo-counts: how many impressions (views for per-view rates) the prior is worth. */
export const SMOOTHING = { impressions: 50, views: 20 } as const;

export function countEvent(c: EngagementCounts, e: Event, video: Video): void {
  let v = c.videos.get(e.video_id);
  if (!v) c.videos.set(e.video_id, (v = newCounts()));
  let cr = c.creators.get(video.creator_id);
  if (!cr) c.creators.set(video.creator_id, (cr = newCounts()));
  for (const x of [v, cr, c.total]) {
    switch (e.type) {
      case 'impression': x.impressions++; break;
      case 'view': x.views++; x.sumWatchRatio += watchRatio(e) ?? Math.min(1, (e.watch_time_sec ?? 0) / video.duration_sec); break;
      case 'like': x.likes++; break;
      case 'share': x.shares++; break;
      case 'comment': x.comments++; break;
      case 'dislike': x.dislikes++; break;
      case 'follow': x.follows++; break;
      default:
    }
  }
}

export type EngagementRates = {
  impressions: number;
  views: number;
  view_rate: number;
  mean_watch_ratio: number;
  like_rate: number;
  share_rate: number;
  comment_rate: number;
  dislike_rate: number;
};

const smooth = (hits: number, trials: number, prior: number, pseudo: number) => (hits + prior * pseudo) / (trials + pseudo);
const ratio = (a: number, b: number, fallback: number) => (b > 0 ? a / b : fallback);

/** Rates of one entity, shrunk toward the totals' rates. */
export function rates(x: Counts, total: Counts): EngagementRates {
  const P = SMOOTHING;
  // Views can exceed logged impressions (views from outside the feed): clamp the base.
  const shown = Math.max(x.impressions, x.views);
  const totalShown = Math.max(total.impressions, total.views);
  const r = (n: number, t: number, tn: number, tt: number, pseudo: number) => round(smooth(n, t, ratio(tn, tt, 0), pseudo));
  return {
    impressions: x.impressions,
    views: x.views,
    view_rate: r(x.views, shown, total.views, totalShown, P.impressions),
    mean_watch_ratio: r(x.sumWatchRatio, x.views, total.sumWatchRatio, total.views, P.views),
    like_rate: r(x.likes, x.views, total.likes, total.views, P.views),
    share_rate: r(x.shares, x.views, total.shares, total.views, P.views),
    comment_rate: r(x.comments, x.views, total.comments, total.views, P.views),
    dislike_rate: r(x.dislikes, shown, total.dislikes, totalShown, P.impressions),
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
