// One extractor per dense feature of the spec, keyed by name: the spec decides order and width, and
// the Record type makes a feature without an extractor (or the reverse) a type error.
import { featureConfig as cfg } from './config.js';
import { writeDeviceOneHot } from './device.js';
import type { FeatureInputs } from './inputs.js';
import type { DenseName } from './spec.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const TAU = 2 * Math.PI;

/** Bayesian (beta) smoothing: k pseudo-observations at the prior rate. */
export const smoothed = (hits: number, trials: number, prior: number, k: number) => (hits + k * prior) / (trials + k);
const share = (part: number, total: number) => (total > 0 ? part / total : 0);

type Extract = (x: FeatureInputs, out: Float32Array, at: number) => void;
const one =
  (f: (x: FeatureInputs) => number): Extract =>
  (x, out, at) => {
    out[at] = f(x);
  };
const k = cfg.smoothing;

const accountAgeDays = (x: FeatureInputs) => (x.user.signup_ts === undefined ? undefined : Math.max(0, (x.ts - x.user.signup_ts) / DAY_MS));

export const EXTRACTORS: Record<DenseName, Extract> = {
  user_device: (x, out, at) => writeDeviceOneHot(out, at, x.user.device),
  account_age_days_log: one((x) => Math.log1p(accountAgeDays(x) ?? 0)),
  is_new_user: one((x) => {
    const age = accountAgeDays(x);
    return (age === undefined ? x.userStats.impressions === 0 : age < cfg.newUserDays) ? 1 : 0;
  }),
  u_impressions_log: one((x) => Math.log1p(x.userStats.impressions)),
  u_views_24h_log: one((x) => Math.log1p(x.userStats.views24h)),
  u_views_7d_log: one((x) => Math.log1p(x.userStats.views7d)),
  u_mean_watch_ratio: one((x) => smoothed(x.userStats.sumWatchRatio, x.userStats.views, x.priors.watchRatio, k.userViews)),
  u_skip_rate: one((x) => smoothed(x.userStats.skips, x.userStats.impressions, x.priors.skipRate, k.userImpressions)),
  u_top_category_share: one((x) => share(x.userStats.topCategoryViews, x.userStats.categoryTotal)),
  u_category_entropy: one((x) => x.userStats.categoryEntropy),
  v_duration_log: one((x) => Math.log(x.video.duration_sec)),
  v_upload_age_hours_log: one((x) => Math.log1p(Math.max(0, (x.ts - x.video.upload_ts) / HOUR_MS))),
  v_impressions_log: one((x) => Math.log1p(x.videoStats.impressions)),
  v_view_rate: one((x) => smoothed(x.videoStats.views, x.videoStats.impressions, x.priors.viewRate, k.videoImpressions)),
  v_mean_watch_ratio: one((x) => smoothed(x.videoStats.sumWatchRatio, x.videoStats.views, x.priors.watchRatio, k.videoViews)),
  v_like_rate: one((x) => smoothed(x.videoStats.likes, x.videoStats.views, x.priors.likeRate, k.videoViews)),
  v_dislike_rate: one((x) => smoothed(x.videoStats.dislikes, x.videoStats.impressions, x.priors.dislikeRate, k.videoImpressions)),
  c_view_rate: one((x) => smoothed(x.creatorStats.views, x.creatorStats.impressions, x.priors.viewRate, k.creatorImpressions)),
  hour_of_day: (x, out, at) => {
    const a = (TAU * (x.ts % DAY_MS)) / DAY_MS;
    out[at] = Math.sin(a);
    out[at + 1] = Math.cos(a);
  },
  weekday: (x, out, at) => {
    // Epoch day 0 was a Thursday; (days + 4) mod 7 is getUTCDay() with the time of day as a fraction.
    const a = (TAU * ((((x.ts / DAY_MS + 4) % 7) + 7) % 7)) / 7;
    out[at] = Math.sin(a);
    out[at + 1] = Math.cos(a);
  },
  ctx_device: (x, out, at) => writeDeviceOneHot(out, at, x.ctx.device ?? x.user.device),
  ctx_away_from_home: one((x) => (x.ctx.region !== undefined && x.user.region !== undefined && x.ctx.region !== x.user.region ? 1 : 0)),
  uc_category_share: one((x) => share(x.userStats.categoryViews, x.userStats.categoryTotal)),
  ucr_views_log: one((x) => Math.log1p(x.userCreator.views)),
  ucr_likes_log: one((x) => Math.log1p(x.userCreator.likes)),
  ucr_follows: one((x) => (x.userCreator.followed ? 1 : 0)),
  duration_pref_gap: (x, out, at) => {
    const n = x.userStats.finishedViews;
    if (n === 0) return;
    out[at] = Math.abs(Math.log(x.video.duration_sec) - x.userStats.sumLogDurationFinished / n);
    out[at + 1] = 1;
  },
  language_match: one((x) => (x.video.language !== undefined && x.video.language === x.user.language ? 1 : 0)),
  emb_dot: (x, out, at) => {
    if (x.embDot === undefined) return;
    out[at] = x.embDot;
    out[at + 1] = 1;
  },
};
