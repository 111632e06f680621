import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../models/schemas.js';
import { T0, tinyVideos, view, like } from '../testing/tiny-world.js';
import { countEvent, newEngagementCounts, rates, SMOOTHING } from './video-stats.js';

const videos = new Map(tinyVideos.map((v) => [v.video_id, v]));
const apply = (events: ReturnType<typeof view>[]) => {
  const c = newEngagementCounts();
  for (const raw of events) {
    const e = EventSchema.parse(raw);
    countEvent(c, e, videos.get(e.video_id)!);
  }
  return c;
};

describe('smoothed engagement rates', () => {
  it('shrinks a barely seen video toward the overall rate instead of 0 or 1', () => {
    const events = [view('u1', 'a', T0), like('u1', 'a', T0 + 1)];
    for (let i = 0; i < 40; i++) events.push(view(`x${i}`, 'b', T0 + i));
    const c = apply(events);
    const a = rates(c.videos.get('a')!, c.total);
    const b = rates(c.videos.get('b')!, c.total);
    const overallLike = c.total.likes / c.total.views; // 1 of 41 views
    // a: 1 like in 1 view; smoothed = (1 + prior·20) / (1 + 20).
    expect(a.like_rate).toBeCloseTo((1 + overallLike * SMOOTHING.views) / (1 + SMOOTHING.views), 6);
    expect(a.like_rate).toBeGreaterThan(overallLike);
    expect(a.like_rate).toBeLessThan(0.2);
    expect(b.like_rate).toBeLessThan(overallLike);
    expect(b.like_rate).toBeGreaterThan(0);
  });

  it('aggregates creators across their videos', () => {
    const c = apply([view('u1', 'a', T0), view('u2', 'a', T0 + 1)]);
    const creator = videos.get('a')!.creator_id;
    expect(c.creators.get(creator)!.views).toBe(2);
  });
});
