// Advances each user's SessionState with a batch of events, using the tracker the replay uses
// (models/light-ranker/session.ts). Events are applied in time order; one older than the user's last
// activity arrived late and is skipped (the tracker refuses out-of-order events), and a timestamp in
// the future is clamped to now so a skewed client clock cannot freeze the session.
import { applySessionEvent, newSession, type SessionState } from '../../models/light-ranker/session.js';
import type { Event } from '../../models/schemas.js';
import type { VideoRef } from '../stores/realtime-store.js';

export type SessionBatchEvent = Pick<Event, 'event_id' | 'user_id' | 'video_id' | 'type' | 'ts'>;

const byTime = (a: SessionBatchEvent, b: SessionBatchEvent) =>
  a.ts - b.ts || (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0);

/**
 * `stored` holds the states read from Redis (absent: a user never seen). Returns the advanced state of
 * every user in the batch and how many events were skipped as late.
 */
export function advanceSessions(
  stored: ReadonlyMap<string, SessionState>,
  events: readonly SessionBatchEvent[],
  refs: ReadonlyMap<string, VideoRef>,
  nowMs: number,
): { states: Map<string, SessionState>; late: number } {
  const states = new Map<string, SessionState>();
  let late = 0;
  for (const e of [...events].sort(byTime)) {
    let s = states.get(e.user_id);
    if (!s) states.set(e.user_id, (s = structuredClone(stored.get(e.user_id) ?? newSession())));
    const ts = Math.min(e.ts, nowMs);
    if (ts < s.lastActivityTs) {
      late++;
      continue;
    }
    const ref = refs.get(e.video_id);
    applySessionEvent(s, { type: e.type, ts, category: ref?.category, creator_id: ref?.creator_id });
  }
  return { states, late };
}
