// At most `maxPerCreator` videos of one creator on a page. A video over the cap moves down to just
// after the page (in its original order), never out of the stream: a later page may still show it.
import type { Candidate } from '../pipeline/types.js';
import { checkRange, RerankConfigError } from './errors.js';
import type { Reranker } from './types.js';

export type CreatorCapConfig = { maxPerCreator: number };
export const CREATOR_CAP_DEFAULTS: CreatorCapConfig = { maxPerCreator: 2 };

export function creatorCap(config: Partial<CreatorCapConfig> = {}): Reranker {
  const { maxPerCreator } = { ...CREATOR_CAP_DEFAULTS, ...config };
  checkRange('CreatorCap', 'maxPerCreator', maxPerCreator, 1, Number.MAX_SAFE_INTEGER);
  if (!Number.isInteger(maxPerCreator)) throw new RerankConfigError('CreatorCap', 'maxPerCreator', `must be an integer, got ${maxPerCreator}`);
  return {
    name: 'CreatorCap',
    rerank(items, ctx) {
      const perCreator = new Map<string, number>();
      const page: Candidate[] = [];
      const overCap: Candidate[] = [];
      let next = 0;
      for (; next < items.length && page.length < ctx.n; next++) {
        const c = items[next]!;
        const count = perCreator.get(c.creator_id) ?? 0;
        if (count < maxPerCreator) {
          perCreator.set(c.creator_id, count + 1);
          page.push(c);
        } else overCap.push(c);
      }
      // Too few creators to fill the page under the cap: the over-cap videos fill it (in order) rather
      // than leaving it short, since they come right after the page anyway.
      return page.concat(overCap, items.slice(next));
    },
  };
}
