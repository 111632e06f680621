import { describe, expect, it } from 'vitest';
import { featureConfig } from './config.js';
import { emptyUserStats, type FeatureInputs } from './inputs.js';
import { bucketOf } from './hash.js';
import { featureRow } from './row.js';
import { DENSE_OFFSET as O, ID_SLOTS } from './spec.js';

const DAY = 86_400_000;
const ts = Date.parse('2026-03-04T18:00:00Z'); // a Wednesday, 18:00 UTC
const x: FeatureInputs = {
  ts,
  position: 3,
  user: { user_id: 'u1', signup_ts: ts - 3 * DAY, device: 'android', region: 'eu', language: 'en' },
  ctx: { device: 'web', region: 'us' },
  video: { video_id: 'v1', creator_id: 'c1', category: 'music', duration_sec: 20, upload_ts: ts - 5 * 3_600_000, language: 'en' },
  userStats: { ...emptyUserStats(), impressions: 10, views: 4, skips: 6, sumWatchRatio: 2, views24h: 3, views7d: 4, categoryViews: 1, topCategoryViews: 3, categoryTotal: 4, finishedViews: 2, sumLogDurationFinished: 2 * Math.log(10) },
  videoStats: { impressions: 50, views: 25, sumWatchRatio: 10, likes: 5, dislikes: 0 },
  creatorStats: { impressions: 0, views: 0 },
  userCreator: { views: 2, likes: 1, followed: true },
  priors: { viewRate: 0.3, watchRatio: 0.5, likeRate: 0.05, dislikeRate: 0.01, skipRate: 0.7 },
};

describe('featureRow', () => {
  const r = featureRow(x, 'training');
  const d = (name: keyof typeof O, k = 0) => r.dense[O[name] + k]!;

  it('computes each group from the inputs', () => {
    expect([0, 1, 2, 3, 4].map((k) => d('user_device', k))).toEqual([0, 1, 0, 0, 0]);
    expect([0, 1, 2, 3, 4].map((k) => d('ctx_device', k))).toEqual([0, 0, 1, 0, 0]);
    expect(d('account_age_days_log')).toBeCloseTo(Math.log1p(3), 6);
    expect(d('is_new_user')).toBe(1);
    expect(d('u_views_24h_log')).toBeCloseTo(Math.log1p(3), 6);
    // (25 + 50·0.3) / (50 + 50) and (5 + 20·0.05) / (25 + 20): smoothed toward the priors
    expect(d('v_view_rate')).toBeCloseTo(0.4, 6);
    expect(d('v_like_rate')).toBeCloseTo(6 / 45, 6);
    expect(d('c_view_rate')).toBeCloseTo(0.3, 6); // no evidence: the prior
    expect(d('v_upload_age_hours_log')).toBeCloseTo(Math.log1p(5), 6);
    expect(d('hour_of_day', 0)).toBeCloseTo(-1, 6); // 18:00 → sin(3π/2)
    expect(d('weekday', 0)).toBeCloseTo(Math.sin((2 * Math.PI * (3 + 0.75)) / 7), 5);
    expect(d('ctx_away_from_home')).toBe(1);
    expect(d('uc_category_share')).toBeCloseTo(0.25, 6);
    expect(d('u_top_category_share')).toBeCloseTo(0.75, 6);
    expect(d('ucr_follows')).toBe(1);
    expect(d('duration_pref_gap', 0)).toBeCloseTo(Math.log(2), 6);
    expect(d('duration_pref_gap', 1)).toBe(1);
    expect(d('language_match')).toBe(1);
    expect([d('emb_dot', 0), d('emb_dot', 1)]).toEqual([0, 0]);
    expect(featureRow({ ...x, embDot: 0.5 }, 'training').dense[O.emb_dot + 1]).toBe(1);
  });

  it('hashes ids per slot and keeps the real position for training, a fixed one for serving', () => {
    expect(r.ids[ID_SLOTS.findIndex((s) => s.name === 'video_id')]).toBe(bucketOf('v1', 1 << 16));
    expect(r.ids[ID_SLOTS.findIndex((s) => s.name === 'region')]).toBe(bucketOf('us', 64));
    expect(r.position).toBe(3);
    const s = featureRow(x, 'serving');
    expect(s.position).toBe(featureConfig.servingPosition);
    expect([...s.dense]).toEqual([...r.dense]);
  });
});
