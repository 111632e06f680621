// The trending surface: the region's list, or the global one when the region has none.
import { TRENDING_BUDGET_MS } from '../config.js';
import { dedupe } from '../filters/dedupe.js';
import type { FeedQuery } from '../sources/feed-query.js';
import { globalTrending } from '../sources/global-trending.js';
import { regionalTrending } from '../sources/regional-trending.js';
import type { ListStore } from '../stores/kv-list-store.js';
import type { Pipeline } from './types.js';

export const trendingPipeline = (ports: { lists: ListStore }): Pipeline<FeedQuery> => ({
  name: 'trending',
  sources: [
    { source: regionalTrending(ports.lists), when: 'always', budgetMs: TRENDING_BUDGET_MS, failOpen: true, fallbackReason: 'regional' },
    { source: globalTrending(ports.lists), when: 'if-empty', budgetMs: TRENDING_BUDGET_MS, failOpen: true },
  ],
  filters: [dedupe()],
});
