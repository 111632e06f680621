// Keeps the first occurrence of each video in the stream. It runs over the whole stream, before
// SeenInCursor, so a video served on an earlier page from one source never comes back from another.
import type { Filter, FilterResult } from '../pipeline/types.js';

export const dedupe = <Q>(): Filter<Q> => ({
  name: 'Dedupe',
  filter(candidates) {
    const seen = new Set<string>();
    const result: FilterResult = { kept: [], removed: [] };
    for (const c of candidates) {
      if (seen.has(c.video_id)) result.removed.push(c);
      else {
        seen.add(c.video_id);
        result.kept.push(c);
      }
    }
    return result;
  },
});
