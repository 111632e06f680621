// Removes what the user just watched or was shown (the realtime seen window in Redis) and the videos
// they disliked. Without realtime state (Redis down or over budget) it removes nothing: fail open.
import type { Filter } from '../pipeline/types.js';
import type { UserRealtimeState } from '../stores/realtime-store.js';

export type RealtimeQuery = { realtime: UserRealtimeState | null };

export const realtimeSeen = <Q extends RealtimeQuery>(): Filter<Q> => ({
  name: 'RealtimeSeen',
  filter(candidates, query) {
    if (!query.realtime) return { kept: candidates, removed: [] };
    const hide = new Set([...query.realtime.seen, ...query.realtime.dislikedVideos]);
    const kept: typeof candidates = [];
    const removed: typeof candidates = [];
    for (const c of candidates) (hide.has(c.video_id) ? removed : kept).push(c);
    return { kept, removed };
  },
});
