// The home feed, declared as data: the user's cached candidates, topped up (or replaced when
// missing) by regional then global trending. The light ranker, MMR and exploration slots join here.
import { CANDIDATES_BUDGET_MS, TRENDING_BUDGET_MS } from '../config.js';
import { dedupe } from '../filters/dedupe.js';
import { servedInCursor } from '../filters/served-in-cursor.js';
import { cachedCandidates } from '../sources/cached-candidates.js';
import type { FeedQuery } from '../sources/feed-query.js';
import { globalTrending } from '../sources/global-trending.js';
import { regionalTrending } from '../sources/regional-trending.js';
import type { ListStore } from '../stores/kv-list-store.js';
import type { Pipeline } from './types.js';

export const feedPipeline = (ports: { lists: ListStore }): Pipeline<FeedQuery> => ({
  name: 'feed',
  sources: [
    { source: cachedCandidates(ports.lists), when: 'always', budgetMs: CANDIDATES_BUDGET_MS, failOpen: true, fallbackReason: 'candidates' },
    { source: regionalTrending(ports.lists), when: 'if-short', budgetMs: TRENDING_BUDGET_MS, failOpen: true },
    { source: globalTrending(ports.lists), when: 'if-short', budgetMs: TRENDING_BUDGET_MS, failOpen: true },
  ],
  // Dedupe first: it must see the whole stream, including positions earlier pages consumed.
  filters: [dedupe(), servedInCursor()],
});
