// Removes what earlier pages of this cursor chain already consumed: every stream position before
// the cursor's offset (served, or skipped over by a reranker, so never shown twice).
import type { Filter, PageQuery } from '../pipeline/types.js';

export const seenInCursor = <Q extends PageQuery>(): Filter<Q> => ({
  name: 'SeenInCursor',
  filter(candidates, query) {
    const kept = candidates.filter((c) => c.rank >= query.offset);
    const removed = candidates.filter((c) => c.rank < query.offset);
    return { kept, removed };
  },
});
