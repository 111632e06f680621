// Trending in the viewer's region (`trend:<version>:<region>`): the first fallback of the feed.
import type { CandidateSource } from '../pipeline/types.js';
import type { ListStore } from '../stores/kv-list-store.js';
import type { FeedQuery } from './feed-query.js';
import { readTrendingList, trendingAnswer } from './trending-list.js';

/** The first of the query's regions that has a non-empty list. */
export const regionalTrending = (lists: ListStore): CandidateSource<FeedQuery> => ({
  name: 'RegionalTrending',
  async fetch(query) {
    // Read in parallel (a region guessed from the client's country may not exist), pick in order.
    const found = await Promise.all(query.regions.map((region) => readTrendingList(lists, query.manifest, region)));
    for (const [i, list] of found.entries()) {
      if (list && list.items.length > 0) return trendingAnswer(list, query.regions[i]!, 'RegionalTrending');
    }
    return { items: [], detail: `no trending list for ${query.regions.join(', ') || 'any region'}` };
  },
});
