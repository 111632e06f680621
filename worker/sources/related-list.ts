// "Up Next": the related list the central job precomputed for a video (`rel:<version>:<video>`),
// its neighbours in embedding space.
import type { CandidateSource } from '../pipeline/types.js';
import type { ListStore } from '../stores/kv-list-store.js';
import { kvArtifactPrefix } from '../stores/manifest-reader.js';
import type { FeedQuery } from './feed-query.js';

export const RELATED_ARTIFACT = 'related';
export type RelatedQuery = FeedQuery & { videoId: string };

export const relatedList = (lists: ListStore): CandidateSource<RelatedQuery> => ({
  name: 'RelatedList',
  async fetch(query) {
    const prefix = kvArtifactPrefix(query.manifest, RELATED_ARTIFACT);
    if (!prefix) return { items: [], detail: `manifest ${query.manifest.version} publishes no related lists` };
    const list = await lists.getList(prefix + query.videoId);
    if (!list) return { items: [], detail: `no related list for ${query.videoId}` };
    return {
      items: list.items.map((item) => ({ ...item, source: 'item2item' as const, sources: ['item2item' as const], reason: 'related to this video', origin: 'RelatedList' })),
    };
  },
});
