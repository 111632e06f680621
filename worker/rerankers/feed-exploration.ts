// Exploration in the feed: the page's slots come from the query's pool, seeded by user and cursor so
// a reload shows the same page. A user with no list of their own (new, or not rebuilt yet) gets the
// onboarding share, more exploration on top of the trending fallback. No pool: the page is unchanged.
import { fnv1a32 } from '../../models/features/hash.js';
import type { Candidate, PageQuery } from '../pipeline/types.js';
import type { ExplorePool } from '../sources/explore-pool.js';
import { exploration } from './exploration.js';
import type { Reranker } from './types.js';

export type ExploreQuery = PageQuery & { userId: string | null; explore: ExplorePool | null; seen: ReadonlySet<string> };

export function feedExploration<Q extends ExploreQuery>(o: { share: number; onboardingShare: number; personalOrigin: string }): Reranker<Q> {
  const regular = exploration({ share: o.share });
  const onboarding = exploration({ share: o.onboardingShare });
  return {
    name: 'Exploration',
    rerank(items: Candidate[], q: Q) {
      if (!q.explore || q.explore.pool.length === 0) return items.slice();
      const personal = items.some((c) => c.origin === o.personalOrigin);
      const seed = fnv1a32(`${q.userId ?? ''}:${q.served.size}`);
      return (personal ? regular : onboarding).rerank(items, { n: q.n, seed, pool: q.explore.pool, counters: q.explore.counters, seen: q.seen });
    },
  };
}
