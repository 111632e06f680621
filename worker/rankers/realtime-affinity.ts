// Realtime affinity: what the user did since the lists were built moves their creators. A followed
// creator's videos are lifted, a disliked creator's demoted (not removed: one dislike is a weak signal
// about a whole channel). Scores are min-max normalised within each origin (the user's own list,
// then each fallback that topped it up, in stream order) and each origin sits one unit above the next,
// so a top-up never jumps ahead of the list it tops up and the lift means the same whatever scorer
// ran before.
import type { Scorer } from '../pipeline/types.js';
import type { UserRealtimeState } from '../stores/realtime-store.js';

export type RealtimeQuery = { realtime: UserRealtimeState | null };

export type AffinityConfig = { followLift: number; dislikeDemote: number };
export const AFFINITY_DEFAULTS: AffinityConfig = { followLift: 0.3, dislikeDemote: 0.6 };

export const realtimeAffinity = <Q extends RealtimeQuery>(config: AffinityConfig = AFFINITY_DEFAULTS): Scorer<Q> => ({
  name: 'RealtimeAffinity',
  async score(candidates, query) {
    const followed = new Set(query.realtime?.followedCreators ?? []);
    const disliked = new Set(query.realtime?.dislikedCreators ?? []);
    const tiers = [...new Set(candidates.map((c) => c.origin))];
    const range = new Map(tiers.map((t) => [t, { lo: Infinity, hi: -Infinity }]));
    for (const c of candidates) {
      const r = range.get(c.origin)!;
      r.lo = Math.min(r.lo, c.score);
      r.hi = Math.max(r.hi, c.score);
    }
    return candidates.map((c) => {
      const { lo, hi } = range.get(c.origin)!;
      const base = tiers.length - 1 - tiers.indexOf(c.origin) + (hi > lo ? (c.score - lo) / (hi - lo) : 1);
      return base + (followed.has(c.creator_id) ? config.followLift : 0) - (disliked.has(c.creator_id) ? config.dislikeDemote : 0);
    });
  },
});
