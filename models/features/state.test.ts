import { describe, expect, it } from 'vitest';
import { EventSchema, type Event } from '../schemas.js';
import { featureConfig } from './config.js';
import { denseRow, userDenseRows } from './row.js';
import { FeatureState } from './state.js';
import { TopCounts } from './top-counts.js';
import { WindowCounter } from './window-counter.js';
import { seededWorld, T0 } from './seeded-events.js';

const HOUR = 3_600_000;
const w = seededWorld(11);
let n = 0;
const ev = (e: Omit<Partial<Event>, 'type'> & Pick<Event, 'type' | 'user_id' | 'video_id' | 'ts'>): Event => EventSchema.parse({ event_id: `s${n++}`, ...e });

describe('FeatureState', () => {
  it('counts per user, video, creator and user×creator', () => {
    const s = new FeatureState(w.videos, w.users);
    const v = w.videos.get('v0')!;
    s.apply(ev({ type: 'impression', user_id: 'u0', video_id: 'v0', ts: T0 }));
    s.apply(ev({ type: 'view', user_id: 'u0', video_id: 'v0', ts: T0 + 1000, watch_time_sec: v.duration_sec }));
    s.apply(ev({ type: 'like', user_id: 'u0', video_id: 'v0', ts: T0 + 2000 }));
    s.apply(ev({ type: 'follow', user_id: 'u0', video_id: 'v0', ts: T0 + 3000 }));
    const x = s.inputsFor('u0', v, T0 + 25 * HOUR, 0);
    expect(x.userStats).toMatchObject({ impressions: 1, views: 1, sumWatchRatio: 1, finishedViews: 1, categoryViews: 1, categoryTotal: 1, views24h: 0, views7d: 1 });
    expect(x.userStats.sumLogDurationFinished).toBeCloseTo(Math.log(v.duration_sec), 9);
    expect(x.videoStats).toEqual({ impressions: 1, views: 1, sumWatchRatio: 1, likes: 1, dislikes: 0 });
    expect(x.creatorStats).toEqual({ impressions: 1, views: 1 });
    expect(x.userCreator).toEqual({ views: 1, likes: 1, followed: true });
    expect(x.user.device).toBe(w.users.get('u0')!.device);
    // one impression and one view against 1000 pseudo-impressions at 0.3
    expect(x.priors.viewRate).toBeCloseTo((1 + 300) / 1001, 9);
  });

  it('keeps memory bounded: at most the configured categories and creators per user', () => {
    const videos = new Map([...Array(100).keys()].map((i) => [`v${i}`, { ...w.videos.get('v0')!, video_id: `v${i}`, creator_id: `c${i}`, category: `k${i}` }]));
    const s = new FeatureState(videos);
    for (let i = 0; i < 100; i++) s.apply(ev({ type: 'view', user_id: 'u', video_id: `v${i}`, ts: T0 + i, watch_time_sec: 1 }));
    const x = s.inputsFor('u', videos.get('v99')!, T0 + HOUR, 0);
    expect(x.userStats.categoryTotal).toBe(featureConfig.userTopCategories);
    expect(x.userStats.categoryViews).toBe(1);
    expect(x.userStats.views).toBe(100);
    expect(x.userStats.categoryEntropy).toBeCloseTo(Math.log(featureConfig.userTopCategories), 9);
  });
});

describe('WindowCounter and TopCounts', () => {
  it('counts the last N buckets only', () => {
    const c = new WindowCounter(24, HOUR);
    c.add(T0);
    c.add(T0 + 10 * HOUR, 2);
    c.add(T0 + 30 * HOUR);
    expect(c.sum(T0 + 30 * HOUR)).toBe(3);
    expect(c.sum(T0 + 34 * HOUR)).toBe(1);
    expect(c.sum(T0 + 23 * HOUR)).toBe(3);
  });
  it('evicts the smallest count when full', () => {
    const t = new TopCounts(2, () => ({ count: 0 }));
    t.upsert('a').count += 5;
    t.upsert('b').count += 1;
    t.upsert('c').count += 2;
    expect([...t.entries.keys()]).toEqual(['a', 'c']);
    expect(t.total()).toBe(7);
  });
});

describe('one user, many videos', () => {
  it('gives every row exactly what inputsFor and denseRow give row by row', () => {
    const s = new FeatureState(w.videos, w.users);
    for (const e of w.events) s.apply(e);
    const at = w.endMs + HOUR;
    const videos = [...w.videos.values()];
    for (const userId of ['u0', 'u3', 'nobody']) {
      const inputs = s.inputsForUser(userId, at, 2, { device: 'web' });
      const block: number[][] = [];
      userDenseRows(videos.length, (i) => inputs(videos[i]!), (raw) => block.push([...raw]));
      const one = videos.map((v) => [...denseRow(s.inputsFor(userId, v, at, 2, { device: 'web' }))]);
      expect(block).toEqual(one);
      // Rows differ across videos (the item side is not copied from the first).
      expect(new Set(block.map((r) => r.join())).size).toBeGreaterThan(videos.length / 2);
    }
  });
});
