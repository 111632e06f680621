// Implicit-feedback weight of one event for ALS: positive means "wanted this", negative "did not".
// Separate from the popularity weights in functions/config.ts: ALS needs signed preference, and an
// impression alone says nothing about taste.
import { watchRatio, type Event } from '../../models/schemas.js';

/** Weight of a view below which it counts as a quick bail-out rather than interest. */
export const QUICK_VIEW_RATIO = 0.1;

export const alsEventWeight = {
  impression: 0,
  like: 2,
  share: 3,
  comment: 1.5,
  follow: 2,
  dislike: -3,
  skip: -0.5,
} as const;

/** Maps one event to an ALS weight; views scale with watch ratio (missing duration counts as 0.3). */
export function engagementWeight(e: Pick<Event, 'type' | 'watch_time_sec' | 'video_duration_sec'>): number {
  if (e.type !== 'view') return alsEventWeight[e.type];
  const ratio = watchRatio(e) ?? 0.3;
  // A view abandoned almost immediately is treated like a mild skip, not as weak interest.
  return ratio < QUICK_VIEW_RATIO ? -0.25 : ratio;
}
