import { describe, expect, it } from 'vitest';
import type { Event } from '../../models/schemas.js';
import { addGrade, engagementGrade } from './engagement-grade.js';

const ev = (type: Event['type'], watch?: number): Event =>
  ({ event_id: `${type}${watch}`, user_id: 'u', video_id: 'v', ts: 0, type, surface: 'feed', ...(watch !== undefined && { watch_time_sec: watch, video_duration_sec: 20 }) }) as Event;

describe('engagement grade', () => {
  it('grades shares 4, comments 3, likes 2 and views by watch-ratio bucket', () => {
    expect(['share', 'comment', 'like'].map((t) => engagementGrade(ev(t as Event['type'])))).toEqual([4, 3, 2]);
    // 16 of 20 s is 0.8 → 2; 15.9 s is under 0.8 → 1; 10 s is 0.5 → 1; 9.9 s → 0.
    expect([16, 15.9, 10, 9.9].map((w) => engagementGrade(ev('view', w)))).toEqual([2, 1, 1, 0]);
    expect(engagementGrade(ev('view', 60))).toBe(2);
  });
  it('gives dislikes, skips, impressions and follows 0', () => {
    expect(['dislike', 'skip', 'impression', 'follow'].map((t) => engagementGrade(ev(t as Event['type'])))).toEqual([0, 0, 0, 0]);
  });
  it('keeps the max grade per video', () => {
    const g = new Map<string, number>();
    for (const [v, grade] of [['a', 1], ['a', 3], ['a', 2], ['b', 0], ['c', 2]] as const) addGrade(g, v, grade);
    expect([...g]).toEqual([['a', 3], ['c', 2]]);
  });
});
