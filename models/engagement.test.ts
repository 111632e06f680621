import { describe, expect, it } from 'vitest';
import { engagement, ENGAGEMENT_WEIGHT } from './engagement.js';

describe('engagement', () => {
  it('adds the watch ratio to a view, capped at one full view', () => {
    expect(engagement({ type: 'view', watch_time_sec: 15, video_duration_sec: 60 })).toBeCloseTo(ENGAGEMENT_WEIGHT.view + 0.25);
    expect(engagement({ type: 'view', watch_time_sec: 600, video_duration_sec: 60 })).toBeCloseTo(ENGAGEMENT_WEIGHT.view + 1);
    expect(engagement({ type: 'view', watch_time_sec: 15 })).toBeCloseTo(ENGAGEMENT_WEIGHT.view + 0.3);
  });

  it('weighs other events by type alone, dislikes and skips negatively', () => {
    expect(engagement({ type: 'share' })).toBe(ENGAGEMENT_WEIGHT.share);
    expect(engagement({ type: 'dislike' })).toBeLessThan(0);
    expect(engagement({ type: 'impression' })).toBe(0);
  });
});
