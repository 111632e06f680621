import { describe, expect, it } from 'vitest';
import type { Event } from '../../models/schemas.js';
import { isPositive, positivesFrom } from './positives.js';

const ev = (type: Event['type'], video: string, ts: number, watch?: number): Event =>
  ({ event_id: `e${ts}`, user_id: 'u', video_id: video, ts, type, surface: 'feed', watch_time_sec: watch, video_duration_sec: 10 }) as Event;

describe('positives', () => {
  it('keeps half-watched views, likes, shares and follows only', () => {
    expect(isPositive(ev('view', 'a', 1, 5))).toBe(true);
    expect(isPositive(ev('view', 'a', 1, 4.9))).toBe(false);
    expect(['like', 'share', 'follow'].map((t) => isPositive(ev(t as Event['type'], 'a', 1)))).toEqual([true, true, true]);
    expect(['impression', 'skip', 'dislike', 'comment'].map((t) => isPositive(ev(t as Event['type'], 'a', 1)))).toEqual([false, false, false, false]);
  });
  it('keeps the first positive of each (user, video)', async () => {
    const got = await positivesFrom([ev('view', 'a', 1, 9), ev('like', 'a', 2), ev('view', 'b', 3, 1), ev('share', 'b', 4)]);
    expect(got).toEqual([{ user_id: 'u', video_id: 'a', ts: 1 }, { user_id: 'u', video_id: 'b', ts: 4 }]);
  });
});
