// Trending everywhere (`trend:<version>:global`): the last fallback of every surface.
import { GLOBAL_REGION } from '../../models/keys.js';
import type { CandidateSource } from '../pipeline/types.js';
import type { ListStore } from '../stores/kv-list-store.js';
import type { FeedQuery } from './feed-query.js';
import { readTrendingList, trendingAnswer } from './trending-list.js';

export const globalTrending = (lists: ListStore): CandidateSource<FeedQuery> => ({
  name: 'GlobalTrending',
  async fetch(query) {
    const list = await readTrendingList(lists, query.manifest, GLOBAL_REGION);
    return list ? trendingAnswer(list, GLOBAL_REGION, 'GlobalTrending') : { items: [], detail: 'no global trending list' };
  },
});
