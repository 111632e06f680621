// THE feature spec, as data: which dense features exist, in which order, how wide and how each is
// normalised, plus the hashed id slots. Training rows and serving rows are both laid out from these
// lists, and FEATURE_SPEC_VERSION (a hash of them and of featureConfig) tags every artifact fitted on them.
import type { MmoeConfig } from '../ranker/mmoe-weights.js';
import { featureConfig } from './config.js';
import { fnv1a32 } from './hash.js';

export type FeatureGroup = 'user' | 'behaviour' | 'video' | 'context' | 'cross';
/** zscore: (x - mean) / std with mean/std fitted on training rows; none: already in [-1, 1] (flags, one-hots, sin/cos). */
export type Norm = 'zscore' | 'none';
export type DenseFeature = { name: string; group: FeatureGroup; width: number; norm: Norm; doc: string };

export const DENSE_FEATURES = [
  { name: 'user_device', group: 'user', width: 5, norm: 'none', doc: 'profile device one-hot (DEVICES order)' },
  { name: 'account_age_days_log', group: 'user', width: 1, norm: 'zscore', doc: 'log1p(days since signup)' },
  { name: 'is_new_user', group: 'user', width: 1, norm: 'none', doc: 'signed up < newUserDays ago (or no history if signup unknown)' },
  { name: 'u_impressions_log', group: 'behaviour', width: 1, norm: 'zscore', doc: 'log1p(impressions seen)' },
  { name: 'u_views_24h_log', group: 'behaviour', width: 1, norm: 'zscore', doc: 'log1p(views in the last 24 h, hour buckets)' },
  { name: 'u_views_7d_log', group: 'behaviour', width: 1, norm: 'zscore', doc: 'log1p(views in the last 7 d, day buckets)' },
  { name: 'u_mean_watch_ratio', group: 'behaviour', width: 1, norm: 'zscore', doc: 'smoothed mean watch ratio of views' },
  { name: 'u_skip_rate', group: 'behaviour', width: 1, norm: 'zscore', doc: 'smoothed skips per impression' },
  { name: 'u_top_category_share', group: 'behaviour', width: 1, norm: 'zscore', doc: 'share of views in the favourite category' },
  { name: 'u_category_entropy', group: 'behaviour', width: 1, norm: 'zscore', doc: 'entropy (nats) of the category distribution of views' },
  { name: 'v_duration_log', group: 'video', width: 1, norm: 'zscore', doc: 'log(duration_sec)' },
  { name: 'v_upload_age_hours_log', group: 'video', width: 1, norm: 'zscore', doc: 'log1p(hours since upload at impression)' },
  { name: 'v_impressions_log', group: 'video', width: 1, norm: 'zscore', doc: 'log1p(impressions of the video)' },
  { name: 'v_view_rate', group: 'video', width: 1, norm: 'zscore', doc: 'views per impression, smoothed to the global prior' },
  { name: 'v_mean_watch_ratio', group: 'video', width: 1, norm: 'zscore', doc: 'mean watch ratio of views, smoothed' },
  { name: 'v_like_rate', group: 'video', width: 1, norm: 'zscore', doc: 'likes per view, smoothed' },
  { name: 'v_dislike_rate', group: 'video', width: 1, norm: 'zscore', doc: 'dislikes per impression, smoothed' },
  { name: 'c_view_rate', group: 'video', width: 1, norm: 'zscore', doc: "creator's views per impression, smoothed" },
  { name: 'hour_of_day', group: 'context', width: 2, norm: 'none', doc: 'sin/cos of the UTC hour' },
  { name: 'weekday', group: 'context', width: 2, norm: 'none', doc: 'sin/cos of the UTC weekday' },
  { name: 'ctx_device', group: 'context', width: 5, norm: 'none', doc: 'request device one-hot (profile device if absent)' },
  { name: 'ctx_away_from_home', group: 'context', width: 1, norm: 'none', doc: 'request region differs from profile region' },
  { name: 'uc_category_share', group: 'cross', width: 1, norm: 'zscore', doc: "share of the user's views in this video's category" },
  { name: 'ucr_views_log', group: 'cross', width: 1, norm: 'zscore', doc: "log1p(user's views of this creator)" },
  { name: 'ucr_likes_log', group: 'cross', width: 1, norm: 'zscore', doc: "log1p(user's likes of this creator)" },
  { name: 'ucr_follows', group: 'cross', width: 1, norm: 'none', doc: 'user follows the creator' },
  { name: 'duration_pref_gap', group: 'cross', width: 2, norm: 'none', doc: '[|log dur - mean log dur of finished views|, has finished views]' },
  { name: 'language_match', group: 'cross', width: 1, norm: 'none', doc: 'video language = user language' },
  { name: 'emb_dot', group: 'cross', width: 2, norm: 'none', doc: '[collaborative embedding dot product, present flag]' },
] as const satisfies readonly DenseFeature[];
export type DenseName = (typeof DENSE_FEATURES)[number]['name'];

export type IdSlot = { name: string; group: FeatureGroup; buckets: number; dim: number };
/** Hashed id slots, each looked up in its own embedding table (ids[i] ↔ MmoeConfig.embeddings[i]). */
export const ID_SLOTS = [
  { name: 'user_id', group: 'user', buckets: 1 << 16, dim: 8 },
  { name: 'video_id', group: 'video', buckets: 1 << 16, dim: 8 },
  { name: 'creator_id', group: 'video', buckets: 1 << 14, dim: 8 },
  { name: 'category', group: 'video', buckets: 256, dim: 4 },
  { name: 'region', group: 'context', buckets: 64, dim: 2 },
  { name: 'language', group: 'user', buckets: 64, dim: 2 },
] as const satisfies readonly IdSlot[];
export type IdSlotName = (typeof ID_SLOTS)[number]['name'];

export const DENSE_DIM: number = DENSE_FEATURES.reduce((s, f) => s + f.width, 0);
export const ID_SLOT_COUNT: number = ID_SLOTS.length;

/** First column of each dense feature. */
export const DENSE_OFFSET = (() => {
  const out = {} as Record<DenseName, number>;
  let at = 0;
  for (const f of DENSE_FEATURES) (out[f.name] = at), (at += f.width);
  return out;
})();

/** Per column: the feature it belongs to and its normalisation. */
export const DENSE_COLUMNS: { name: DenseName; norm: Norm }[] = DENSE_FEATURES.flatMap((f) =>
  Array.from({ length: f.width }, () => ({ name: f.name, norm: f.norm })),
);

export const FEATURE_SPEC_VERSION = `fs-${fnv1a32(JSON.stringify({ DENSE_FEATURES, ID_SLOTS, featureConfig })).toString(16).padStart(8, '0')}`;

/** The embedding part of the ranker's config, one table per id slot in slot order. */
export const mmoeEmbeddings = (): MmoeConfig['embeddings'] => ID_SLOTS.map((s) => ({ name: s.name, buckets: s.buckets, dim: s.dim }));
