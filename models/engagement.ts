// How much one event says a viewer valued a video: the weight behind popularity and trending, the
// same for the central jobs and the edge's realtime trending counters.
import { watchRatio, type Event, type EventType } from './schemas.js';

/** Engagement weight of each event type (views add their watch ratio). */
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

/** A view adds its watch ratio (0.3 when the duration is unknown). */
export function engagement(e: Pick<Event, 'type' | 'watch_time_sec' | 'video_duration_sec'>): number {
  const base = ENGAGEMENT_WEIGHT[e.type];
  return e.type === 'view' ? base + (watchRatio(e) ?? 0.3) : base;
}
