import { describe, expect, it } from 'vitest';
import { afterView, engagement, examination, expectedOutcomes, localHour, partialRatio, type ImpressionContext, type UserSide, type VideoSide } from './engagement.js';

const C = 24;
const taste = Array.from({ length: C }, (_, c) => (c === 0 ? 0.7 : c === 1 ? 0.3 : 0));
const user: UserSide = { taste, vec: [0.5, 0, 0, 0, 0, 0, 0, 0], device: 'ios', signup_ts: 0, tz_hours: 0 };
const T = Date.UTC(2025, 2, 5, 14);
const video = (over: Partial<VideoSide> = {}): VideoSide => ({ category: 0, quality: 0.5, duration_sec: 20, upload_ts: T - 5 * 86_400_000, vec: [1, 0, 0, 0, 0, 0, 0, 0], ...over });
const ctx = (over: Partial<ImpressionContext> = {}): ImpressionContext => ({ ts: T, position: 0, creatorAffinity: 0, followed: false, trendBoost: 0, ...over });

describe('engagement model', () => {
  it('examination decays monotonically with position and flattens above 0.3', () => {
    const e = Array.from({ length: 50 }, (_, p) => examination(p));
    expect(e[0]).toBe(1);
    for (let p = 1; p < 50; p++) expect(e[p]).toBeLessThan(e[p - 1]!);
    expect(e[49]).toBeGreaterThan(0.3);
  });

  it('raises P(view) with category taste, quality, follows, trends and freshness', () => {
    const base = engagement(user, video(), ctx()).view;
    expect(engagement(user, video({ category: 5 }), ctx()).view).toBeLessThan(base);
    expect(engagement(user, video({ quality: 0.9 }), ctx()).view).toBeGreaterThan(base);
    expect(engagement(user, video(), ctx({ followed: true })).view).toBeGreaterThan(base);
    expect(engagement(user, video(), ctx({ trendBoost: 1.5 })).view).toBeGreaterThan(base);
    expect(engagement(user, video({ upload_ts: T - 3_600_000 }), ctx()).view).toBeGreaterThan(base);
    expect(engagement(user, video(), ctx({ position: 10 })).view).toBeCloseTo(base * examination(10), 10);
  });

  it('finishes short videos more often, and new users watch longer', () => {
    expect(engagement(user, video({ duration_sec: 8 }), ctx()).full).toBeGreaterThan(engagement(user, video({ duration_sec: 90 }), ctx()).full);
    const fresh = { ...user, signup_ts: T - 86_400_000 };
    expect(expectedOutcomes(fresh, video(), ctx()).ratioGivenView).toBeGreaterThan(expectedOutcomes(user, video(), ctx()).ratioGivenView);
  });

  it('partial ratios stay below 0.95 and likes rise with the ratio watched', () => {
    const e = engagement(user, video(), ctx());
    for (const u of [0, 0.3, 0.9, 0.999999]) expect(partialRatio(e, u)).toBeLessThan(0.95);
    expect(afterView(e, ctx(), 1).like).toBeGreaterThan(5 * afterView(e, ctx(), 0.1).like);
    expect(afterView(e, ctx({ followed: true }), 1).follow).toBe(0);
  });

  it('expected outcomes are probabilities', () => {
    const o = expectedOutcomes(user, video(), ctx());
    for (const v of Object.values(o)) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
  });

  it('reads the local hour in the user time zone', () => {
    expect(localHour(T, 0)).toBe(14);
    expect(localHour(T, -5)).toBe(9);
    expect(localHour(T, 11)).toBe(1);
  });
});
