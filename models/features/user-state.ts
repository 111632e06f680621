// Per-user point-in-time state with constant memory: counters, hour/day view windows, a bounded
// category sketch and a bounded user×creator list.
import { featureConfig as cfg } from './config.js';
import type { FeatureInputs } from './inputs.js';
import { TopCounts } from './top-counts.js';
import { WindowCounter } from './window-counter.js';

const HOUR_MS = 3_600_000;

type CreatorLink = { count: number; likes: number; followed: boolean };
export type UserState = {
  impressions: number;
  views: number;
  skips: number;
  sumWatchRatio: number;
  finishedViews: number;
  sumLogDurationFinished: number;
  hourly: WindowCounter;
  daily: WindowCounter;
  categories: TopCounts<{ count: number }>;
  creators: TopCounts<CreatorLink>;
};
export const newUser = (): UserState => ({
  impressions: 0,
  views: 0,
  skips: 0,
  sumWatchRatio: 0,
  finishedViews: 0,
  sumLogDurationFinished: 0,
  hourly: new WindowCounter(24, HOUR_MS),
  daily: new WindowCounter(7, 24 * HOUR_MS),
  categories: new TopCounts(cfg.userTopCategories, () => ({ count: 0 })),
  creators: new TopCounts(cfg.userTopCreators, () => ({ count: 0, likes: 0, followed: false })),
});
/** What the features read of a user's state at `ts`, but for the share of one category (categoryViews: 0). */
export function userStats(u: UserState, ts: number): FeatureInputs['userStats'] {
  const total = u.categories.total();
  let top = 0;
  let entropy = 0;
  for (const e of u.categories.entries.values()) {
    top = Math.max(top, e.count);
    if (e.count > 0) entropy -= (e.count / total) * Math.log(e.count / total);
  }
  return {
    impressions: u.impressions,
    views: u.views,
    skips: u.skips,
    sumWatchRatio: u.sumWatchRatio,
    views24h: u.hourly.sum(ts),
    views7d: u.daily.sum(ts),
    categoryViews: 0,
    topCategoryViews: top,
    categoryEntropy: entropy,
    categoryTotal: total,
    finishedViews: u.finishedViews,
    sumLogDurationFinished: u.sumLogDurationFinished,
  };
}
