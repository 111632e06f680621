// Removes what the user just watched or was shown (the realtime seen window in Redis) and the videos
// they disliked: the query's `seen` set, built once per request by hiddenVideos (exploration skips the
// same set). Without realtime state (Redis down or over budget) it is empty: fail open.
import type { Filter } from '../pipeline/types.js';
import type { UserRealtimeState } from '../stores/realtime-store.js';

export type SeenQuery = { seen: ReadonlySet<string> };

/** Everything the user must not be shown again now: seen or disliked. */
export const hiddenVideos = (realtime: UserRealtimeState | null): ReadonlySet<string> =>
  new Set([...(realtime?.seen ?? []), ...(realtime?.dislikedVideos ?? [])]);

export const realtimeSeen = <Q extends SeenQuery>(): Filter<Q> => ({
  name: 'RealtimeSeen',
  filter(candidates, query) {
    if (query.seen.size === 0) return { kept: candidates, removed: [] };
    const kept: typeof candidates = [];
    const removed: typeof candidates = [];
    for (const c of candidates) (query.seen.has(c.video_id) ? removed : kept).push(c);
    return { kept, removed };
  },
});
