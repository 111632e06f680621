// What the feed's candidate sources, filters, scorers and rerankers are asked: whose feed, which
// published version, which regions, and what the realtime store knows right now.
import type { Manifest } from '../../models/schemas.js';
import type { PageQuery } from '../pipeline/types.js';
import type { UserRealtimeState } from '../stores/realtime-store.js';
import type { ExplorePool } from './explore-pool.js';

export type FeedQuery = PageQuery & {
  /** null for surfaces without a user (the trending route). */
  userId: string | null;
  manifest: Manifest;
  /** Regions whose trending list to try, in order; never includes the global list. */
  regions: string[];
  nowMs: number;
  /** null when the realtime store is not configured, down or over its budget (fail open). */
  realtime: UserRealtimeState | null;
  /** Videos exploration must not pick: seen, disliked or served earlier in this session. */
  seen: ReadonlySet<string>;
  explore: ExplorePool | null;
};

/** A query with no realtime state and no exploration (surfaces without a user: trending). */
export const plainQuery = (q: Pick<FeedQuery, 'userId' | 'n' | 'served' | 'manifest' | 'regions'>): FeedQuery => ({
  ...q,
  nowMs: Date.now(),
  realtime: null,
  seen: new Set(),
  explore: null,
});
