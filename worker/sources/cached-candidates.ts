// The user's precomputed candidate list (the central rebuild writes one per user per version).
import type { CandidateSource } from '../pipeline/types.js';
import { kvArtifactPrefix } from '../stores/manifest-reader.js';
import type { ListStore } from '../stores/kv-list-store.js';
import type { FeedQuery } from './feed-query.js';
import { reasonForSource } from './reasons.js';

export const CANDIDATES_ARTIFACT = 'candidates';

export const cachedCandidates = (lists: ListStore): CandidateSource<FeedQuery> => ({
  name: 'CachedCandidates',
  async fetch(query) {
    const prefix = kvArtifactPrefix(query.manifest, CANDIDATES_ARTIFACT);
    if (!prefix) return { items: [], detail: `manifest ${query.manifest.version} publishes no candidates` };
    if (query.userId === null) return { items: [], detail: 'no user' };
    const list = await lists.getList(prefix + query.userId);
    if (!list) return { items: [], detail: `no cached candidates for this user in ${query.manifest.version}` };
    return {
      items: list.items.map((item) => {
        const source = item.sources[0] ?? 'popular';
        return { ...item, source, reason: reasonForSource(source), origin: 'CachedCandidates' };
      }),
    };
  },
});
