import { describe, expect, it } from 'vitest';
import type { Event } from '../../models/schemas.js';
import { addSplitEvent, emptySplitEvents, isPositive } from './split-events.js';

const SPLIT = 1_000;
const ev = (type: Event['type'], video: string, ts: number, watch?: number): Event =>
  ({ event_id: `${type}${video}${ts}`, user_id: 'u', video_id: video, ts, type, ...(watch !== undefined && { watch_time_sec: watch, video_duration_sec: 20 }) }) as Event;

describe('split events', () => {
  it('counts views of at least half the video, likes, shares and comments as positive', () => {
    expect(isPositive(ev('view', 'a', 0, 10))).toBe(true);
    expect(isPositive(ev('view', 'a', 0, 9.9))).toBe(false);
    expect(['like', 'share', 'comment'].every((t) => isPositive(ev(t as Event['type'], 'a', 0)))).toBe(true);
    expect(['impression', 'skip', 'dislike', 'follow'].some((t) => isPositive(ev(t as Event['type'], 'a', 0)))).toBe(false);
  });
  it('puts train events into watched and test positives into targets', () => {
    const s = emptySplitEvents();
    for (const e of [ev('view', 'a', 10, 1), ev('impression', 'b', 20), ev('like', 'c', 999), ev('view', 'd', SPLIT, 15), ev('view', 'e', 2_000, 2), ev('share', 'a', 3_000)]) addSplitEvent(s, e, SPLIT);
    expect(s).toMatchObject({ train: 3, test: 3 });
    expect([...s.watched.get('u')!]).toEqual(['a', 'c']);
    expect([...s.positives.get('u')!]).toEqual(['d', 'a']);
    expect([...s.trainUsers]).toEqual(['u']);
  });
  it('grades each test positive by its best event', () => {
    const s = emptySplitEvents();
    // d: a 75% view (1) then a like (2); a: a share (4) then a dislike (0); e: a 10% view, not a target.
    for (const e of [ev('view', 'd', SPLIT, 15), ev('like', 'd', SPLIT + 1), ev('share', 'a', SPLIT + 2), ev('dislike', 'a', SPLIT + 3), ev('view', 'e', SPLIT + 4, 2)]) addSplitEvent(s, e, SPLIT);
    expect([...s.grades.get('u')!]).toEqual([['d', 2], ['a', 4]]);
    expect([...s.grades.get('u')!.keys()]).toEqual([...s.positives.get('u')!]);
    expect(s.trainUsers.size).toBe(0);
  });
});
