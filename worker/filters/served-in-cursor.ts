// Removes what earlier pages of this cursor chain served, so a session never sees an item twice.
import { servedHash } from '../routes/cursor.js';
import type { Filter, PageQuery } from '../pipeline/types.js';

export const servedInCursor = <Q extends PageQuery>(): Filter<Q> => ({
  name: 'ServedInCursor',
  filter(candidates, query) {
    if (query.served.size === 0) return { kept: candidates, removed: [] };
    const kept: typeof candidates = [];
    const removed: typeof candidates = [];
    for (const c of candidates) (query.served.has(servedHash(c.video_id)) ? removed : kept).push(c);
    return { kept, removed };
  },
});
