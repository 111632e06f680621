// How much one event says a viewer valued a video, as the central trending job counts it. A copy of
// functions/config.ts `engagementWeight` and functions/stats/engagement.ts: the worker may not import
// functions/, so the two must move to models/ together (then this file re-exports them).
import { watchRatio, type Event, type EventType } from '../../models/schemas.js';

export const ENGAGEMENT_WEIGHT: Readonly<Record<EventType, number>> = {
  impression: 0,
  view: 0.5,
  like: 2,
  share: 3,
  comment: 2,
  follow: 2,
  dislike: -3,
  skip: -0.05,
};

/** A view adds its watch ratio (0.3 when the duration is unknown), as the central job does. */
export function engagement(e: Pick<Event, 'type' | 'watch_time_sec' | 'video_duration_sec'>): number {
  const base = ENGAGEMENT_WEIGHT[e.type];
  return e.type === 'view' ? base + (watchRatio(e) ?? 0.3) : base;
}
