// Regional and global trending lists (`trend:<version>:<region>`), the feed's fallbacks and the
// trending surface itself.
import { GLOBAL_REGION } from '../../models/keys.js';
import type { RankedList } from '../../models/candidates.js';
import type { CandidateSource, SourceAnswer } from '../pipeline/types.js';
import type { ListStore } from '../stores/kv-list-store.js';
import { kvArtifactPrefix } from '../stores/manifest-reader.js';
import type { FeedQuery } from './feed-query.js';
import { trendingReason } from './reasons.js';

export const TRENDING_ARTIFACT = 'trending';

const answer = (list: RankedList, region: string, origin: string): SourceAnswer => ({
  items: list.items.map((item) => ({
    ...item,
    source: 'trending',
    reason: trendingReason(region, region === GLOBAL_REGION),
    origin,
  })),
  meta: { region },
});

/** The first of the query's regions that has a non-empty list. */
export const regionalTrending = (lists: ListStore): CandidateSource<FeedQuery> => ({
  name: 'RegionalTrending',
  async fetch(query) {
    const prefix = kvArtifactPrefix(query.manifest, TRENDING_ARTIFACT);
    if (!prefix) return { items: [], detail: `manifest ${query.manifest.version} publishes no trending` };
    for (const region of query.regions) {
      const list = await lists.getList(prefix + region);
      if (list && list.items.length > 0) return answer(list, region, 'RegionalTrending');
    }
    return { items: [], detail: `no trending list for ${query.regions.join(', ') || 'any region'}` };
  },
});

export const globalTrending = (lists: ListStore): CandidateSource<FeedQuery> => ({
  name: 'GlobalTrending',
  async fetch(query) {
    const prefix = kvArtifactPrefix(query.manifest, TRENDING_ARTIFACT);
    if (!prefix) return { items: [], detail: `manifest ${query.manifest.version} publishes no trending` };
    const list = await lists.getList(prefix + GLOBAL_REGION);
    return list ? answer(list, GLOBAL_REGION, 'GlobalTrending') : { items: [], detail: 'no global trending list' };
  },
});
