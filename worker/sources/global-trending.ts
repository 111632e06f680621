// Trending everywhere (`trend:<version>:global`): the last fallback of every surface.
import { GLOBAL_REGION } from '../../models/keys.js';
import type { CandidateSource } from '../pipeline/types.js';
import type { ListStore } from '../stores/kv-list-store.js';
import { kvArtifactPrefix } from '../stores/manifest-reader.js';
import type { FeedQuery } from './feed-query.js';
import { TRENDING_ARTIFACT, trendingAnswer } from './trending-list.js';

export const globalTrending = (lists: ListStore): CandidateSource<FeedQuery> => ({
  name: 'GlobalTrending',
  async fetch(query) {
    const prefix = kvArtifactPrefix(query.manifest, TRENDING_ARTIFACT);
    if (!prefix) return { items: [], detail: `manifest ${query.manifest.version} publishes no trending` };
    const list = await lists.getList(prefix + GLOBAL_REGION);
    return list ? trendingAnswer(list, GLOBAL_REGION, 'GlobalTrending') : { items: [], detail: 'no global trending list' };
  },
});
